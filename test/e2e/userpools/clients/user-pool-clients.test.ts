import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  AddUserPoolClientSecretCommand, CreateUserPoolClientCommand, DeleteUserPoolClientCommand, DeleteUserPoolClientSecretCommand, DescribeUserPoolClientCommand, ListUserPoolClientSecretsCommand, ListUserPoolClientsCommand, UpdateUserPoolClientCommand, type CreateUserPoolClientCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { SLOW, awsCli } from '../../../support/aws.js';
import { describeEngines } from '../../../support/engines.js';
import { createPool } from '../../../support/fixtures.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

/** What Cognito echoes for members a request leaves out. */
const DEFAULTS = {
  RefreshTokenValidity: 30, TokenValidityUnits: {}, AllowedOAuthFlowsUserPoolClient: false,
  EnableTokenRevocation: true, EnablePropagateAdditionalUserContextData: false, AuthSessionValidity: 3,
};

/** Every settable member, consistent with each other. */
const FULL: Omit<CreateUserPoolClientCommandInput, 'UserPoolId' | 'ClientName'> = {
  RefreshTokenValidity: 600, AccessTokenValidity: 15, IdTokenValidity: 2,
  TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'hours', RefreshToken: 'minutes' },
  ReadAttributes: ['email', 'email_verified', 'name'], WriteAttributes: ['email', 'name'],
  ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], SupportedIdentityProviders: ['COGNITO'],
  CallbackURLs: ['https://app.example.com/cb', 'http://localhost:3000/cb'], LogoutURLs: ['https://app.example.com/bye'],
  DefaultRedirectURI: 'https://app.example.com/cb', AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email'],
  AllowedOAuthFlowsUserPoolClient: true,
  AnalyticsConfiguration: { ApplicationArn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/abc', UserDataShared: true },
  PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: false, EnablePropagateAdditionalUserContextData: true,
  AuthSessionValidity: 7, RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
};

const withoutDates = <T extends { CreationDate?: Date; LastModifiedDate?: Date }>({ CreationDate, LastModifiedDate, ...rest }: T) => rest;

