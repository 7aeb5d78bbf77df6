/**
 * Runs one server under test as a child process: a fresh temporary folder as its working
 * directory and data folder, its output in a log file there (a pipe nobody reads would stall it,
 * and reading it would spend the benchmark's CPU), readiness polled over HTTP, and a stop that
 * escalates to SIGKILL and removes the folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerSpec {
  /** Folder-name prefix and label in messages. */
  label: string;
  command: string;
  /** Arguments, given the port and the fresh folder. */
  args: (port: number, dir: string) => string[];
  env?: (port: number, dir: string) => Record<string, string>;
  /** Writes what the server reads at start-up into its fresh folder. */
  prepare?: (dir: string) => void;
  /** True once the server answers as ready; `log` is its output so far. */
  isReady: (url: string, log: string) => Promise<boolean>;
  startTimeoutMs?: number;
}

export interface ServerProcess {
  url: string;
  port: number;
  /** The process we started; a cluster primary's workers are its children. */
  pid: number;
  dir: string;
  log(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Last resort when the benchmark dies without reaching its cleanup (kill is synchronous). */
process.once('exit', function killLeftovers() {
  for (const child of running) child.kill('SIGKILL');
});

export async function startServer(spec: ServerSpec): Promise<ServerProcess> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), `bench-${spec.label}-`));
  spec.prepare?.(dir);
  const logPath = join(dir, 'server.log');
  const logFd = openSync(logPath, 'a');
  const child = spawn(spec.command, spec.args(port, dir), {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...spec.env?.(port, dir) },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  running.add(child);
  child.once('exit', () => running.delete(child));
  const log = () => readLog(logPath);
  const server: ServerProcess = {
    url: `http://127.0.0.1:${port}`, port, pid: child.pid ?? 0, dir, log,
    stop: () => stopChild(child).finally(() => rmSync(dir, { recursive: true, force: true })),
  };
  try {
    await waitUntilReady(spec, server, child);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitUntilReady(spec: ServerSpec, server: ServerProcess, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + (spec.startTimeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${spec.label} exited (${child.exitCode ?? child.signalCode}) while starting:\n${tail(server.log())}`);
    }
    if (await spec.isReady(server.url, server.log()).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${spec.label} did not become ready within ${spec.startTimeoutMs ?? 30_000} ms:\n${tail(server.log())}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Ready as soon as anything answers HTTP on the port, whatever the status. */
export async function answersHttp(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
  await response.arrayBuffer();
  return true;
}

export function tail(text: string, lines = 20): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
