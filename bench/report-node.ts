/**
 * Gatehouse on several Node releases (`--node`): one row per scenario and Gatehouse variant, one
 * column per release, each cell the successes per second, the p50 and the server's CPU time per
 * success, with throughput and CPU relative to the first column (the benchmark's own Node). The
 * loader runs on that same Node for every column.
 */
import type { Measurement } from './measurement.js';

export interface NodeTarget {
  name: string;
  kind: 'gatehouse' | 'peer';
  node?: string;
}

/** Undefined when every Gatehouse variant ran on one Node release. */
export function nodeTable(targets: NodeTarget[], measurements: Measurement[]): string | undefined {
  const ours = targets.filter((target) => target.kind === 'gatehouse' && target.node);
  const versions = [...new Set(ours.map((target) => target.node!))];
  if (versions.length < 2) return undefined;
  const variant = (name: string) => name.split('@')[0]!;
  const nodeOf = new Map(ours.map((target) => [target.name, target.node!]));
  const rows: string[] = [];
  for (const scenario of [...new Set(measurements.map((m) => m.scenario))]) {
    const here = measurements.filter((m) => m.scenario === scenario && nodeOf.has(m.target));
    for (const name of [...new Set(here.map((m) => variant(m.target)))]) {
      const on = (version: string) => here.find((m) => variant(m.target) === name && nodeOf.get(m.target) === version);
      const first = on(versions[0]!);
      const cells = versions.map((version, i) => {
        const m = on(version);
        if (!m) return '–';
        if (m.skipped || m.successes === 0) return 'n/a';
        const cpu = cpuMsPerSuccess(m);
        const base = i > 0 && first && !first.skipped && first.successes > 0 ? first : undefined;
        const baseCpu = base && cpuMsPerSuccess(base);
        const relative = base
          ? ` (${(m.requestsPerSecond / base.requestsPerSecond).toFixed(2)}×${cpu !== undefined && baseCpu ? `, CPU ${(cpu / baseCpu).toFixed(2)}×` : ''})`
          : '';
        return `${m.requestsPerSecond}/s · ${m.p50Ms} ms${cpu === undefined ? '' : ` · ${cpu} ms CPU`}${relative}`;
      });
      rows.push(`| ${scenario} | ${name} | ${inFlight(here, name)} | ${cells.join(' | ')} |`);
    }
  }
  return [
    `Gatehouse on each Node release: successes per second · p50 · the server's CPU time per success (which a busy machine `
      + `disturbs less than the other two); in parentheses, throughput and CPU per success relative to node ${versions[0]}. `
      + `The loader runs on ${versions[0]} throughout.`,
    '',
    `| Scenario | Gatehouse | in flight | ${versions.map((version) => `node ${version}`).join(' | ')} |`,
    `|---|---|--:|${versions.map(() => '--:').join('|')}|`,
    ...rows,
  ].join('\n');
}

const inFlight = (here: Measurement[], name: string) => here.find((m) => m.target.split('@')[0] === name && m.concurrency !== undefined)?.concurrency ?? '–';

/** Milliseconds of the server's CPU per success over the window, when the CPU was measured. */
function cpuMsPerSuccess(m: Measurement): number | undefined {
  if (!m.cpu || m.successes === 0) return undefined;
  return Math.round((10 * m.cpu.server * m.windowMs) / m.successes) / 10;
}
