/**
 * The gatehouse command as a new user meets it: --version, serve --help listing every setting,
 * and start-up failures reported in one line that names the setting and the cause, exit 1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SETTINGS, type Setting } from '../../../src/config.js';
import { ROOT } from '../../support/gatehouse.js';
import { runGatehouse } from '../../support/processes.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'gatehouse-cli-'));
/** A start that fails must still end by itself; on a loaded 2-core machine, starting workers alone can take 15 s. */
const run = (args: string[], env: Record<string, string> = {}) => runGatehouse(args, env, 60_000);
const settings = Object.values(SETTINGS) as Setting<unknown>[];

describe('gatehouse --version and serve --help', () => {
  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await run(['--version']);
    assert.equal(code, 0, stdout);
    assert.equal(stdout, `${version}\n`);
  });

  it('serve --help lists every setting with its variable, its flag and its default, and how to replace the admin key pair', async () => {
    const { code, stdout } = await run(['serve', '--help']);
    assert.equal(code, 0, stdout);
    assert.ok(settings.length >= 20, `only ${settings.length} settings`);
    for (const setting of settings) {
      const heading = new RegExp(`^  ${setting.env}${setting.flag ? `, ${setting.flag}` : ''}\\n {6}.*; default: (.*)$`, 'm').exec(stdout);
      assert.ok(heading, `${setting.env} missing from serve --help:\n${stdout}`);
      assert.equal(heading[1], setting.shown ?? setting.fallback, setting.env);
    }
    assert.match(stdout, /To replace it, set both variables to the new pair/);
    assert.match(stdout, /GATEHOUSE_ADMIN_ACCESS_KEY_ID and GATEHOUSE_ADMIN_SECRET_ACCESS_KEY/);
  });

  it('the README\'s configuration table names every setting', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## How it is built'));
    for (const setting of settings) assert.ok(table.includes(`\`${setting.env}\``), `${setting.env} missing from the README`);
  });
});

/** One line on stderr, no stack, exit 1. */
function assertFailedCleanly(result: Awaited<ReturnType<typeof runGatehouse>>, message: RegExp): void {
  assert.equal(result.code, 1, result.output);
  assert.equal(result.stderr.split('\n').filter(Boolean).length, 1, `not one line:\n${result.stderr}`);
  assert.doesNotMatch(result.output, /\n\s+at /, 'a stack trace');
  assert.match(result.stderr, message);
}

describe('start-up failures', () => {
  let taken: Server;
  let takenPort: number;
  let closedPort: number;
  before(async () => {
    const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
    taken = createServer();
    takenPort = await listen(taken);
    const closing = createServer();
    closedPort = await listen(closing);
    await new Promise((resolve) => closing.close(resolve));
  });
  after(() => { taken.close(); });

  it('--host that is no address names --host, not the public URL', async () => {
    const result = await run(['serve', '--port', '0', '--data', dataDir(), '--host', '999.1.1.1']);
    assertFailedCleanly(result, /^gatehouse: invalid --host: 999\.1\.1\.1 \(expected an IP address such as 127\.0\.0\.1 or ::1, or a host name\)$/m);
    assert.doesNotMatch(result.output, /public URL/i);
  });

  it('an unreachable database names DATABASE_URL and the cause, without the password', async () => {
    const result = await run(['serve', '--port', '0', '--data', dataDir()], { DATABASE_URL: `postgres://gatehouse:hunter2@127.0.0.1:${closedPort}/gatehouse` });
    assertFailedCleanly(result, new RegExp(`^gatehouse: cannot use the database postgres://gatehouse@127\\.0\\.0\\.1:${closedPort}/gatehouse \\(--database-url / DATABASE_URL\\): connect ECONNREFUSED 127\\.0\\.0\\.1:${closedPort}$`, 'm'));
    assert.doesNotMatch(result.output, /hunter2|migration/);
  });

  it('the same from a primary with two workers', async () => {
    const result = await run(['serve', '--port', '0', '--workers', '2', '--data', dataDir(), '--database-url', `postgres://gatehouse@127.0.0.1:${closedPort}/gatehouse`]);
    assertFailedCleanly(result, /^gatehouse: cannot use the database .* \(--database-url \/ DATABASE_URL\): connect ECONNREFUSED/m);
  });

  const pgUrl = process.env.GATEHOUSE_TEST_PG_URL;
  it('a database that does not exist on a reachable server names DATABASE_URL and what the server said', { skip: !pgUrl && 'needs GATEHOUSE_TEST_PG_URL (npm test sets it)' }, async () => {
    const url = new URL(pgUrl!);
    url.pathname = '/no_such_database';
    const result = await run(['serve', '--port', '0', '--data', dataDir(), '--database-url', url.toString()]);
    assertFailedCleanly(result, /^gatehouse: cannot use the database .*\/no_such_database \(--database-url \/ DATABASE_URL\): database "no_such_database" does not exist$/m);
  });

  it('a data folder that cannot be made names --data', async () => {
    const result = await run(['serve', '--port', '0', '--data', '/etc/passwd/gatehouse']);
    assertFailedCleanly(result, /^gatehouse: cannot use the data folder \/etc\/passwd\/gatehouse \(--data \/ GATEHOUSE_DATA\): ENOTDIR/m);
  });

  for (const workers of ['1', '2']) {
    it(`a port in use names --host and --port and says it is in use (${workers} worker${workers === '1' ? '' : 's'})`, async () => {
      const result = await run(['serve', '--port', String(takenPort), '--workers', workers, '--data', dataDir()]);
      assertFailedCleanly(result, new RegExp(`^gatehouse: cannot listen on 127\\.0\\.0\\.1:${takenPort} \\(--host / GATEHOUSE_HOST, --port / GATEHOUSE_PORT\\): the port is already in use \\(EADDRINUSE\\)$`, 'm'));
    });
  }

  it('an address no interface has names --host', async () => {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737), never assigned to a machine.
    const result = await run(['serve', '--port', '0', '--data', dataDir()], { GATEHOUSE_HOST: '192.0.2.1' });
    assertFailedCleanly(result, /^gatehouse: cannot listen on 192\.0\.2\.1:0 \(--host \/ GATEHOUSE_HOST, --port \/ GATEHOUSE_PORT\): no interface of this machine has that address \(EADDRNOTAVAIL\)$/m);
  });
});
