/**
 * Amplify v6's TOTP flows against a running server, unchanged but for `userPoolEndpoint`:
 * setUpTOTP and verifyTOTPSetup while signed in, updateMFAPreference, then signIn asking for the
 * code (CONFIRM_SIGN_IN_WITH_TOTP_CODE) and confirmSignIn; and, where the pool requires MFA,
 * signIn handing out the secret (CONTINUE_SIGN_IN_WITH_TOTP_SETUP) and confirmSignIn with its
 * first code.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { AdminGetUserCommand, SetUserPoolMfaConfigCommand } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchMFAPreference, setUpTOTP, signIn, signOut, updateMFAPreference, verifyTOTPSetup } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { sharedInMemoryStorage } from 'aws-amplify/utils';
import { Secret, TOTP } from 'otpauth';
import { describeEngines } from '../../../support/engines.js';
import { createPoolWithClient } from '../../../support/fixtures.js';
import { PASSWORD, createUserWithPassword } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

/** An authenticator's code `steps` 30-second steps from now (within the allowed drift for 0 and 1). */
const code = (secret: string, steps = 0) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });

describeEngines('Amplify v6 MFA', (engine) => {
  const { server, client } = useGatehouse(engine);

  async function configure(name: string, mode: 'ON' | 'OPTIONAL'): Promise<string> {
    const { poolId, app } = await createPoolWithClient(client, name, {}, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: mode, SoftwareTokenMfaConfiguration: { Enabled: true } }));
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: app.clientId, userPoolEndpoint: server.url } } });
    cognitoUserPoolsTokenProvider.setKeyValueStorage(sharedInMemoryStorage);
    return poolId;
  }

  it('sets up TOTP while signed in, then confirms sign-in with its code', async () => {
    const poolId = await configure('amplify-totp', 'OPTIONAL');
    await createUserWithPassword(client, poolId, 'otto');
    assert.equal((await signIn({ username: 'otto', password: PASSWORD })).nextStep.signInStep, 'DONE');
    const details = await setUpTOTP();
    assert.match(details.getSetupUri('Gatehouse', 'otto').toString(), /^otpauth:\/\/totp\/Gatehouse:otto\?secret=[A-Z2-7]{32}&/);
    await verifyTOTPSetup({ code: code(details.sharedSecret) });
    await updateMFAPreference({ totp: 'PREFERRED' });
    assert.deepEqual(await fetchMFAPreference(), { enabled: ['TOTP'], preferred: 'TOTP' });
    await signOut();

    const asked = await signIn({ username: 'otto', password: PASSWORD });
    assert.equal(asked.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    await assert.rejects(confirmSignIn({ challengeResponse: '000000' }), { name: 'CodeMismatchException' });
    const done = await confirmSignIn({ challengeResponse: code(details.sharedSecret, 1) });
    assert.deepEqual([done.isSignedIn, done.nextStep.signInStep], [true, 'DONE']);
    await signOut();
  });

  it('walks a new user through TOTP set-up at sign-in when the pool requires MFA', async () => {
    const poolId = await configure('amplify-setup', 'ON');
    await createUserWithPassword(client, poolId, 'tess');
    const setup = await signIn({ username: 'tess', password: PASSWORD });
    assert.equal(setup.nextStep.signInStep, 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP');
    const secret = (setup.nextStep as { totpSetupDetails: { sharedSecret: string } }).totpSetupDetails.sharedSecret;
    const done = await confirmSignIn({ challengeResponse: code(secret) });
    assert.deepEqual([done.isSignedIn, done.nextStep.signInStep], [true, 'DONE']);
    const { UserMFASettingList } = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'tess' }));
    assert.deepEqual(UserMFASettingList, ['SOFTWARE_TOKEN_MFA']);
    await signOut();
  });
});
