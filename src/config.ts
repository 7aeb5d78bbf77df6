/**
 * The one typed configuration object, and SETTINGS, the one place each setting is defined: its
 * environment variable, its `serve` flag, its default and its meaning. loadConfig reads them
 * (a flag wins over its variable, which wins over the default) and `gatehouse serve --help` lists
 * them; nothing else in the code reads process.env.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { DEFAULT_ARGON2, parseArgon2Parameters, type Argon2Parameters } from './crypto/passwords.js';

export interface Config {
  /** TCP port. Default 9229 is taken by the inspector, so 9329. */
  port: number;
  /** Interface to bind. Loopback by default: expose it deliberately. */
  host: string;
  /** Folder for the SQLite file and generated key material. */
  dataDir: string;
  /** PostgreSQL connection string; SQLite when absent. */
  databaseUrl: string | undefined;
  /** Base URL clients reach us at; token issuers derive from it. No trailing slash. */
  publicUrl: string;
  /** AWS region this server answers as; prefixes pool ids. */
  region: string;
  /** Processes sharing the port. */
  workers: number;
  /** The twelve-digit account id used in ARNs. */
  accountId: string;
  /** Admin SigV4 credentials; generated and stored on first start when both are unset. */
  adminAccessKeyId: string | undefined;
  adminSecretAccessKey: string | undefined;
  /** Base64 of 32 bytes that encrypts secrets at rest; generated into dataDir when unset. */
  masterKey: string | undefined;
  /** SMTP server for mail, e.g. smtp://127.0.0.1:2525; mail goes to the outbox in dataDir when unset. */
  smtpUrl: string | undefined;
  /** Sender address. */
  mailFrom: string;
  /** SMS sender: "outbox" appends messages to the outbox in dataDir, "file:<path>" to that file. */
  smsSender: string;
  /** pino log level. */
  logLevel: string;
  /** argon2id parameters for new password hashes. */
  argon2: Argon2Parameters;
  /**
   * Issue tokens with Cognito's own issuer, https://cognito-idp.<region>.amazonaws.com/<poolId>,
   * for applications that hard-code it, such as aws-jwt-verify's CognitoJwtVerifier. The JWKS is
   * still served by Gatehouse under /<poolId>/.well-known/jwks.json.
   */
  cognitoIssuer: boolean;
  /** Regions besides `region` that SigV4 credential scopes may name; like AWS, any other is refused. */
  extraRegions: string[];
  /** The functions file mapping Lambda ARNs to runtimes; see src/triggers/functions-file.ts. */
  functionsFile: string | undefined;
  /** Lambda Invoke API endpoint for every function ARN the functions file does not map. */
  lambdaEndpoint: string | undefined;
}

/** A setting's text could not become a value; loadConfig names the flag or variable it came from. */
class Refused extends Error {}

