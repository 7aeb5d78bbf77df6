/** The load generator's HTTP client frames every kind of response its targets send. */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, it } from 'node:test';
import { HttpConnection, serialiseRequest } from '../../bench/http-connection.js';

let server: Server;
let port: number;
let connections = 0;

before(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const mode = req.headers['x-mode'];
      if (mode === 'chunked') {
        res.writeHead(400, { 'x-amzn-ErrorType': 'GroupExistsException:' });
        res.write('{"__type":"GroupExists');
        setTimeout(() => res.end('Exception","message":"A group with the name x already exists."}'), 5);
      } else if (mode === 'close') {
        res.writeHead(200, { connection: 'close', 'content-length': '2' }).end('{}');
      } else {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end('{"ok":true}');
      }
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const request = (mode: string) => serialiseRequest({ host: `127.0.0.1:${port}`, 'x-mode': mode, 'content-length': '2' }, Buffer.from('{}'));

it('keeps one connection alive across Content-Length responses', async () => {
  const connection = new HttpConnection('127.0.0.1', port);
  const before = connections;
  for (let i = 0; i < 3; i++) assert.deepEqual(await connection.send(request('plain')), { status: 200, body: '' });
  assert.equal(connections - before, 1);
  connection.close();
});

it('returns the body of a 200 only when asked to keep it', async () => {
  const connection = new HttpConnection('127.0.0.1', port);
  assert.deepEqual(await connection.send(request('plain'), true), { status: 200, body: '{"ok":true}' });
  assert.deepEqual(await connection.send(request('plain')), { status: 200, body: '' });
  assert.deepEqual(await connection.send(request('close'), true), { status: 200, body: '{}' });
  connection.close();
});

it('reads a chunked error body and its error type', async () => {
  const connection = new HttpConnection('127.0.0.1', port);
  const response = await connection.send(request('chunked'));
  assert.equal(response.status, 400);
  assert.equal(response.errorType, 'GroupExistsException:');
  assert.deepEqual(JSON.parse(response.body), { __type: 'GroupExistsException', message: 'A group with the name x already exists.' });
  connection.close();
});

it('reconnects after a Connection: close answer', async () => {
  const connection = new HttpConnection('127.0.0.1', port);
  const before = connections;
  assert.equal((await connection.send(request('close'))).status, 200);
  assert.equal((await connection.send(request('close'))).status, 200);
  assert.equal((await connection.send(request('plain'))).status, 200);
  assert.equal(connections - before, 3);
  connection.close();
});

it('reports a refused connection as status 0', async () => {
  const connection = new HttpConnection('127.0.0.1', 1);
  const response = await connection.send(request('plain'));
  assert.equal(response.status, 0);
  assert.match(response.body, /^network ECONNREFUSED/);
  connection.close();
});
