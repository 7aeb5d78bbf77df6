/** The benchmark's SRP client must prove a password exactly as Gatehouse's server math checks it. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createRequire } from 'node:module';
import { SrpClient, cognitoTimestamp, srpEphemerals } from '../../bench/srp-client.js';
import { claimSignature, createVerifier, serverEphemeral, serverSessionKey } from '../../src/crypto/srp.js';

const POOL_ID = 'us-east-1_BenchPool1';
const POOL_NAME = 'BenchPool1';
const USER = 'bench-user-0';
const PASSWORD = 'Correct-Horse-9';
const SECRET_BLOCK = Buffer.from('an opaque secret block issued by the server').toString('base64');

/** Runs one exchange; returns whether the server's expected signature equals the client's. */
function exchange(client: SrpClient, stored: { salt: string; verifier: string }, password: string): boolean {
  const [ephemeral] = srpEphemerals(1);
  const { b, B } = serverEphemeral(stored.verifier);
  const now = new Date('2024-01-02T03:04:05Z');
  const answer = client.answer(ephemeral!, { SALT: stored.salt, SRP_B: B.toString(16), SECRET_BLOCK, USER_ID_FOR_SRP: USER }, password, now);
  assert.equal(answer.USERNAME, USER);
  assert.equal(answer.PASSWORD_CLAIM_SECRET_BLOCK, SECRET_BLOCK);
  assert.equal(answer.TIMESTAMP, 'Tue Jan 2 03:04:05 UTC 2024');
  const key = serverSessionKey(BigInt(`0x${ephemeral!.A}`), B, b, stored.verifier);
  assert.ok(key);
  const expected = claimSignature(key, POOL_NAME, USER, Buffer.from(SECRET_BLOCK, 'base64'), answer.TIMESTAMP).toString('base64');
  return expected === answer.PASSWORD_CLAIM_SIGNATURE;
}

it('proves the right password to the server math, also from its per-user cache', () => {
  const stored = createVerifier(POOL_NAME, USER, PASSWORD);
  const client = new SrpClient(POOL_ID);
  assert.equal(exchange(client, stored, PASSWORD), true);
  assert.equal(exchange(client, stored, PASSWORD), true);
});

it('fails with a wrong password, and after the salt changed', () => {
  const client = new SrpClient(POOL_ID);
  assert.equal(exchange(client, createVerifier(POOL_NAME, USER, PASSWORD), 'Wrong-Horse-9'), false);
  // A new password gives a new salt: the cached k·g^x of the old one must not be used.
  assert.equal(exchange(client, createVerifier(POOL_NAME, USER, 'Other-Horse-7'), 'Other-Horse-7'), true);
});

it('makes distinct ephemerals in plain hex', () => {
  const pairs = srpEphemerals(3);
  assert.equal(new Set(pairs.map((pair) => pair.A)).size, 3);
  for (const { A } of pairs) assert.match(A, /^[0-9a-f]+$/);
});

it('writes TIMESTAMP as amazon-cognito-identity-js does', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: new Date('2022-05-11T06:08:24Z') });
  const { DateHelper } = createRequire(import.meta.url)('amazon-cognito-identity-js') as { DateHelper: new () => { getNowString(): string } };
  assert.equal(new DateHelper().getNowString(), 'Wed May 11 06:08:24 UTC 2022');
  assert.equal(cognitoTimestamp(new Date()), 'Wed May 11 06:08:24 UTC 2022');
  assert.equal(cognitoTimestamp(new Date('2023-12-31T23:59:09Z')), 'Sun Dec 31 23:59:09 UTC 2023');
});
