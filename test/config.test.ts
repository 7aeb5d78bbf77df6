/** loadConfig: every flag and its environment variable, flag over environment over default, and refusals. */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig, type ConfigFlags } from '../src/config.js';

/** Each setting: its flag, its variable, a value to give each, what it becomes, and the default. */
const settings: { flag: keyof ConfigFlags; env: string; key: string; flagValue: string; envValue: string; expect: (value: string) => unknown; fallback: unknown }[] = [
  { flag: 'port', env: 'GATEHOUSE_PORT', key: 'port', flagValue: '8001', envValue: '8002', expect: Number, fallback: 9329 },
  { flag: 'host', env: 'GATEHOUSE_HOST', key: 'host', flagValue: '0.0.0.0', envValue: '10.0.0.1', expect: (v) => v, fallback: '127.0.0.1' },
  { flag: 'data', env: 'GATEHOUSE_DATA', key: 'dataDir', flagValue: '/srv/flag', envValue: 'relative/env', expect: (v) => resolve(v), fallback: resolve('data') },
  { flag: 'databaseUrl', env: 'DATABASE_URL', key: 'databaseUrl', flagValue: 'postgres://flag@db/gh', envValue: 'postgresql://env@db/gh', expect: (v) => v, fallback: undefined },
  { flag: 'publicUrl', env: 'GATEHOUSE_PUBLIC_URL', key: 'publicUrl', flagValue: 'https://auth.example.com/', envValue: 'https://env.example.com/base', expect: (v) => v.replace(/\/$/, ''), fallback: 'http://127.0.0.1:9329' },
  { flag: 'region', env: 'GATEHOUSE_REGION', key: 'region', flagValue: 'eu-west-3', envValue: 'ap-southeast-2', expect: (v) => v, fallback: 'us-east-1' },
  { flag: 'workers', env: 'GATEHOUSE_WORKERS', key: 'workers', flagValue: '4', envValue: '2', expect: Number, fallback: 1 },
];

