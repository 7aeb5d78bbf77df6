/**
 * Self-service rules that depend on time, driven with a clock the test moves: codes expire
 * (sign-up and verification codes after 24 hours, recovery codes after one hour) and expired
 * access tokens are refused. Codes are read from mail caught by the real SMTP listener.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createMailer } from '../../../src/messaging/mailer.js';
import { initiateAuth } from '../../../src/userpools/auth/operations/initiate-auth.js';
import { confirmForgotPassword } from '../../../src/userpools/passwords/operations/confirm-forgot-password.js';
import { confirmSignUp } from '../../../src/userpools/signup/operations/confirm-sign-up.js';
import { forgotPassword } from '../../../src/userpools/passwords/operations/forgot-password.js';
import { getUser } from '../../../src/userpools/users/operations/get-user.js';
import { signUp } from '../../../src/userpools/signup/operations/sign-up.js';
import { startMailbox, type Mailbox } from '../../support/mailbox.js';
import { describeEngines } from '../../support/engines.js';
import { authHarness, type Harness } from '../auth/harness.js';

const PASSWORD = 'Correct-Horse-9';
const HOUR = 3600_000;
const expired = { name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' };

describeEngines('self-service codes and tokens over time', (engine) => {
  let h: Harness;
  let mailbox: Mailbox;
  let poolId: string;
  let clientId: string;
  before(async () => {
    mailbox = await startMailbox();
    h = await authHarness(engine);
    h.services.mailer = createMailer({ smtpUrl: mailbox.url, from: 'no-reply@gatehouse.test', dataDir: h.services.config.dataDir });
    poolId = await h.createPool({ AutoVerifiedAttributes: ['email'] });
    ({ clientId } = await h.createClient(poolId));
  });
  after(async () => {
    await h.close();
    await mailbox.close();
  });

  const signUpCode = async (Username: string) => {
    await h.call(signUp, { ClientId: clientId, Username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }] });
    return (await mailbox.next(`${Username}@example.com`)).code!;
  };
  const recoveryCode = async (username: string) => {
    await h.createUser(poolId, username, PASSWORD, { attributes: { email: `${username}@example.com`, email_verified: 'true' } });
    await h.call(forgotPassword, { ClientId: clientId, Username: username });
    return (await mailbox.next(`${username}@example.com`)).code!;
  };

  it('accepts a sign-up code for 24 hours and not after', async () => {
    const early = await signUpCode('early');
    const late = await signUpCode('late');
    h.advance(24 * HOUR - 1000);
    await h.call(confirmSignUp, { ClientId: clientId, Username: 'early', ConfirmationCode: early });
    h.advance(2000);
    await assert.rejects(h.call(confirmSignUp, { ClientId: clientId, Username: 'late', ConfirmationCode: late }), expired);
  });

  it('accepts a recovery code for one hour and not after', async () => {
    const prompt = await recoveryCode('prompt');
    const slow = await recoveryCode('slow');
    h.advance(HOUR - 1000);
    await h.call(confirmForgotPassword, { ClientId: clientId, Username: 'prompt', ConfirmationCode: prompt, Password: 'Brand-New-Pass-7' });
    h.advance(2000);
    await assert.rejects(h.call(confirmForgotPassword, { ClientId: clientId, Username: 'slow', ConfirmationCode: slow, Password: 'Brand-New-Pass-7' }), expired);
  });

  it('refuses an access token that has expired', async () => {
    await h.createUser(poolId, 'sleepy', PASSWORD);
    // Tokens are dated by the server's clock and checked against real time: sign in two real hours ago.
    const ahead = h.services.clock.now() - Date.now();
    h.advance(-ahead - 2 * HOUR);
    const { AuthenticationResult } = await h.call(initiateAuth, { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'sleepy', PASSWORD } });
    h.advance(ahead + 2 * HOUR);
    await assert.rejects(h.call(getUser, { AccessToken: AuthenticationResult!.AccessToken! }), { name: 'NotAuthorizedException', message: 'Access Token has expired' });
  });
});
