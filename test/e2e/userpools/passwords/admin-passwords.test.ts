import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { AdminResetUserPasswordCommand, AdminSetUserPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { createPool } from '../../../support/fixtures.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';
import { createUser, getUser, mailText } from '../../../support/users.js';

describeEngines('admin password operations', (engine) => {
  const { client, mailbox, sms } = useGatehouse(engine, { mail: true, sms: true });
  let poolId: string;
  before(async () => {
    poolId = await createPool(client, 'passwords');
  });

  const setPassword = (Username: string, Password: string, Permanent?: boolean, pool = poolId) =>
    client.send(new AdminSetUserPasswordCommand({ UserPoolId: pool, Username, Password, Permanent }));
  const reset = (Username: string, pool = poolId) => client.send(new AdminResetUserPasswordCommand({ UserPoolId: pool, Username }));
  const status = async (username: string, pool = poolId) => (await getUser(client, pool, username)).UserStatus;

  it('sets a permanent password (CONFIRMED) or a temporary one (FORCE_CHANGE_PASSWORD)', async () => {
    await createUser(client, poolId, 'ada');
    const created = (await getUser(client, poolId, 'ada')).UserLastModifiedDate!;
    await setPassword('ada', 'Permanent-Pass1', true);
    assert.equal(await status('ada'), 'CONFIRMED');
    await setPassword('ada', 'Temporary-Pass1', false);
    assert.equal(await status('ada'), 'FORCE_CHANGE_PASSWORD');
    await setPassword('ada', 'Permanent-Pass2', true);
    await setPassword('ada', 'Temporary-Pass2');
    assert.equal(await status('ada'), 'FORCE_CHANGE_PASSWORD', 'Permanent defaults to false');
    assert.ok((await getUser(client, poolId, 'ada')).UserLastModifiedDate! >= created);
  });

  it('refuses a password the policy refuses, with Cognito\'s messages, and changes nothing', async () => {
    await createUser(client, poolId, 'bo');
    const refusals: Array<[string, string]> = [
      ['Sh0rt!', 'Password not long enough'],
      ['lowercase-only1', 'Password must have uppercase characters'],
      ['UPPERCASE-ONLY1', 'Password must have lowercase characters'],
      ['No-Digits-Here', 'Password must have numeric characters'],
      ['NoSymbols1234', 'Password must have symbol characters'],
    ];
    for (const [password, problem] of refusals) {
      await assert.rejects(setPassword('bo', password, true), { name: 'InvalidPasswordException', message: `Password did not conform with policy: ${problem}` });
    }
    assert.equal(await status('bo'), 'FORCE_CHANGE_PASSWORD');
    const lenient = await createPool(client, 'lenient', { Policies: { PasswordPolicy: { MinimumLength: 6 } } });
    await createUser(client, lenient, 'bo');
    await setPassword('bo', 'simple', true, lenient);
    assert.equal(await status('bo', lenient), 'CONFIRMED');
  });

  it('refuses unknown users (unknown pools: test/userpools/unknown-pool.test.ts)', async () => {
    await assert.rejects(setPassword('nobody', 'Permanent-Pass1', true), { name: 'UserNotFoundException', message: 'User does not exist.' });
    await assert.rejects(reset('nobody'), { name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('resets a password: RESET_REQUIRED, and a recovery code mailed to the verified email', async () => {
    await createUser(client, poolId, 'cy', { email: 'cy@example.com', email_verified: 'true' });
    await setPassword('cy', 'Permanent-Pass1', true);
    await reset('cy');
    assert.equal(await status('cy'), 'RESET_REQUIRED');
    const mail = await mailbox.next('cy@example.com');
    assert.equal(mail.subject, 'Your verification code');
    assert.match(mailText(mail), /Your verification code is \d{6}\./);
    await reset('cy');
    assert.match((await mailbox.next('cy@example.com')).code!, /^\d{6}$/, 'a second reset sends another code');
  });

  it('sends the code with the pool\'s verification message to the channel AccountRecoverySetting puts first', async () => {
    const pool = await createPool(client, 'phone first', {
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 2 }, { Name: 'verified_phone_number', Priority: 1 }] },
      VerificationMessageTemplate: { SmsMessage: 'Reset code: {####}', EmailMessage: 'Mail code: {####}', EmailSubject: 'Reset' },
    });
    const both = { email: 'dee@example.com', email_verified: 'true', phone_number: '+15550200001', phone_number_verified: 'true' };
    await createUser(client, pool, 'dee', both);
    await reset('dee', pool);
    assert.match(sms.to('+15550200001')[0]!.message, /^Reset code: \d{6}$/);
    assert.deepEqual(mailbox.mails.filter((mail) => mail.to.includes('dee@example.com')), []);

    await createUser(client, pool, 'eve', { ...both, email: 'eve@example.com', phone_number: '+15550200002', phone_number_verified: 'false' });
    await reset('eve', pool);
    const mail = await mailbox.next('eve@example.com');
    assert.equal(mail.subject, 'Reset');
    assert.match(mailText(mail), /Mail code: \d{6}/);
    assert.deepEqual(sms.to('+15550200002'), []);
  });

  it('refuses to reset a user with no verified contact, leaving it as it was', async () => {
    await createUser(client, poolId, 'fay', { email: 'fay@example.com' });
    await setPassword('fay', 'Permanent-Pass1', true);
    await assert.rejects(reset('fay'), {
      name: 'InvalidParameterException', message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
    });
    assert.equal(await status('fay'), 'CONFIRMED');
    const adminOnly = await createPool(client, 'admin only', { AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] } });
    await createUser(client, adminOnly, 'gil', { email: 'gil@example.com', email_verified: 'true' });
    await assert.rejects(reset('gil', adminOnly), { name: 'InvalidParameterException' });
  });
});
