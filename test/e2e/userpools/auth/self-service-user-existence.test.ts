import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AdminDisableUserCommand, ConfirmForgotPasswordCommand, ConfirmSignUpCommand, ForgotPasswordCommand, ResendConfirmationCodeCommand, SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { createPool, createPoolWithClient } from '../../../support/fixtures.js';
import { signUpConfirmed } from '../../../support/self-service.js';
import { PASSWORD, createAppClient, createUserWithPassword, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

const mismatch = { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' };
const MASKED_EMAIL = /^[a-z]\*\*\*@[a-z]\*\*\*$/;

describeEngines('PreventUserExistenceErrors on sign-up and recovery', (engine) => {
  const { client, mailbox } = useGatehouse(engine, { mail: true });
  let poolId: string;
  let hiding: AppClient;
  before(async () => {
    ({ poolId, app: hiding } = await createPoolWithClient(client, 'hiding', { AutoVerifiedAttributes: ['email'] }, { PreventUserExistenceErrors: 'ENABLED' }));
  });

  const forgot = (Username: string, target = hiding) => client.send(new ForgotPasswordCommand({ ClientId: target.clientId, Username }));
  const resend = (Username: string, target = hiding) => client.send(new ResendConfirmationCodeCommand({ ClientId: target.clientId, Username }));

  it('answers ForgotPassword and ResendConfirmationCode for an unknown user with a stable made-up destination', async () => {
    const mailsBefore = mailbox.mails.length;
    const first = await forgot('ghost');
    assert.equal(first.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL');
    assert.equal(first.CodeDeliveryDetails?.AttributeName, 'email');
    assert.match(first.CodeDeliveryDetails!.Destination!, MASKED_EMAIL);
    assert.deepEqual((await forgot('ghost')).CodeDeliveryDetails, first.CodeDeliveryDetails);
    assert.deepEqual((await resend('ghost')).CodeDeliveryDetails, first.CodeDeliveryDetails);
    assert.equal(mailbox.mails.length, mailsBefore);
  });

  it('answers for a known user in the same shape, and for a disabled one as if unknown', async () => {
    await signUpConfirmed(client, mailbox, hiding, 'alice', 'alice@example.com');
    assert.deepEqual((await forgot('alice')).CodeDeliveryDetails, { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    await mailbox.next('alice@example.com');
    await signUpConfirmed(client, mailbox, hiding, 'bob', 'bob@example.com');
    await client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'bob' }));
    assert.match((await forgot('bob')).CodeDeliveryDetails!.Destination!, MASKED_EMAIL);
    await assert.rejects(mailbox.next('bob@example.com', 300), { name: 'Error', message: 'no mail for bob@example.com within 300 ms' });
  });

  it('refuses codes for unknown users as mismatches, and missing codes as expired', async () => {
    await assert.rejects(client.send(new ConfirmForgotPasswordCommand({ ClientId: hiding.clientId, Username: 'ghost', ConfirmationCode: '123456', Password: PASSWORD })), mismatch);
    await assert.rejects(client.send(new ConfirmSignUpCommand({ ClientId: hiding.clientId, Username: 'ghost', ConfirmationCode: '123456' })), mismatch);
    await signUpConfirmed(client, mailbox, hiding, 'carol', 'carol@example.com');
    await assert.rejects(client.send(new ConfirmForgotPasswordCommand({ ClientId: hiding.clientId, Username: 'carol', ConfirmationCode: '123456', Password: PASSWORD })),
      { name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.' });
  });

  it('answers ForgotPassword for a user without a verified contact as for an unknown one', async () => {
    await createUserWithPassword(client, poolId, 'dave', { attributes: { email: 'dave@example.com' } });
    const details = (await forgot('dave')).CodeDeliveryDetails!;
    assert.deepEqual(Object.keys(details).sort(), Object.keys((await forgot('ghost')).CodeDeliveryDetails!).sort());
    assert.equal(details.DeliveryMedium, 'EMAIL');
    assert.match(details.Destination!, MASKED_EMAIL);
    assert.deepEqual((await forgot('dave')).CodeDeliveryDetails, details, 'the same made-up destination each time');
    await assert.rejects(mailbox.next('dave@example.com', 300));
  });

  it('answers the four operations for an unknown user as for a real one', async () => {
    const known = 'erin';
    await signUpConfirmed(client, mailbox, hiding, known, 'erin@example.com');
    await forgot(known);
    await mailbox.next('erin@example.com');
    const confirmForgot = (Username: string, Password: string) => client.send(new ConfirmForgotPasswordCommand({ ClientId: hiding.clientId, Username, ConfirmationCode: '000000', Password }));
    const answer = (call: Promise<unknown>) => call.then(() => 'accepted', (error: Error) => `${error.name}: ${error.message}`);
    // ConfirmForgotPassword: a password the policy refuses is refused first, then the code.
    const weak = await answer(confirmForgot(known, 'weakpassword'));
    assert.match(weak, /^InvalidPasswordException: /);
    assert.equal(await answer(confirmForgot('ghost', 'weakpassword')), weak);
    assert.equal(await answer(confirmForgot(known, PASSWORD)), `${mismatch.name}: ${mismatch.message}`);
    assert.equal(await answer(confirmForgot('ghost', PASSWORD)), `${mismatch.name}: ${mismatch.message}`);
    // ConfirmSignUp: a wrong code for a user waiting for confirmation, and any code for nobody.
    await client.send(new SignUpCommand({ ClientId: hiding.clientId, Username: 'frank', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'frank@example.com' }] }));
    const { code } = await mailbox.next('frank@example.com');
    const wrongCode = code === '000000' ? '111111' : '000000';
    const confirm = (Username: string) => answer(client.send(new ConfirmSignUpCommand({ ClientId: hiding.clientId, Username, ConfirmationCode: wrongCode })));
    assert.equal(await confirm('frank'), `${mismatch.name}: ${mismatch.message}`);
    assert.equal(await confirm('ghost'), await confirm('frank'));
    // ResendConfirmationCode and ForgotPassword: the same shape of delivery, to a masked address of the same kind.
    for (const call of [resend, forgot]) {
      const real = (await call(call === resend ? 'frank' : known)).CodeDeliveryDetails!;
      const made = (await call('ghost')).CodeDeliveryDetails!;
      assert.deepEqual({ ...made, Destination: undefined }, { ...real, Destination: undefined });
      assert.match(real.Destination!, MASKED_EMAIL);
      assert.match(made.Destination!, MASKED_EMAIL);
    }
  });

  it('still tells SignUp that a username is taken', async () => {
    await assert.rejects(client.send(new SignUpCommand({ ClientId: hiding.clientId, Username: 'alice', Password: PASSWORD })),
      { name: 'UsernameExistsException', message: 'User already exists' });
  });

  it('masks the typed email in pools that sign in with email, and fakes a phone number where recovery goes by SMS', async () => {
    const byEmail = await createPool(client, 'by email', { UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] });
    const byEmailApp = await createAppClient(client, byEmail, { PreventUserExistenceErrors: 'ENABLED' });
    assert.deepEqual((await forgot('ghost@example.com', byEmailApp)).CodeDeliveryDetails, { Destination: 'g***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const bySms = await createPool(client, 'by sms', {
      AutoVerifiedAttributes: ['phone_number'], AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_phone_number', Priority: 1 }] },
    });
    const bySmsApp = await createAppClient(client, bySms, { PreventUserExistenceErrors: 'ENABLED' });
    const details = (await forgot('ghost', bySmsApp)).CodeDeliveryDetails!;
    assert.equal(details.DeliveryMedium, 'SMS');
    assert.match(details.Destination!, /^\+\*{7}\d{4}$/);
  });
});
