/**
 * The one typed configuration object. Flags win over environment variables, which win over the
 * defaults documented here; nothing else in the code reads process.env.
 */
import { resolve } from 'node:path';
import { DEFAULT_ARGON2, parseArgon2Parameters, type Argon2Parameters } from './crypto/passwords.js';

export interface Config {
  /** TCP port (GATEHOUSE_PORT, --port). Default 9229 is taken by the inspector, so 9329. */
  port: number;
  /** Interface to bind (GATEHOUSE_HOST, --host). Loopback by default: expose it deliberately. */
  host: string;
  /** Folder for the SQLite file and generated key material (GATEHOUSE_DATA, --data). */
  dataDir: string;
  /** PostgreSQL connection string (DATABASE_URL, --database-url); SQLite when absent. */
  databaseUrl: string | undefined;
  /** Base URL clients reach us at (GATEHOUSE_PUBLIC_URL, --public-url); token issuers derive from it. */
  publicUrl: string;
  /** AWS region this server answers as (GATEHOUSE_REGION, --region); prefixes pool ids. */
  region: string;
  /** Processes sharing the port (GATEHOUSE_WORKERS, --workers). */
  workers: number;
  /** The twelve-digit account id used in ARNs (GATEHOUSE_ACCOUNT_ID). */
  accountId: string;
  /** Admin SigV4 credentials; generated and stored on first start when both are unset. */
  adminAccessKeyId: string | undefined;
  adminSecretAccessKey: string | undefined;
  /** Base64 of 32 bytes that encrypts secrets at rest (GATEHOUSE_MASTER_KEY); generated into dataDir when unset. */
  masterKey: string | undefined;
  /** SMTP server for mail (GATEHOUSE_SMTP_URL), e.g. smtp://127.0.0.1:2525; mail goes to the outbox in dataDir when unset. */
  smtpUrl: string | undefined;
  /** Sender address (GATEHOUSE_MAIL_FROM). */
  mailFrom: string;
  /** SMS sender (GATEHOUSE_SMS_SENDER): "outbox" appends messages to the outbox in dataDir, "file:<path>" to that file. */
  smsSender: string;
  /** pino log level (GATEHOUSE_LOG_LEVEL). */
  logLevel: string;
  /** argon2id parameters for new password hashes (GATEHOUSE_ARGON2, e.g. "m=7168,t=5,p=1"). */
  argon2: Argon2Parameters;
  /**
   * Issue tokens with Cognito's own issuer, https://cognito-idp.<region>.amazonaws.com/<poolId>
   * (GATEHOUSE_COGNITO_ISSUER=true), for applications that hard-code it, such as aws-jwt-verify's
   * CognitoJwtVerifier. The JWKS is still served by Gatehouse under /<poolId>/.well-known/jwks.json.
   */
  cognitoIssuer: boolean;
  /**
   * Regions besides `region` that SigV4 credential scopes may name (GATEHOUSE_EXTRA_REGIONS,
   * comma-separated). Empty by default: like AWS, a signature scoped to another region is refused.
   */
  extraRegions: string[];
  /** The functions file mapping Lambda ARNs to runtimes (GATEHOUSE_FUNCTIONS, --functions); see src/triggers/functions-file.ts. */
  functionsFile: string | undefined;
  /** Lambda Invoke API endpoint for every function ARN the functions file does not map (GATEHOUSE_LAMBDA_ENDPOINT). */
  lambdaEndpoint: string | undefined;
}

export type ConfigFlags = Partial<Record<'port' | 'host' | 'data' | 'databaseUrl' | 'publicUrl' | 'region' | 'workers' | 'functions', string>>;

export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  // An empty value counts as unset, so `VAR=` in a compose file or a test harness means "default".
  const setting = (flag: string | undefined, name: string) => (flag || undefined) ?? (env[name] || undefined);
  const host = setting(flags.host, 'GATEHOUSE_HOST') ?? '127.0.0.1';
  const port = integer('port', setting(flags.port, 'GATEHOUSE_PORT') ?? '9329', 0, 65535);
  const region = setting(flags.region, 'GATEHOUSE_REGION') ?? 'us-east-1';
  if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region)) throw new Error(`invalid region: ${region}`);
  const accountId = setting(undefined, 'GATEHOUSE_ACCOUNT_ID') ?? '000000000000';
  if (!/^\d{12}$/.test(accountId)) throw new Error('GATEHOUSE_ACCOUNT_ID must be twelve digits');
  const databaseUrl = setting(flags.databaseUrl, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('the database URL must be a postgres:// or postgresql:// connection string');
  return {
    port,
    host,
    dataDir: resolve(setting(flags.data, 'GATEHOUSE_DATA') ?? 'data'),
    databaseUrl,
    publicUrl: httpUrl(setting(flags.publicUrl, 'GATEHOUSE_PUBLIC_URL') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`),
    region,
    workers: integer('workers', setting(flags.workers, 'GATEHOUSE_WORKERS') ?? '1', 1, 256),
    accountId,
    adminAccessKeyId: setting(undefined, 'GATEHOUSE_ADMIN_ACCESS_KEY_ID'),
    adminSecretAccessKey: setting(undefined, 'GATEHOUSE_ADMIN_SECRET_ACCESS_KEY'),
    masterKey: setting(undefined, 'GATEHOUSE_MASTER_KEY'),
    smtpUrl: setting(undefined, 'GATEHOUSE_SMTP_URL'),
    mailFrom: setting(undefined, 'GATEHOUSE_MAIL_FROM') ?? 'no-reply@gatehouse.local',
    smsSender: setting(undefined, 'GATEHOUSE_SMS_SENDER') ?? 'outbox',
    logLevel: setting(undefined, 'GATEHOUSE_LOG_LEVEL') ?? 'info',
    argon2: env.GATEHOUSE_ARGON2 ? parseArgon2Parameters(env.GATEHOUSE_ARGON2) : DEFAULT_ARGON2,
    cognitoIssuer: flag('GATEHOUSE_COGNITO_ISSUER', env.GATEHOUSE_COGNITO_ISSUER),
    extraRegions: regionList(setting(undefined, 'GATEHOUSE_EXTRA_REGIONS')),
    functionsFile: optionalPath(setting(flags.functions, 'GATEHOUSE_FUNCTIONS')),
    lambdaEndpoint: optionalUrl('GATEHOUSE_LAMBDA_ENDPOINT', setting(undefined, 'GATEHOUSE_LAMBDA_ENDPOINT')),
  };
}

function integer(name: string, value: string, min: number, max: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`invalid ${name}: ${value}`);
  return n;
}

/** The public URL is the base of every token issuer, so it must be an absolute http(s) URL; no trailing slash. */
function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`invalid public URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`invalid public URL: ${value}`);
  return value.replace(/\/+$/, '');
}

function flag(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new Error(`invalid ${name}: ${value} (expected true or false)`);
}

/** A comma-separated list of region names; each must look like one (us-east-1, us-gov-west-1). */
function regionList(value: string | undefined): string[] {
  const regions = (value ?? '').split(',').map((region) => region.trim()).filter(Boolean);
  for (const region of regions) {
    if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region)) throw new Error(`invalid region in GATEHOUSE_EXTRA_REGIONS: ${region}`);
  }
  return regions;
}

const optionalPath = (value: string | undefined) => (value === undefined ? undefined : resolve(value));

function optionalUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^https?:\/\/[^/]/.test(value)) throw new Error(`invalid ${name}: ${value} (expected an http(s) URL)`);
  return value;
}
