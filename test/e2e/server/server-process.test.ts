/**
 * The server as a process: workers, graceful shutdown, generated admin credentials across a
 * restart, health, and every CLI flag and environment variable taking effect.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CreateUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import pg from 'pg';
import { adminClient } from '../../support/aws.js';
import { describeEngines } from '../../support/engines.js';
import { ADMIN, startGatehouse, type Gatehouse } from '../../support/gatehouse.js';
import { childPids, isAlive, runGatehouse, sleep, until } from '../../support/processes.js';
import { jsonRequest, signRequest } from '../../support/signed-fetch.js';

/** fetch's failure when nothing listens: a TypeError whose cause is the socket's ECONNREFUSED. */
const connectionRefused = (error: Error & { cause?: { code?: string } }) => error.name === 'TypeError' && error.cause?.code === 'ECONNREFUSED';

const GENERATED = /Generated admin credentials \(shown once\):\n {2}AWS_ACCESS_KEY_ID=(\S+)\n {2}AWS_SECRET_ACCESS_KEY=(\S+)\n/;

describeEngines('server process', (engine) => {
  const running: Gatehouse[] = [];
  const start = async (options: Omit<Parameters<typeof startGatehouse>[0], 'engine'> = {}) => {
    const server = await startGatehouse({ engine, ...options });
    running.push(server);
    return server;
  };
  after(async () => { await Promise.all(running.map((server) => server.stop())); });

  it('answers GET /health with 200', async () => {
    const server = await start();
    const response = await fetch(`${server.url}/health`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('serves signed calls from two workers, and SIGTERM stops primary and workers with 0, promptly', async () => {
    const server = await start({ workers: 2 });
    const workers = childPids(server.pid);
    assert.equal(workers.length, 2, `workers: ${workers.join(', ')}`);
    const client = adminClient(server);
    const results = await Promise.all(Array.from({ length: 20 }, () => client.send(new ListUserPoolsCommand({ MaxResults: 10 }))));
    assert.ok(results.every((result) => result.$metadata.httpStatusCode === 200));
    await until(() => /\(2 workers\)/.test(server.output()), 'both workers listening');
    const began = Date.now();
    assert.equal(await server.stop(), 0, server.output());
    assert.ok(Date.now() - began < 5_000, `took ${Date.now() - began} ms`);
    assert.deepEqual(workers.filter(isAlive), [], 'workers outlived the primary');
  });

  it('answers a request in flight when SIGTERM arrives, refuses new connections, then exits 0', async () => {
    const server = await start();
    const signed = await signRequest(jsonRequest(server.url, 'ListUserPools', JSON.stringify({ MaxResults: 10 })));
    const body = Buffer.from(signed.body as string);
    const { host: _host, ...headers } = signed.headers;
    const agent = new Agent({ keepAlive: true });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const outgoing = httpRequest(`${server.url}/`, { method: 'POST', agent, headers: { ...headers, 'content-length': String(body.length) } }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, text }));
      });
      outgoing.on('error', reject);
      outgoing.write(body.subarray(0, 5));
      // The rest of the body follows only after the server has been told to stop.
      void sleep(300).then(() => process.kill(server.pid, 'SIGTERM')).then(() => sleep(300)).then(() => outgoing.end(body.subarray(5)));
    });
    await sleep(450);
    assert.ok(isAlive(server.pid), 'exited before answering the request in flight');
    await assert.rejects(fetch(`${server.url}/health`), connectionRefused, 'a new connection is refused while draining');
    const reply = await answer;
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(JSON.parse(reply.text), { UserPools: [] });
    const began = Date.now();
    assert.equal(await server.exited, 0, server.output());
    assert.ok(Date.now() - began < 3_000, `exit took ${Date.now() - began} ms after the answer (a kept-alive connection held it open?)`);
    agent.destroy();
  });

  it('prints generated admin credentials once, keeps them across a restart, and they sign calls', async () => {
    const unset = { GATEHOUSE_ADMIN_ACCESS_KEY_ID: '', GATEHOUSE_ADMIN_SECRET_ACCESS_KEY: '' };
    const first = await start({ env: unset });
    const match = GENERATED.exec(first.output());
    assert.ok(match, first.output());
    const generated = { accessKeyId: match[1]!, secretAccessKey: match[2]! };
    assert.match(generated.accessKeyId, /^AKIA[A-Z0-9]{16}$/);
    assert.equal(generated.secretAccessKey.length, 40);
    assert.deepEqual((await adminClient(first, generated).send(new ListUserPoolsCommand({ MaxResults: 1 }))).UserPools, []);
    await assert.rejects(adminClient(first, ADMIN).send(new ListUserPoolsCommand({ MaxResults: 1 })), { name: 'UnrecognizedClientException' });
    assert.equal(await first.stop(), 0);

    const second = await start({ env: unset, workers: 2, reuse: first });
    assert.doesNotMatch(second.output(), /Generated admin credentials|AWS_SECRET_ACCESS_KEY/);
    assert.ok(!second.output().includes(generated.secretAccessKey));
    const client = adminClient(second, generated);
    for (let i = 0; i < 6; i++) assert.equal((await client.send(new ListUserPoolsCommand({ MaxResults: 1 }))).$metadata.httpStatusCode, 200);
  });

  for (const settingsVia of ['flags', 'env'] as const) {
    it(`takes port, host, data folder, database and workers from ${settingsVia === 'flags' ? 'CLI flags' : 'environment variables'}`, async () => {
      const server = await start({ settingsVia, host: '127.0.0.2', workers: 2 });
      assert.equal(new URL(server.url).hostname, '127.0.0.2');
      assert.equal((await fetch(`${server.url}/health`)).status, 200, 'listening on the port and host given');
      await assert.rejects(fetch(`http://127.0.0.1:${server.port}/health`), connectionRefused, 'bound to the host given only');
      assert.equal(childPids(server.pid).length, 2, 'two workers');
      assert.ok(existsSync(join(server.dataDir, 'master.key')), 'master key in the data folder given');
      assert.equal(existsSync(join(server.dataDir, 'gatehouse.sqlite')), engine === 'sqlite', 'SQLite file only without a database URL');
      if (engine === 'postgres') assert.ok(await hasTable(server.databaseUrl!, 'server_settings'), 'schema created in the database given');
      assert.equal((await adminClient(server).send(new ListUserPoolsCommand({ MaxResults: 1 }))).$metadata.httpStatusCode, 200);
    });
  }

  it('names pools after --region and issues tokens under --public-url', async () => {
    const server = await start({ args: ['--region', 'eu-west-3', '--public-url', 'https://auth.example.test/base/'] });
    // Signed for the server's region: a signature scoped to another region is refused, as AWS refuses it.
    const created = await adminClient(server, undefined, { region: 'eu-west-3' }).send(new CreateUserPoolCommand({ PoolName: 'regional' }));
    const id = created.UserPool!.Id!;
    assert.match(id, /^eu-west-3_[0-9A-Za-z]+$/);
    assert.match(created.UserPool!.Arn ?? '', new RegExp(`^arn:aws:cognito-idp:eu-west-3:\\d{12}:userpool/${id}$`));
    const discovery = await (await fetch(`${server.url}/${id}/.well-known/openid-configuration`)).json() as { issuer: string };
    assert.equal(discovery.issuer, `https://auth.example.test/base/${id}`);
  });
});

