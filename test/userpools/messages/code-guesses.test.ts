/**
 * A burst of parallel guesses at a one-time code, twenty wrong ones and the right one last, all in
 * flight at once: every guess is counted before it is compared, so only the first five are
 * compared at all (four mismatches, then the limit), the code is burned, and the right guess at
 * the back of the burst is refused. Regression test for the fix that reserved an attempt before
 * comparing (src/store/one-time-codes.ts): comparing first let every guess of a burst be
 * compared, so a burst as wide as the code space would always find the code. In process on both
 * engines, and over HTTP against two worker processes sharing one SQLite file.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ConfirmForgotPasswordCommand, ConfirmSignUpCommand, ForgotPasswordCommand, SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../support/engines.js';
import { codeAttemptsExceeded, codeMismatch, expiredCode, notAuthorized } from '../../support/errors.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { injectJson, useInProcess, type InProcess } from '../../support/in-process.js';
import { PASSWORD, createUserWithPassword } from '../../support/sign-in.js';
import { signedFetch } from '../../support/signed-fetch.js';
import { useGatehouse } from '../../support/use-gatehouse.js';

const BURST = 20;
const MAX_ATTEMPTS = 5;

/** A wrong code that differs from the right one. */
const wrongCode = (right: string, i: number) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0');

type Answer = { status: number; json: Record<string, unknown> };

/**
 * Sends BURST wrong guesses and then the right one, all in flight at once (raw injects, so no SDK
 * middleware spaces them out), and checks what came back: four mismatches, the rest refused, and
 * the right guess, behind five counted ones, refused too.
 */
async function assertOnlyFiveCompared(right: string, guess: (code: string) => Promise<Answer>): Promise<void> {
  const answers = await Promise.all([...Array.from({ length: BURST }, (_, i) => guess(wrongCode(right, i))), guess(right)]);
  const names = answers.map(({ status, json }) => (status === 200 ? 'ok' : String(json.__type)));
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = (counts[name] ?? 0) + 1;
  const seen = JSON.stringify(counts);
  assert.notEqual(names.at(-1), 'ok', `the right code at the back of the burst is not compared: ${seen}`);
  assert.equal(counts.ok, undefined, seen);
  assert.equal(counts[codeMismatch.name], MAX_ATTEMPTS - 1, `only ${MAX_ATTEMPTS} guesses are compared: ${seen}`);
  const refused = (counts[codeAttemptsExceeded.name] ?? 0) + (counts[expiredCode.name] ?? 0);
  assert.equal(refused, BURST + 1 - (MAX_ATTEMPTS - 1), `the rest hit the limit or find the code burned: ${seen}`);
  assert.ok((counts[codeAttemptsExceeded.name] ?? 0) >= 1, `the fifth guess reaches the limit: ${seen}`);
}

/** The burst tests, against a server reached by `client`, with raw guesses sent by `send`. */
function guessTests(server: Pick<InProcess, 'client' | 'mailbox'>, send: (target: string, body: unknown) => Promise<Answer>): void {
  it('compares only five of a burst of sign-up confirmation guesses, then the right code is refused', async () => {
    const { client, mailbox } = server;
    const { app } = await createPoolWithClient(client, 'burst-sign-up', { AutoVerifiedAttributes: ['email'] });
    await client.send(new SignUpCommand({ ClientId: app.clientId, Username: 'sam', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'sam@example.com' }] }));
    const { code } = await mailbox.next('sam@example.com');
    const confirm = (ConfirmationCode: string) => client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: 'sam', ConfirmationCode }));
    const guess = (ConfirmationCode: string) => send('ConfirmSignUp', { ClientId: app.clientId, Username: 'sam', ConfirmationCode });
    await assertOnlyFiveCompared(code!, guess);
    await assert.rejects(confirm(code!), expiredCode, 'the burned code no longer confirms');
  });

  it('compares only five of a burst of password-recovery guesses, then the right code is refused', async () => {
    const { client, mailbox } = server;
    const { poolId, app } = await createPoolWithClient(client, 'burst-recovery');
    await createUserWithPassword(client, poolId, 'rita', { attributes: { email: 'rita@example.com', email_verified: 'true' } });
    await client.send(new ForgotPasswordCommand({ ClientId: app.clientId, Username: 'rita' }));
    const { code } = await mailbox.next('rita@example.com');
    const reset = (ConfirmationCode: string) => client.send(new ConfirmForgotPasswordCommand({ ClientId: app.clientId, Username: 'rita', ConfirmationCode, Password: 'Brand-New-Pass-7' }));
    const guess = (ConfirmationCode: string) => send('ConfirmForgotPassword', { ClientId: app.clientId, Username: 'rita', ConfirmationCode, Password: 'Brand-New-Pass-7' });
    await assertOnlyFiveCompared(code!, guess);
    await assert.rejects(reset(code!), expiredCode);
  });

  it('still lets the right code through after four wrong ones', async () => {
    const { client, mailbox } = server;
    const { app } = await createPoolWithClient(client, 'four-wrong', { AutoVerifiedAttributes: ['email'] });
    await client.send(new SignUpCommand({ ClientId: app.clientId, Username: 'tess', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'tess@example.com' }] }));
    const { code } = await mailbox.next('tess@example.com');
    const confirm = (ConfirmationCode: string) => client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: 'tess', ConfirmationCode }));
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) await assert.rejects(confirm(wrongCode(code!, i)), codeMismatch);
    await confirm(code!);
    await assert.rejects(confirm(code!), notAuthorized('User cannot be confirmed. Current status is CONFIRMED'), 'a code is used once');
  });
}

describeEngines('parallel guesses at a one-time code (in process)', (engine) => {
  const server = useInProcess(engine, { mail: true, interleave: true });
  guessTests(server, (target, body) => injectJson(server, target, body));
});

// Two worker processes on one SQLite file: the guesses of a burst land on both, and only the database orders them.
describe('parallel guesses at a one-time code [sqlite, 2 workers]', () => {
  const { server, client, mailbox } = useGatehouse('sqlite', { mail: true, workers: 2 });
  guessTests({ client, mailbox }, async (target, body) => {
    const { status, json } = await signedFetch(server, target, body, { unsigned: true });
    return { status, json: json ?? {} };
  });
});