export interface Setting<T> {
  /** The environment variable. */
  env: string;
  /** The `serve` flag, as commander spells it, e.g. `--port <port>`. */
  flag?: `--${string} <${string}>`;
  /** The text read when the setting is not given; absent: the setting stays unset unless `read` derives one. */
  fallback?: string;
  /** How --help shows the default, when it is not `fallback` itself. */
  shown?: string;
  /** What it is, for --help. */
  about: string;
  /** Never echoed in an error (it may hold a password). */
  secret?: true;
  /** Turns the text (given, or the fallback) into the value; `earlier` holds the settings above it. */
  read: (text: string | undefined, earlier: Partial<Config>) => T;
}

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/** Every setting, in the order they are read and listed. */
export const SETTINGS: { [K in keyof Config]: Setting<Config[K]> } = {
  port: {
    env: 'GATEHOUSE_PORT', flag: '--port <port>', fallback: '9329', about: 'TCP port to listen on (0: any free port)',
    read: (text) => integer(text!, 0, 65535),
  },
  host: {
    env: 'GATEHOUSE_HOST', flag: '--host <host>', fallback: '127.0.0.1', about: 'interface to bind: an IP address or a host name (0.0.0.0 for every IPv4 interface)',
    read: (text) => hostOrAddress(text!),
  },
  dataDir: {
    env: 'GATEHOUSE_DATA', flag: '--data <dir>', fallback: 'data', shown: './data', about: 'folder for the SQLite file, the master key and the outbox',
    read: (text) => resolve(text!),
  },
  databaseUrl: {
    env: 'DATABASE_URL', flag: '--database-url <url>', shown: 'none (SQLite in the data folder)', about: 'PostgreSQL connection string, postgres://user:password@host:port/database', secret: true,
    read: (text) => {
      if (text !== undefined && !/^postgres(ql)?:\/\//.test(text)) throw new Refused('expected a postgres:// or postgresql:// connection string');
      return text;
    },
  },
  publicUrl: {
    env: 'GATEHOUSE_PUBLIC_URL', flag: '--public-url <url>', shown: 'http://<host>:<port>', about: 'base URL clients use; token issuers derive from it',
    read: (text, { host, port }) => httpUrl(text ?? `http://${host!.includes(':') ? `[${host}]` : host}:${port}`),
  },
  region: {
    env: 'GATEHOUSE_REGION', flag: '--region <region>', fallback: 'us-east-1', about: 'AWS region to answer as (pool ids, ARNs, SigV4 scopes)',
    read: (text) => {
      if (!REGION.test(text!)) throw new Refused('expected a region name such as us-east-1');
      return text!;
    },
  },
  workers: {
    env: 'GATEHOUSE_WORKERS', flag: '--workers <n>', fallback: '1', about: 'processes sharing the port',
    read: (text) => integer(text!, 1, 256),
  },
  accountId: {
    env: 'GATEHOUSE_ACCOUNT_ID', fallback: '000000000000', about: 'account id in ARNs',
    read: (text) => {
      if (!/^\d{12}$/.test(text!)) throw new Refused('expected twelve digits');
      return text!;
    },
  },
  adminAccessKeyId: {
    env: 'GATEHOUSE_ADMIN_ACCESS_KEY_ID', shown: 'none (a pair is generated on first start)', about: 'access key id of the admin SigV4 key pair (set with GATEHOUSE_ADMIN_SECRET_ACCESS_KEY)',
    read: (text) => text,
  },
  adminSecretAccessKey: {
    env: 'GATEHOUSE_ADMIN_SECRET_ACCESS_KEY', shown: 'none (a pair is generated on first start)', about: 'secret access key of the admin SigV4 key pair', secret: true,
    read: (text) => text,
  },
  masterKey: {
    env: 'GATEHOUSE_MASTER_KEY', shown: 'none (one is generated into <data>/master.key)', about: 'base64 of 32 bytes encrypting secrets at rest; give every node the same one', secret: true,
    read: (text) => text,
  },
  smtpUrl: {
    env: 'GATEHOUSE_SMTP_URL', shown: 'none (mail goes to the outbox)', about: 'SMTP server for mail, e.g. smtp://127.0.0.1:2525 or smtps://user:pass@host', secret: true,
    read: (text) => text,
  },
  mailFrom: {
    env: 'GATEHOUSE_MAIL_FROM', fallback: 'no-reply@gatehouse.local', about: 'sender address of mail',
    read: (text) => text!,
  },
  smsSender: {
    env: 'GATEHOUSE_SMS_SENDER', fallback: 'outbox', about: '"outbox" (the data folder\'s, read with `gatehouse outbox`), or file:<path> to append each SMS to that file',
    read: (text) => text!,
  },
  logLevel: {
    env: 'GATEHOUSE_LOG_LEVEL', fallback: 'info', about: 'pino log level: fatal, error, warn, info, debug, trace or silent',
    read: (text) => text!,
  },
  argon2: {
    env: 'GATEHOUSE_ARGON2', fallback: `m=${DEFAULT_ARGON2.memoryCost},t=${DEFAULT_ARGON2.timeCost},p=${DEFAULT_ARGON2.parallelism}`,
    about: 'argon2id parameters of new password hashes (memory KiB, iterations, lanes)',
    read: (text) => {
      try {
        return parseArgon2Parameters(text!);
      } catch {
        throw new Refused('expected e.g. m=7168,t=5,p=1, with m at least 1024');
      }
    },
  },
  cognitoIssuer: {
    env: 'GATEHOUSE_COGNITO_ISSUER', fallback: 'false', about: 'issue tokens with Cognito\'s own issuer URL, for aws-jwt-verify\'s CognitoJwtVerifier',
    read: (text) => {
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
      throw new Refused('expected true or false');
    },
  },
  extraRegions: {
    env: 'GATEHOUSE_EXTRA_REGIONS', shown: 'none', about: 'comma-separated regions, besides the region, that a SigV4 signature may be scoped to',
    read: (text) => {
      const regions = (text ?? '').split(',').map((region) => region.trim()).filter(Boolean);
      const bad = regions.find((region) => !REGION.test(region));
      if (bad !== undefined) throw new Refused(`${bad} is not a region name such as us-east-1`);
      return regions;
    },
  },
  functionsFile: {
    env: 'GATEHOUSE_FUNCTIONS', flag: '--functions <file>', shown: 'none', about: 'JSON file mapping Lambda trigger ARNs to runtimes',
    read: (text) => (text === undefined ? undefined : resolve(text)),
  },
  lambdaEndpoint: {
    env: 'GATEHOUSE_LAMBDA_ENDPOINT', shown: 'none', about: 'Lambda Invoke API endpoint for every function ARN the functions file does not map',
    read: (text) => {
      if (text !== undefined && !/^https?:\/\/[^/]/.test(text)) throw new Refused('expected an http(s) URL');
      return text;
    },
  },
};

/** `serve`'s flags as commander hands them over: `--database-url` arrives as `databaseUrl`. */
export type ConfigFlags = Partial<Record<string, string>>;

/** The key commander stores a flag's value under: `--database-url <url>` → `databaseUrl`. */
export const flagKey = (flag: string) => flag.slice(2).split(' ')[0]!.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

/** How a message names a setting: its flag and its variable, e.g. `--host / GATEHOUSE_HOST`. */
export function settingNames(key: keyof Config): string {
  const setting: Setting<unknown> = SETTINGS[key];
  return setting.flag ? `${setting.flag.split(' ')[0]} / ${setting.env}` : setting.env;
}

export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const config: Partial<Record<keyof Config, unknown>> = {};
  for (const [key, setting] of Object.entries(SETTINGS) as [keyof Config, Setting<unknown>][]) {
    // An empty value counts as unset, so `VAR=` in a compose file or a test harness means "default".
    const fromFlag = setting.flag ? flags[flagKey(setting.flag)] || undefined : undefined;
    const given = fromFlag ?? (env[setting.env] || undefined);
    const source = fromFlag !== undefined ? setting.flag!.split(' ')[0]! : setting.env;
    const text = given ?? setting.fallback;
    try {
      config[key] = setting.read(text, config as Partial<Config>);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      const named = given === undefined ? `${source} (from its default, ${setting.shown ?? setting.fallback})` : source;
      throw new Error(`invalid ${named}${setting.secret || text === undefined ? '' : `: ${text}`} (${error.message})`);
    }
  }
  return config as Config;
}

function integer(text: string, min: number, max: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new Refused(`expected a whole number from ${min} to ${max}`);
  return n;
}

/** An IP address, or a host name of letters, digits and hyphens whose last label is not all digits (that would be an IPv4 address). */
function hostOrAddress(text: string): string {
  if (isIP(text)) return text;
  const labels = text.split('.');
  const named = text.length <= 253 && labels.every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label)) && !/^\d+$/.test(labels.at(-1)!);
  if (!named) throw new Refused('expected an IP address such as 127.0.0.1 or ::1, or a host name');
  return text;
}

/** The public URL is the base of every token issuer, so it must be an absolute http(s) URL; no trailing slash. */
function httpUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') throw new Refused('expected an absolute http:// or https:// URL');
  return text.replace(/\/+$/, '');
}