describe('server process: refused settings', () => {
  const refusals: [string, string[], Record<string, string>, RegExp][] = [
    ['--region', ['--region', 'mars'], {}, /invalid --region: mars \(expected a region name/],
    ['GATEHOUSE_REGION', [], { GATEHOUSE_REGION: 'moon-1' }, /invalid GATEHOUSE_REGION: moon-1 /],
    ['--public-url', ['--public-url', 'ftp://auth.example.test'], {}, /invalid --public-url: ftp:\/\/auth\.example\.test \(expected an absolute http/],
    ['GATEHOUSE_PUBLIC_URL', [], { GATEHOUSE_PUBLIC_URL: 'not a url' }, /invalid GATEHOUSE_PUBLIC_URL: not a url /],
    ['--workers', ['--workers', '0'], {}, /invalid --workers: 0 \(expected a whole number from 1 to 256\)/],
    ['GATEHOUSE_PORT', [], { GATEHOUSE_PORT: 'http' }, /invalid GATEHOUSE_PORT: http /],
    ['--database-url', ['--database-url', 'mysql://db/gh'], {}, /invalid --database-url \(expected a postgres:\/\/ or postgresql:\/\/ connection string\)/],
    ['GATEHOUSE_MASTER_KEY', [], { GATEHOUSE_MASTER_KEY: Buffer.alloc(16).toString('base64') }, /GATEHOUSE_MASTER_KEY must be base64 of exactly 32 bytes/],
  ];
  for (const [label, args, env, message] of refusals) {
    it(`exits 1 with a clear message on a bad ${label}`, async () => {
      // An ephemeral port, unless the port is what is being refused: a server that wrongly starts still ends.
      const port = env.GATEHOUSE_PORT ? [] : ['--port', '0'];
      const { code, output } = await runGatehouse(['serve', ...port, '--data', mkdtempSync(join(tmpdir(), 'gatehouse-refused-')), ...args], env);
      assert.equal(code, 1, output);
      assert.match(output, message);
    });
  }
});

async function hasTable(databaseUrl: string, table: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT to_regclass($1) AS found', [table]);
    return rows[0].found !== null;
  } finally {
    await client.end();
  }
}