describe('loadConfig', () => {
  for (const setting of settings) {
    it(`--${setting.flag} over ${setting.env} over the default`, () => {
      const read = (flags: ConfigFlags, env: NodeJS.ProcessEnv) => (loadConfig(flags, env) as unknown as Record<string, unknown>)[setting.key];
      assert.deepEqual(read({}, {}), setting.fallback, 'default');
      assert.deepEqual(read({}, { [setting.env]: setting.envValue }), setting.expect(setting.envValue), 'environment');
      assert.deepEqual(read({ [setting.flag]: setting.flagValue }, { [setting.env]: setting.envValue }), setting.expect(setting.flagValue), 'flag wins');
      assert.deepEqual(read({}, { [setting.env]: '' }), setting.fallback, 'an empty variable counts as unset');
    });
  }

  it('takes host names and IP addresses as the host', () => {
    for (const host of ['localhost', 'gatehouse.internal', 'node-1', '0.0.0.0', '::', '10.1.2.3', 'fe80::1']) assert.equal(loadConfig({ host }, {}).host, host);
  });

  it('derives the public URL from host and port, bracketing IPv6', () => {
    assert.equal(loadConfig({ host: '0.0.0.0', port: '80' }, {}).publicUrl, 'http://0.0.0.0:80');
    assert.equal(loadConfig({}, { GATEHOUSE_HOST: '::1', GATEHOUSE_PORT: '9000' }).publicUrl, 'http://[::1]:9000');
  });

  it('reads the settings that only have a variable, empty meaning unset', () => {
    const env = {
      GATEHOUSE_ACCOUNT_ID: '123456789012', GATEHOUSE_ADMIN_ACCESS_KEY_ID: 'AKIA1', GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: 'secret',
      GATEHOUSE_MASTER_KEY: 'a2V5', GATEHOUSE_SMTP_URL: 'smtp://127.0.0.1:2525', GATEHOUSE_MAIL_FROM: 'auth@example.com',
      GATEHOUSE_SMS_SENDER: 'file:/tmp/sms.jsonl', GATEHOUSE_LOG_LEVEL: 'debug',
    };
    assert.deepEqual(pick(loadConfig({}, env)), {
      accountId: '123456789012', adminAccessKeyId: 'AKIA1', adminSecretAccessKey: 'secret', masterKey: 'a2V5',
      smtpUrl: 'smtp://127.0.0.1:2525', mailFrom: 'auth@example.com', smsSender: 'file:/tmp/sms.jsonl', logLevel: 'debug',
    });
    const empty = Object.fromEntries(Object.keys(env).map((name) => [name, '']));
    assert.deepEqual(pick(loadConfig({}, empty)), {
      accountId: '000000000000', adminAccessKeyId: undefined, adminSecretAccessKey: undefined, masterKey: undefined,
      smtpUrl: undefined, mailFrom: 'no-reply@gatehouse.local', smsSender: 'outbox', logLevel: 'info',
    });
  });

  // Each refusal names the flag or variable the value came from, and what was expected.
  const refusals: [string, ConfigFlags, NodeJS.ProcessEnv, RegExp][] = [
    ['a port that is not a number', { port: 'http' }, {}, /^Error: invalid --port: http \(expected a whole number from 0 to 65535\)$/],
    ['a port out of range', {}, { GATEHOUSE_PORT: '65536' }, /^Error: invalid GATEHOUSE_PORT: 65536 /],
    ['a port with junk around it', { port: '80 ' }, {}, /^Error: invalid --port: 80 /],
    ['no workers', { workers: '0' }, {}, /^Error: invalid --workers: 0 \(expected a whole number from 1 to 256\)$/],
    ['a fractional worker count', {}, { GATEHOUSE_WORKERS: '1.5' }, /^Error: invalid GATEHOUSE_WORKERS: 1\.5 /],
    ['a region that is not one', { region: 'mars' }, {}, /^Error: invalid --region: mars \(expected a region name such as us-east-1\)$/],
    ['an account id that is not twelve digits', {}, { GATEHOUSE_ACCOUNT_ID: '123' }, /^Error: invalid GATEHOUSE_ACCOUNT_ID: 123 \(expected twelve digits\)$/],
    ['a host that is no IPv4 address', { host: '999.1.1.1' }, {}, /^Error: invalid --host: 999\.1\.1\.1 \(expected an IP address/],
    ['a host that is no host name', {}, { GATEHOUSE_HOST: 'bad host' }, /^Error: invalid GATEHOUSE_HOST: bad host \(expected an IP address/],
    ['a public URL that is not a URL', { publicUrl: 'auth.example.com' }, {}, /^Error: invalid --public-url: auth\.example\.com \(expected an absolute http/],
    ['a public URL that is not http(s)', {}, { GATEHOUSE_PUBLIC_URL: 'ftp://auth.example.com' }, /^Error: invalid GATEHOUSE_PUBLIC_URL: ftp:/],
    ['a database URL that is not PostgreSQL, without echoing it', { databaseUrl: 'mysql://user:hunter2@db/gh' }, {}, /^Error: invalid --database-url \(expected a postgres:\/\/ or postgresql:\/\/ connection string\)$/],
    ['argon2 parameters that are not', {}, { GATEHOUSE_ARGON2: 'm=12' }, /^Error: invalid GATEHOUSE_ARGON2: m=12 \(expected e\.g\. m=7168,t=5,p=1/],
    ['a flag that is neither true nor false', {}, { GATEHOUSE_COGNITO_ISSUER: 'yes' }, /^Error: invalid GATEHOUSE_COGNITO_ISSUER: yes \(expected true or false\)$/],
    ['an extra region that is not one', {}, { GATEHOUSE_EXTRA_REGIONS: 'eu-west-1,zz' }, /^Error: invalid GATEHOUSE_EXTRA_REGIONS: eu-west-1,zz \(zz is not a region name/],
    ['a Lambda endpoint that is not a URL', {}, { GATEHOUSE_LAMBDA_ENDPOINT: 'lambda' }, /^Error: invalid GATEHOUSE_LAMBDA_ENDPOINT: lambda \(expected an http\(s\) URL\)$/],
  ];
  for (const [label, flags, env, message] of refusals) {
    it(`refuses ${label}`, () => {
      assert.throws(() => loadConfig(flags, env), message);
    });
  }
});

function pick(config: ReturnType<typeof loadConfig>) {
  const { accountId, adminAccessKeyId, adminSecretAccessKey, masterKey, smtpUrl, mailFrom, smsSender, logLevel } = config;
  return { accountId, adminAccessKeyId, adminSecretAccessKey, masterKey, smtpUrl, mailFrom, smsSender, logLevel };
}
