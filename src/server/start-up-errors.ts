/**
 * Why a start failed, in one line that names the setting to look at and the cause: the data
 * folder, the database and the address to listen on. The CLI prints the message alone, without
 * a stack, and exits 1. A database URL is shown without its password.
 */
import { settingNames, type Config } from '../config.js';

/** The database URL with its password removed, for messages. */
export function describeDatabase(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    url.password = '';
    return url.toString();
  } catch {
    return 'the database';
  }
}

const cause = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/** A file-system or SQLite failure in the data folder; anything else keeps its own message. */
export function dataFolderFailure(config: Config, error: unknown): Error {
  const { code, path } = error as { code?: unknown; path?: unknown };
  const inDataFolder = typeof code === 'string' && (code.startsWith('SQLITE_') || (typeof path === 'string' && (config.dataDir.startsWith(path) || path.startsWith(config.dataDir))));
  if (!inDataFolder) return error instanceof Error ? error : new Error(String(error));
  return new Error(`cannot use the data folder ${config.dataDir} (${settingNames('dataDir')}): ${cause(error)}`);
}

export function databaseFailure(config: Config, error: unknown): Error {
  if (!config.databaseUrl) return dataFolderFailure(config, error);
  return new Error(`cannot use the database ${describeDatabase(config.databaseUrl)} (${settingNames('databaseUrl')}): ${cause(error)}`);
}

const LISTEN_CAUSES: Record<string, string> = {
  EADDRINUSE: 'the port is already in use',
  EADDRNOTAVAIL: 'no interface of this machine has that address',
  EACCES: 'permission denied (ports below 1024 need privileges)',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve',
};

export function listenFailure(config: Config, error: unknown): Error {
  const code = (error as { code?: string }).code ?? '';
  const why = LISTEN_CAUSES[code] ? `${LISTEN_CAUSES[code]} (${code})` : cause(error);
  const address = config.host.includes(':') ? `[${config.host}]:${config.port}` : `${config.host}:${config.port}`;
  return new Error(`cannot listen on ${address} (${settingNames('host')}, ${settingNames('port')}): ${why}`);
}