describeEngines('app clients', (engine) => {
  const { server, client } = useGatehouse(engine);
  let poolId: string;
  before(async () => {
    poolId = await createPool(client, 'clients');
  });

  const fetchClient = async (clientId: string) =>
    (await client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }))).UserPoolClient!;

  it('creates a public client with Cognito defaults and describes it the same way', async () => {
    const started = Date.now();
    const { UserPoolClient: created } = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'web' }));
    assert.match(created!.ClientId!, /^[a-z0-9]{26}$/);
    assert.deepEqual(withoutDates(created!), { UserPoolId: poolId, ClientName: 'web', ClientId: created!.ClientId, ...DEFAULTS });
    assert.ok(created!.CreationDate!.getTime() >= started - 1000 && created!.CreationDate!.getTime() <= Date.now() + 1000);
    assert.deepEqual(await fetchClient(created!.ClientId!), created);
  });

  it('stores and echoes every member of a full configuration', async () => {
    const { UserPoolClient: created } = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'full', GenerateSecret: true, ...FULL }));
    const described = await fetchClient(created!.ClientId!);
    assert.deepEqual(withoutDates(described), { UserPoolId: poolId, ClientName: 'full', ClientId: created!.ClientId, ClientSecret: created!.ClientSecret, ...FULL });
  });

  it('generates a 51-character secret that Describe returns', async () => {
    const { UserPoolClient: created } = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'server', GenerateSecret: true }));
    assert.match(created!.ClientSecret!, /^[a-z0-9]{51}$/);
    assert.equal((await fetchClient(created!.ClientId!)).ClientSecret, created!.ClientSecret);
  });

  it('resets unsent members on update, keeps the name unless sent, and keeps the secret', async () => {
    const { UserPoolClient: created } = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'rotating', GenerateSecret: true, ...FULL }));
    const clientId = created!.ClientId!;
    const { UserPoolClient: updated } = await client.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId, AuthSessionValidity: 10 }));
    const expected = { UserPoolId: poolId, ClientName: 'rotating', ClientId: clientId, ClientSecret: created!.ClientSecret, ...DEFAULTS, AuthSessionValidity: 10 };
    assert.deepEqual(withoutDates(updated!), expected);
    assert.deepEqual(withoutDates(await fetchClient(clientId)), expected);
    assert.deepEqual(updated!.CreationDate, created!.CreationDate);
    assert.ok(updated!.LastModifiedDate! >= created!.LastModifiedDate!);
    await client.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId, ClientName: 'renamed' }));
    assert.equal((await fetchClient(clientId)).ClientName, 'renamed');
  });

  it('lists clients a page at a time', async () => {
    const listPool = await createPool(client, 'listing');
    const ids = new Set<string>();
    for (const name of ['a', 'b', 'c']) {
      ids.add((await client.send(new CreateUserPoolClientCommand({ UserPoolId: listPool, ClientName: name }))).UserPoolClient!.ClientId!);
    }
    const first = await client.send(new ListUserPoolClientsCommand({ UserPoolId: listPool, MaxResults: 2 }));
    assert.equal(first.UserPoolClients!.length, 2);
    assert.ok(first.NextToken);
    const second = await client.send(new ListUserPoolClientsCommand({ UserPoolId: listPool, MaxResults: 2, NextToken: first.NextToken }));
    assert.equal(second.UserPoolClients!.length, 1);
    assert.equal(second.NextToken, undefined);
    const listed = [...first.UserPoolClients!, ...second.UserPoolClients!];
    assert.deepEqual(new Set(listed.map((c) => c.ClientId)), ids);
    for (const entry of listed) assert.deepEqual(Object.keys(entry).sort(), ['ClientId', 'ClientName', 'UserPoolId']);
    await assert.rejects(client.send(new ListUserPoolClientsCommand({ UserPoolId: listPool, NextToken: 'garbage' })), { name: 'InvalidParameterException' });
  });

  it('adds, lists and deletes secrets, two at most, never the last one', async () => {
    const { UserPoolClient: created } = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'secrets', GenerateSecret: true }));
    const ids = { UserPoolId: poolId, ClientId: created!.ClientId! };
    const list = async () => (await client.send(new ListUserPoolClientSecretsCommand(ids))).ClientSecrets!;
    const [original] = await list();
    assert.match(original!.ClientSecretId!, new RegExp(`^${ids.ClientId}--\\d{13}$`));
    assert.equal(original!.ClientSecretValue, undefined);

    const added = (await client.send(new AddUserPoolClientSecretCommand(ids))).ClientSecretDescriptor!;
    assert.match(added.ClientSecretValue!, /^[a-z0-9]{51}$/);
    assert.deepEqual((await list()).map((s) => s.ClientSecretId), [original!.ClientSecretId, added.ClientSecretId]);
    await assert.rejects(client.send(new AddUserPoolClientSecretCommand({ ...ids, ClientSecret: 'custom_secret_value_0123456789' })), { name: 'LimitExceededException' });

    await client.send(new DeleteUserPoolClientSecretCommand({ ...ids, ClientSecretId: original!.ClientSecretId }));
    assert.equal((await fetchClient(ids.ClientId)).ClientSecret, added.ClientSecretValue);
    const custom = (await client.send(new AddUserPoolClientSecretCommand({ ...ids, ClientSecret: 'custom_secret_value_0123456789' }))).ClientSecretDescriptor!;
    assert.equal(custom.ClientSecretValue, undefined);
    assert.ok(custom.ClientSecretCreateDate instanceof Date);
    assert.equal((await fetchClient(ids.ClientId)).ClientSecret, added.ClientSecretValue, 'Describe returns the oldest secret');

    await assert.rejects(client.send(new DeleteUserPoolClientSecretCommand({ ...ids, ClientSecretId: `${ids.ClientId}--1` })),
      { name: 'ResourceNotFoundException', message: `Client secret ${ids.ClientId}--1 does not exist.` });
    await client.send(new DeleteUserPoolClientSecretCommand({ ...ids, ClientSecretId: added.ClientSecretId }));
    assert.equal((await fetchClient(ids.ClientId)).ClientSecret, 'custom_secret_value_0123456789');
    await assert.rejects(client.send(new DeleteUserPoolClientSecretCommand({ ...ids, ClientSecretId: custom.ClientSecretId })),
      { name: 'InvalidParameterException', message: 'You cannot delete the last remaining secret for an app client.' });
  });

  it('lets only one of three concurrent additions take the second place', async () => {
    const { UserPoolClient: created } = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'racing', GenerateSecret: true }));
    const ids = { UserPoolId: poolId, ClientId: created!.ClientId! };
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => client.send(new AddUserPoolClientSecretCommand(ids))));
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
    for (const o of outcomes) if (o.status === 'rejected') assert.equal((o.reason as Error).name, 'LimitExceededException');
    assert.equal((await client.send(new ListUserPoolClientSecretsCommand(ids))).ClientSecrets!.length, 2);
  });

  it('keeps a public client public', async () => {
    const { UserPoolClient: created } = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'public' }));
    const ids = { UserPoolId: poolId, ClientId: created!.ClientId! };
    assert.deepEqual((await client.send(new ListUserPoolClientSecretsCommand(ids))).ClientSecrets, []);
    await assert.rejects(client.send(new AddUserPoolClientSecretCommand(ids)),
      { name: 'InvalidParameterException', message: `User pool client ${ids.ClientId} does not have a client secret.` });
  });

  it('deletes a client', async () => {
    const { UserPoolClient: created } = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'doomed', GenerateSecret: true }));
    const ids = { UserPoolId: poolId, ClientId: created!.ClientId! };
    await client.send(new DeleteUserPoolClientCommand(ids));
    const gone = { name: 'ResourceNotFoundException', message: `User pool client ${ids.ClientId} does not exist.` };
    await assert.rejects(client.send(new DescribeUserPoolClientCommand(ids)), gone);
    await assert.rejects(client.send(new DeleteUserPoolClientCommand(ids)), gone);
    await assert.rejects(client.send(new ListUserPoolClientSecretsCommand(ids)), gone);
  });

  it('works through the AWS CLI', SLOW, async () => {
    const created = await awsCli(server, ['create-user-pool-client', '--user-pool-id', poolId, '--client-name', 'cli-app', '--generate-secret']);
    assert.equal(created.code, 0, created.stderr);
    const made = (created.json as { UserPoolClient: { ClientId: string; ClientSecret: string; ClientName: string } }).UserPoolClient;
    assert.match(made.ClientSecret, /^[a-z0-9]{51}$/);
    const described = await awsCli(server, ['describe-user-pool-client', '--user-pool-id', poolId, '--client-id', made.ClientId]);
    assert.equal(described.code, 0, described.stderr);
    assert.deepEqual(described.json, created.json);
    const missing = await awsCli(server, ['describe-user-pool-client', '--user-pool-id', poolId, '--client-id', 'nosuchclient']);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /ResourceNotFoundException.*User pool client nosuchclient does not exist\./);
  });
});
