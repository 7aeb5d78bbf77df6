/**
 * The peers the benchmark runs from npm (cognito-local) live in bench/peers/, with their own
 * package.json and lockfile, so that Gatehouse's own install carries none of them. The benchmark
 * installs them there (`npm ci --prefix bench/peers`) the first time a selected target needs them,
 * and again when the installed versions no longer match the pinned ones.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const PEERS = join(import.meta.dirname, 'peers');
const MANIFEST = join(PEERS, 'package.json');

/** `require.resolve` from bench/peers/, where the peers are installed. */
export const peerRequire = createRequire(MANIFEST);

/** The installed version of a peer, or undefined when it is not installed. */
export function installedPeerVersion(name: string): string | undefined {
  const file = join(PEERS, 'node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : undefined;
}

/** Installs bench/peers/ from its lockfile unless every pinned peer is already there at its version. */
export function ensurePeers(progress: (line: string) => void): void {
  const pinned = (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { dependencies: Record<string, string> }).dependencies;
  if (Object.entries(pinned).every(([name, version]) => installedPeerVersion(name) === version)) return;
  progress('installing the benchmark\'s peers (npm ci --prefix bench/peers)');
  const result = spawnSync('npm', ['ci', '--prefix', PEERS, '--no-audit', '--no-fund'], { stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error('npm ci --prefix bench/peers failed');
}
