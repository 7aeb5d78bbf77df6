/** Real AWS clients pointed at a test server: the SDK v3 client, and the AWS CLI v2. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { CognitoIdentityProviderClient, type CognitoIdentityProviderClientConfig } from '@aws-sdk/client-cognito-identity-provider';
import { ADMIN, REGION, type Gatehouse } from './gatehouse.js';

/** `config` adds to or overrides the defaults, e.g. `{ systemClockOffset }` to sign as a skewed clock would. */
export function adminClient(server: Pick<Gatehouse, 'url'>, credentials = ADMIN, config: CognitoIdentityProviderClientConfig = {}): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ endpoint: server.url, region: REGION, credentials, maxAttempts: 1, ...config });
}

/**
 * Test options for tests of the slow tier, which start a Python process (the AWS CLI, boto3) per
 * call: seconds each on a loaded machine, so a handful of them outlast the default minute.
 */
export const SLOW = { timeout: 180_000 };

/** Debian's awscli package (v2) installs /usr/bin/aws; a pip-installed v1 may shadow it on PATH. */
export const AWS_CLI = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: unknown;
}

/** Runs `aws cognito-idp <args>` against the server; never throws on a non-zero exit. */
export async function awsCli(server: Pick<Gatehouse, 'url'>, args: string[], credentials = ADMIN): Promise<CliResult> {
  await requireCliV2();
  try {
    const { stdout, stderr } = await promisify(execFile)(AWS_CLI, ['cognito-idp', ...args, '--endpoint-url', server.url, '--output', 'json'], {
      env: {
        PATH: process.env.PATH, HOME: process.env.HOME,
        AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        AWS_DEFAULT_REGION: REGION, AWS_PAGER: '', AWS_MAX_ATTEMPTS: '1', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
    });
    return { code: 0, stdout, stderr, json: stdout.trim() ? JSON.parse(stdout) : undefined };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr, json: undefined };
  }
}

let cliVersion: Promise<string> | undefined;

/**
 * The CLI tests are about v2 (its pagination, its JSON, its botocore): with v1, or no CLI, they
 * would pass or fail for reasons of their own, so they fail loudly instead.
 */
export async function requireCliV2(): Promise<string> {
  cliVersion ??= promisify(execFile)(AWS_CLI, ['--version'], { env: { PATH: process.env.PATH, HOME: process.env.HOME } })
    .then(({ stdout, stderr }) => `${stdout}${stderr}`.trim(), (error: Error) => `not runnable (${error.message})`);
  const version = await cliVersion;
  if (!/^aws-cli\/2\./.test(version)) throw new Error(`the AWS CLI tests need the AWS CLI v2 at ${AWS_CLI}; found: ${version}`);
  return version;
}
