import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { AdminDeleteUserAttributesCommand, AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../../support/engines.js';
import { createPool } from '../../../support/fixtures.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';
import { attributeList, createUser, getUser } from '../../../support/users.js';

describeEngines('admin attribute operations', (engine) => {
  const { client, mailbox, sms } = useGatehouse(engine, { mail: true, sms: true });
  let poolId: string;
  before(async () => {
    poolId = await createPool(client, 'attributes', {
      AutoVerifiedAttributes: ['email'],
      AliasAttributes: ['email', 'phone_number'],
      Schema: [
        { Name: 'name', AttributeDataType: 'String', Required: true },
        { Name: 'plan', AttributeDataType: 'String' },
        { Name: 'score', AttributeDataType: 'Number', Mutable: false },
        { Name: 'tier', AttributeDataType: 'String', DeveloperOnlyAttribute: true },
      ],
    });
  });

  const update = (Username: string, attributes: Record<string, string>, pool = poolId) =>
    client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: pool, Username, UserAttributes: attributeList(attributes) }));
  const remove = (Username: string, names: string[], pool = poolId) =>
    client.send(new AdminDeleteUserAttributesCommand({ UserPoolId: pool, Username, UserAttributeNames: names }));
  const attributes = async (username: string) => (await getUser(client, poolId, username)).attributes;
  const schemaError = (problem: string) => ({ name: 'InvalidParameterException', message: `Attributes did not conform to the schema: ${problem}` });

  it('sets attributes, developer-only ones included, and keeps the others', async () => {
    await createUser(client, poolId, 'ada', { name: 'Ada', 'custom:score': '7' });
    const before = (await getUser(client, poolId, 'ada')).UserLastModifiedDate!;
    await update('ada', { given_name: 'Ada', 'custom:plan': 'pro', 'dev:custom:tier': 'gold' });
    const after = await getUser(client, poolId, 'ada');
    assert.deepEqual({ ...after.attributes, sub: undefined }, { sub: undefined, name: 'Ada', 'custom:score': '7', given_name: 'Ada', 'custom:plan': 'pro', 'dev:custom:tier': 'gold' });
    assert.ok(after.UserLastModifiedDate! >= before);
  });

  it('marks a changed email unverified, drops its alias and mails a code to the new address', async () => {
    await createUser(client, poolId, 'bo', { name: 'Bo', email: 'bo@example.com', email_verified: 'true' });
    assert.equal((await getUser(client, poolId, 'bo@example.com')).Username, 'bo');
    await update('bo', { email: 'bo@new.example.com' });
    const changed = await attributes('bo');
    assert.equal(changed.email, 'bo@new.example.com');
    assert.equal(changed.email_verified, 'false');
    assert.match((await mailbox.next('bo@new.example.com')).code!, /^\d{6}$/);
    await assert.rejects(getUser(client, poolId, 'bo@example.com'), { name: 'UserNotFoundException' });
    await assert.rejects(getUser(client, poolId, 'bo@new.example.com'), { name: 'UserNotFoundException' });
  });

  it('takes a new email as verified when the request says so, sending nothing', async () => {
    await createUser(client, poolId, 'cy', { name: 'Cy', email: 'cy@example.com' });
    await update('cy', { email: 'cy@new.example.com', email_verified: 'true' });
    assert.equal((await getUser(client, poolId, 'cy@new.example.com')).Username, 'cy');
    assert.deepEqual(mailbox.mails.filter((mail) => mail.to.includes('cy@new.example.com')), []);
  });

  it('marks a changed phone number unverified without a message where phones are not auto-verified', async () => {
    await createUser(client, poolId, 'dee', { name: 'Dee', phone_number: '+15550300001', phone_number_verified: 'true' });
    assert.equal((await getUser(client, poolId, '+15550300001')).Username, 'dee');
    await update('dee', { phone_number: '+15550300002' });
    assert.equal((await attributes('dee')).phone_number_verified, 'false');
    assert.deepEqual(sms.to('+15550300002'), []);
    await assert.rejects(getUser(client, poolId, '+15550300001'), { name: 'UserNotFoundException' });
  });

  it('registers an alias when an email is verified, and refuses one another user holds', async () => {
    await createUser(client, poolId, 'eve', { name: 'Eve', email: 'shared@example.com' });
    await createUser(client, poolId, 'fay', { name: 'Fay', email: 'shared@example.com' });
    await update('eve', { email_verified: 'true' });
    assert.equal((await getUser(client, poolId, 'shared@example.com')).Username, 'eve');
    await assert.rejects(update('fay', { email_verified: 'true', given_name: 'Fay' }), { name: 'AliasExistsException', message: 'An account with the email already exists.' });
    const fay = await attributes('fay');
    assert.equal(fay.email_verified, undefined, 'a refused update changes nothing');
    assert.equal(fay.given_name, undefined);
  });

  it('deletes an attribute given a blank value', async () => {
    await createUser(client, poolId, 'gil', { name: 'Gil', given_name: 'Gil', 'custom:plan': 'basic' });
    await update('gil', { given_name: '', 'custom:plan': 'pro' });
    const gil = await attributes('gil');
    assert.equal(gil.given_name, undefined);
    assert.equal(gil['custom:plan'], 'pro');
    await assert.rejects(update('gil', { name: '' }), schemaError('name: The attribute is required'));
  });

  it('refuses immutable, unknown and malformed attributes', async () => {
    await createUser(client, poolId, 'hal', { name: 'Hal', 'custom:score': '1' });
    await assert.rejects(update('hal', { 'custom:score': '2' }), schemaError('custom:score: Attribute cannot be updated. (changing an immutable attribute)'));
    await assert.rejects(update('hal', { shoe_size: '9' }), schemaError('shoe_size: Attribute does not exist in the schema.'));
    await assert.rejects(update('hal', { phone_number: '555-0100' }), { name: 'InvalidParameterException', message: 'Invalid phone number format.' });
    await assert.rejects(update('nobody', { name: 'X' }), { name: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('deletes attributes, and the alias and verification of a deleted email', async () => {
    await createUser(client, poolId, 'ivy', { name: 'Ivy', given_name: 'Ivy', 'custom:plan': 'pro', email: 'ivy@example.com', email_verified: 'true' });
    await remove('ivy', ['given_name', 'custom:plan', 'email']);
    const ivy = await attributes('ivy');
    assert.deepEqual(Object.keys(ivy).sort(), ['name', 'sub']);
    await assert.rejects(getUser(client, poolId, 'ivy@example.com'), { name: 'UserNotFoundException' });
  });

  it('refuses to delete required, immutable or unknown attributes', async () => {
    await createUser(client, poolId, 'jo', { name: 'Jo', 'custom:score': '3' });
    await assert.rejects(remove('jo', ['name']), schemaError('name: The attribute is required'));
    await assert.rejects(remove('jo', ['custom:score']), schemaError('custom:score: Attribute cannot be updated. (changing an immutable attribute)'));
    await assert.rejects(remove('jo', ['shoe_size']), schemaError('shoe_size: Attribute does not exist in the schema.'));
    assert.equal((await attributes('jo'))['custom:score'], '3');
    await assert.rejects(remove('nobody', ['given_name']), { name: 'UserNotFoundException', message: 'User does not exist.' });
  });
});
