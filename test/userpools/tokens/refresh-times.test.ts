/**
 * The times in refreshed tokens, on the movable clock: a refresh an hour and a half after signing in
 * issues ID and access tokens whose iat is the refresh's time and whose exp is an hour later, while
 * auth_time stays the sign-in's, by REFRESH_TOKEN_AUTH and by GetTokensFromRefreshToken. The
 * access token refused as expired before the refresh works again as its refreshed successor.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { GetTokensFromRefreshTokenCommand, GetUserCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../support/engines.js';
import { expiredAccessToken } from '../../support/errors.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { useInProcess } from '../../support/in-process.js';
import { claimsOf, createUserWithPassword, passwordSignIn } from '../../support/sign-in.js';

const MINUTE = 60_000;
const seconds = (ms: number) => Math.floor(ms / 1000);

describeEngines('refreshed token times (in process)', (engine) => {
  const server = useInProcess(engine);

  it('stamps refreshed tokens with the time of the refresh and keeps the sign-in\'s auth_time', async () => {
    const { client, clock } = server;
    const { poolId, app } = await createPoolWithClient(client, 'refresh-times');
    await createUserWithPassword(client, poolId, 'rita');
    const signedInAt = seconds(clock.now());
    const first = await passwordSignIn(client, app, 'rita');
    assert.equal(claimsOf(first.AccessToken).iat, signedInAt);
    clock.advance(90 * MINUTE);
    await assert.rejects(client.send(new GetUserCommand({ AccessToken: first.AccessToken! })), expiredAccessToken);

    const byInitiate = (await client.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: app.clientId, AuthParameters: { REFRESH_TOKEN: first.RefreshToken! } }))).AuthenticationResult!;
    clock.advance(MINUTE);
    const byGetTokens = (await client.send(new GetTokensFromRefreshTokenCommand({ ClientId: app.clientId, RefreshToken: first.RefreshToken! }))).AuthenticationResult!;
    for (const [label, result, at] of [['REFRESH_TOKEN_AUTH', byInitiate, signedInAt + 90 * 60], ['GetTokensFromRefreshToken', byGetTokens, signedInAt + 91 * 60]] as const) {
      for (const token of [result.IdToken, result.AccessToken]) {
        const claims = claimsOf(token);
        assert.equal(claims.iat, at, `${label}: iat`);
        assert.equal(claims.exp, at + 3600, `${label}: exp`);
        assert.equal(claims.auth_time, signedInAt, `${label}: auth_time`);
      }
      assert.equal((await client.send(new GetUserCommand({ AccessToken: result.AccessToken! }))).Username, 'rita', label);
    }
  });
});
