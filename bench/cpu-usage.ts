/**
 * Where the CPU went during a measured window, from Linux /proc: the server's process tree
 * (a cluster primary and its workers, python and its threads), the benchmark process itself, and
 * everything else on the machine. On a shared 2-core box, a large "other" share means the numbers
 * were taken under someone else's load and deserve a rerun.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Shares of one core, e.g. 1.5 = one and a half cores busy on average. */
export interface CpuShares {
  server: number;
  bench: number;
  other: number;
}

/** Other processes using more than this many cores during a window make its numbers unreliable. */
export const BUSY_MACHINE_CORES = 0.25;

interface Sample {
  /** Jiffies across all CPUs, busy and idle, from the first line of /proc/stat. */
  total: number;
  busy: number;
  cpus: number;
  server: number;
  bench: number;
}

/**
 * A measurement to open and close with a load window; `shares()` is set once it has closed.
 * Without a server (the cost floor), `server` is 0 and the benchmark's own threads are `bench`.
 */
export function cpuWindow(serverPid: number | undefined): { open(): void; close(): void; shares(): CpuShares | undefined } {
  let finish: (() => CpuShares | undefined) | undefined;
  let shares: CpuShares | undefined;
  return {
    open: () => void (finish = measureCpu(serverPid)),
    close: () => void (shares = finish?.()),
    shares: () => shares,
  };
}

/**
 * Waits, up to `timeoutMs`, until other processes leave the machine quiet (under `maxOtherCores`
 * over one second), so a target does not start its run in the middle of someone's test suite.
 * Returns the last share seen from others.
 */
export async function waitForQuietMachine(timeoutMs: number, maxOtherCores: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const finish = measureCpu(undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const other = finish()?.other ?? 0;
    if (other <= maxOtherCores || Date.now() >= deadline) return other;
  }
}

/** Starts measuring now; the returned function ends the measurement and gives the shares. */
function measureCpu(serverPid: number | undefined): () => CpuShares | undefined {
  const first = sample(serverPid);
  return function finish() {
    const last = sample(serverPid);
    if (!first || !last || last.total <= first.total) return undefined;
    const cores = (last.total - first.total) / last.cpus;
    const server = (last.server - first.server) / cores;
    const bench = (last.bench - first.bench) / cores;
    const busy = (last.busy - first.busy) / cores;
    return { server: round(server), bench: round(bench), other: round(Math.max(0, busy - server - bench)) };
  };
}

function sample(serverPid: number | undefined): Sample | undefined {
  try {
    const lines = readFileSync('/proc/stat', 'utf8').split('\n');
    const fields = lines[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user)
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    return {
      total: user + nice + system + idle + iowait + irq + softirq + steal,
      busy: user + nice + system + irq + softirq + steal,
      cpus: lines.filter((line) => /^cpu\d+ /.test(line)).length,
      server: serverPid === undefined ? 0 : treeJiffies(serverPid),
      bench: processJiffies(process.pid) ?? 0,
    };
  } catch {
    return undefined; // not Linux: the report simply omits the shares
  }
}

/** CPU time of a process and all its descendants that are alive now. */
function treeJiffies(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = statFields(Number(entry))?.[1];
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  let sum = 0;
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    sum += processJiffies(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return sum;
}

function processJiffies(pid: number): number | undefined {
  const fields = statFields(pid);
  return fields ? fields[11]! + fields[12]! : undefined;
}

/** /proc/<pid>/stat after the command name: [state, ppid, ..., utime at 11, stime at 12]. */
function statFields(pid: number): number[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
  } catch {
    return undefined; // the process ended meanwhile
  }
}

const round = (value: number) => Math.round(value * 100) / 100;
