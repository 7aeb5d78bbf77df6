/** Facts about the machine and software a result was measured on, stored with the result. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { installedPeerVersion } from './peers.js';

export interface MachineFacts {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  loadAverage: number[];
  node: string;
  os: string;
  python: string;
  moto: string;
  cognitoLocal: string;
  gatehouseCommit: string;
}

export function machineFacts(): MachineFacts {
  return {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    python: output('python3', ['--version']),
    moto: output('python3', ['-c', 'import moto; print(moto.__version__)']),
    cognitoLocal: installedPeerVersion('cognito-local') ?? 'not installed',
    gatehouseCommit: output('git', ['describe', '--always', '--dirty']),
  };
}

function output(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unavailable';
  }
}
