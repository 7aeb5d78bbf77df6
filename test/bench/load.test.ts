/** The load generator counts a multi-step exchange once, and says which step failed. */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, it } from 'node:test';
import { runLoad } from '../../bench/load.js';
import { unsignedRequest, type PreparedRequest } from '../../bench/sign.js';

let server: Server;
let url: string;
const seen: string[] = [];

// Step one answers a number; step two answers 200 when sent that number plus one, else 400.
before(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target']).split('.')[1]!;
      const input = JSON.parse(Buffer.concat(chunks).toString()) as { n: number };
      seen.push(operation);
      if (operation === 'Start') return res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ n: input.n * 10 }));
      if (input.n % 10 === 1) return res.writeHead(200).end('{}');
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' }).end('{"__type":"NotAuthorizedException","message":"Incorrect username or password."}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** An exchange whose second step adds `add` to the first answer. */
function exchange(add: number | 'throw'): PreparedRequest {
  return {
    ...unsignedRequest(url, 'Start', { n: 1 }),
    followUp(body) {
      if (add === 'throw') throw new Error('no B in the answer');
      return unsignedRequest(url, 'Finish', { n: (JSON.parse(body) as { n: number }).n + add });
    },
  };
}

const load = (next: () => PreparedRequest) => runLoad({ url, concurrency: 2, warmupMs: 0, durationMs: 300, next });

it('counts one success per completed exchange, every step sent', async () => {
  seen.length = 0;
  const result = await load(() => exchange(1));
  assert.ok(result.successes > 0);
  assert.equal(result.errors.size, 0);
  const starts = seen.filter((operation) => operation === 'Start').length;
  assert.ok(Math.abs(seen.length - 2 * starts) <= 2, 'every exchange sent both steps');
  assert.ok(result.successes <= starts);
});

it('counts a refused second step as an error named after that step', async () => {
  const result = await load(() => exchange(2));
  assert.equal(result.successes, 0);
  assert.deepEqual([...result.errors.keys()], ['Finish 400 NotAuthorizedException']);
  assert.equal(result.errors.get('Finish 400 NotAuthorizedException')!.sample, 'Incorrect username or password.');
});

it('counts a follow-up the benchmark could not build as an error of its own', async () => {
  const result = await load(() => exchange('throw'));
  assert.equal(result.successes, 0);
  const [key] = [...result.errors.keys()];
  assert.equal(key, 'bench could not build the next step');
  assert.equal(result.errors.get(key!)!.sample, 'after Start: no B in the answer');
});
