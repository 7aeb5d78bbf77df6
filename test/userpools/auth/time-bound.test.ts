/** Sign-in rules that depend on time, driven with a clock the test moves. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { lockoutMs } from '../../../src/userpools/auth/lockout.js';
import { adminInitiateAuth } from '../../../src/userpools/auth/operations/admin-initiate-auth.js';
import { getTokensFromRefreshToken } from '../../../src/userpools/tokens/operations/get-tokens-from-refresh-token.js';
import { initiateAuth } from '../../../src/userpools/auth/operations/initiate-auth.js';
import { respondToAuthChallenge } from '../../../src/userpools/auth/operations/respond-to-auth-challenge.js';
import { describeEngines } from '../../support/engines.js';
import { authHarness, type Harness } from './harness.js';

const PASSWORD = 'Correct-Horse-9';
const wrong = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
const exceeded = { name: 'NotAuthorizedException', message: 'Password attempts exceeded' };
const expiredSession = { name: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' };

describeEngines('time-bound sign-in rules', (engine) => {
  let h: Harness;
  let poolId: string;
  let clientId: string;
  before(async () => {
    h = await authHarness(engine);
    poolId = await h.createPool({ Policies: { PasswordPolicy: { MinimumLength: 8, TemporaryPasswordValidityDays: 2 } } });
    ({ clientId } = await h.createClient(poolId, { AuthSessionValidity: 3 }));
  });
  after(() => h.close());

  const signIn = (USERNAME: string, PASSWORD: string) =>
    h.call(initiateAuth, { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME, PASSWORD } });

  it('locks out after five failures for a period that doubles, and a success resets the count', async () => {
    assert.deepEqual([4, 5, 6, 7, 20].map(lockoutMs), [0, 1000, 2000, 4000, 15 * 60 * 1000]);
    await h.createUser(poolId, 'locky', PASSWORD);
    for (let i = 0; i < 5; i++) await assert.rejects(signIn('locky', 'Wrong-password-1'), wrong);
    await assert.rejects(signIn('locky', PASSWORD), exceeded);
    h.advance(1001);
    await assert.rejects(signIn('locky', 'Wrong-password-1'), wrong);
    h.advance(1001);
    await assert.rejects(signIn('locky', PASSWORD), exceeded, 'the sixth failure locks for two seconds');
    h.advance(1000);
    assert.ok((await signIn('locky', PASSWORD)).AuthenticationResult?.AccessToken);
    for (let i = 0; i < 4; i++) await assert.rejects(signIn('locky', 'Wrong-password-1'), wrong);
    assert.ok((await signIn('locky', PASSWORD)).AuthenticationResult, 'four failures after a success do not lock');
  });

  it('expires a challenge session after AuthSessionValidity', async () => {
    await h.createUser(poolId, 'slow', PASSWORD, { status: 'FORCE_CHANGE_PASSWORD' });
    const first = await signIn('slow', PASSWORD);
    assert.equal(first.ChallengeName, 'NEW_PASSWORD_REQUIRED');
    h.advance(3 * 60 * 1000 + 1);
    await assert.rejects(h.call(respondToAuthChallenge, {
      ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: first.Session!, ChallengeResponses: { USERNAME: 'slow', NEW_PASSWORD: 'Brand-New-Pass-1' },
    }), expiredSession);
  });

  it('refuses a temporary password older than TemporaryPasswordValidityDays', async () => {
    await h.createUser(poolId, 'late', PASSWORD, { status: 'FORCE_CHANGE_PASSWORD' });
    h.advance(2 * 86_400_000 + 1);
    await assert.rejects(signIn('late', PASSWORD), { name: 'NotAuthorizedException', message: 'Temporary password has expired and must be reset by an administrator.' });
  });

  it('lets a rotated refresh token be retried within the grace period, and never after', async () => {
    const { clientId: rotating } = await h.createClient(poolId, { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 } });
    await h.createUser(poolId, 'rotor', PASSWORD);
    const signedIn = await h.call(adminInitiateAuth, { UserPoolId: poolId, ClientId: rotating, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'rotor', PASSWORD } });
    const original = signedIn.AuthenticationResult!.RefreshToken!;
    const refresh = (RefreshToken: string) => h.call(getTokensFromRefreshToken, { ClientId: rotating, RefreshToken });
    const rotated = (await refresh(original)).AuthenticationResult!.RefreshToken!;
    assert.notEqual(rotated, original);
    h.advance(9_000);
    assert.ok((await refresh(original)).AuthenticationResult!.RefreshToken, 'a retry within the grace period works');
    h.advance(1_001);
    await assert.rejects(refresh(original), { name: 'RefreshTokenReuseException' });
    assert.ok((await refresh(rotated)).AuthenticationResult!.AccessToken);
  });

  it('refuses an expired refresh token', async () => {
    const { clientId: shortLived } = await h.createClient(poolId, { RefreshTokenValidity: 60, AccessTokenValidity: 5, IdTokenValidity: 5, TokenValidityUnits: { RefreshToken: 'minutes', AccessToken: 'minutes', IdToken: 'minutes' } });
    await h.createUser(poolId, 'brief', PASSWORD);
    const signedIn = await h.call(initiateAuth, { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: shortLived, AuthParameters: { USERNAME: 'brief', PASSWORD } });
    const REFRESH_TOKEN = signedIn.AuthenticationResult!.RefreshToken!;
    const refresh = () => h.call(initiateAuth, { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: shortLived, AuthParameters: { REFRESH_TOKEN } });
    assert.equal((await refresh()).AuthenticationResult!.RefreshToken, undefined);
    h.advance(60 * 60 * 1000);
    await assert.rejects(refresh(), { name: 'NotAuthorizedException', message: 'Refresh Token has expired' });
  });
});
