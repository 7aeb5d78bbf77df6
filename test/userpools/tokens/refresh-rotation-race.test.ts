/**
 * Refresh-token rotation under a burst: a client that rotates refresh tokens
 * (RefreshTokenRotation ENABLED) and sends the same token several times at once, as a retrying app
 * or two tabs do. With RetryGracePeriodSeconds 0 Cognito's model says "a successful request
 * immediately invalidates the submitted refresh token", so exactly one request of the burst wins
 * and the others get RefreshTokenReuseException; with a grace period every one of them is a retry
 * within it and wins, until the grace period is over. Rotation is GetTokensFromRefreshToken's:
 * REFRESH_TOKEN_AUTH is refused for a rotating client (test/e2e/userpools/auth/sign-in-refresh).
 * In process with queries interleaved, so the burst really races on SQLite too.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEngines } from '../../support/engines.js';
import { refreshTokenReused } from '../../support/errors.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { injectJson, useInProcess } from '../../support/in-process.js';
import { createUserWithPassword, passwordSignIn } from '../../support/sign-in.js';

const BURST = 8;

describeEngines('refresh-token rotation race (in process)', (engine) => {
  const server = useInProcess(engine, { interleave: true });

  async function signedIn(name: string, RetryGracePeriodSeconds: number) {
    const { poolId, app } = await createPoolWithClient(server.client, name, {}, { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds } });
    await createUserWithPassword(server.client, poolId, 'racer');
    const { RefreshToken } = await passwordSignIn(server.client, app, 'racer');
    const refresh = (token: string) => injectJson(server, 'GetTokensFromRefreshToken', { ClientId: app.clientId, RefreshToken: token });
    return { token: RefreshToken!, refresh };
  }

  const outcome = ({ status, json }: { status: number; json: Record<string, unknown> }) => (status === 200 ? 'ok' : `${json.__type}: ${json.message}`);
  const reused = `${refreshTokenReused.name}: ${refreshTokenReused.message}`;

  it('lets exactly one of a burst win when there is no grace period, and the winner\'s new token carries on', async () => {
    const { token, refresh } = await signedIn('no-grace', 0);
    const answers = await Promise.all(Array.from({ length: BURST }, () => refresh(token)));
    const outcomes = answers.map(outcome);
    assert.equal(outcomes.filter((o) => o === 'ok').length, 1, JSON.stringify(outcomes));
    assert.deepEqual(outcomes.filter((o) => o !== 'ok'), Array(BURST - 1).fill(reused));
    for (const answer of answers.filter((a) => a.status !== 200)) assert.equal(answer.status, 400);
    const winner = answers.find((a) => a.status === 200)!.json.AuthenticationResult as Record<string, string>;
    assert.ok(winner.RefreshToken && winner.RefreshToken !== token);
    assert.equal(outcome(await refresh(token)), reused);
    assert.equal(outcome(await refresh(winner.RefreshToken)), 'ok');
  });

  it('lets every request of a burst win within the grace period, and none after it', async () => {
    const { token, refresh } = await signedIn('grace', 10);
    const answers = await Promise.all(Array.from({ length: BURST }, () => refresh(token)));
    assert.deepEqual(answers.map(outcome), Array(BURST).fill('ok'));
    const issued = answers.map((a) => (a.json.AuthenticationResult as Record<string, string>).RefreshToken!);
    assert.equal(new Set(issued).size, BURST, 'each retry gets a refresh token of its own');
    server.clock.advance(9_000);
    assert.equal(outcome(await refresh(token)), 'ok');
    server.clock.advance(1_000);
    assert.equal(outcome(await refresh(token)), reused);
    for (const next of issued) assert.equal(outcome(await refresh(next)), 'ok');
  });
});
