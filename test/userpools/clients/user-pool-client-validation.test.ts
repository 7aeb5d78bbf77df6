import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  CreateUserPoolClientCommand, DescribeUserPoolClientCommand, UpdateUserPoolClientCommand, type CreateUserPoolClientCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../support/engines.js';
import { createPool } from '../../support/fixtures.js';
import { clientOf, useInProcess } from '../../support/in-process.js';

type Settings = Omit<CreateUserPoolClientCommandInput, 'UserPoolId' | 'ClientName'>;

const RANGE = 'Invalid range for token validity.';
const ORDER = 'Access and Id Token expiration times must be less than or equal to refresh token expiration times.';
const OAUTH: Settings = { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ['openid'] };

/** Requests Cognito refuses, with the __type and message it refuses them with. */
const REFUSED: [string, Settings, string, string][] = [
  ['access token over a day', { AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'days' } }, 'InvalidParameterException', RANGE],
  ['ID token under five minutes', { IdTokenValidity: 4, TokenValidityUnits: { IdToken: 'minutes' } }, 'InvalidParameterException', RANGE],
  ['refresh token under an hour', { RefreshTokenValidity: 59, TokenValidityUnits: { RefreshToken: 'minutes' } }, 'InvalidParameterException', RANGE],
  ['refresh token over ten years', { RefreshTokenValidity: 3651 }, 'InvalidParameterException', RANGE],
  ['access token outliving the refresh token', { AccessTokenValidity: 12, RefreshTokenValidity: 2, TokenValidityUnits: { RefreshToken: 'hours' } }, 'InvalidParameterException', ORDER],
  ['legacy and ALLOW_ flows mixed', { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'ALLOW_USER_SRP_AUTH'] }, 'InvalidParameterException', "Auth flow name with prefix 'ALLOW' cannot be used with legacy auth flow names."],
  ['OAuth on without scopes', { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], CallbackURLs: ['https://a.example/cb'] }, 'InvalidParameterException', 'AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.'],
  ['code flow without callback URLs', { ...OAUTH, AllowedOAuthFlows: ['code'] }, 'InvalidOAuthFlowException', 'CallbackUrls can not be empty when code flow or implicit flow is selected'],
  ['client_credentials with implicit', { ...OAUTH, AllowedOAuthFlows: ['client_credentials', 'implicit'], CallbackURLs: ['https://a.example/cb'] }, 'InvalidOAuthFlowException', 'client_credentials flow can not be selected along with code flow or implicit flow.'],
  ['client_credentials without a secret', { ...OAUTH, AllowedOAuthFlows: ['client_credentials'] }, 'InvalidOAuthFlowException', 'client_credentials flow can not be selected if client does not have a client secret.'],
  ['default redirect outside the callbacks', { CallbackURLs: ['https://a.example/cb'], DefaultRedirectURI: 'https://b.example/cb' }, 'InvalidParameterException', 'The default redirect URI https://b.example/cb is not in the callback URIs list.'],
  ['plain HTTP callback', { CallbackURLs: ['http://example.com/cb'] }, 'InvalidParameterException', 'http://example.com/cb cannot use the HTTP protocol.'],
  ['callback with a fragment', { CallbackURLs: ['https://a.example/cb#x'] }, 'InvalidParameterException', 'https://a.example/cb#x cannot use fragment'],
  ['unknown custom scope', { AllowedOAuthScopes: ['api/read'] }, 'ScopeDoesNotExistException', 'Invalid scope requested: api/read'],
  ['unknown identity provider', { SupportedIdentityProviders: ['COGNITO', 'Google'] }, 'InvalidParameterException', 'The provider Google does not exist for User Pool'],
  ['sub as a write attribute', { WriteAttributes: ['email', 'sub'] }, 'InvalidParameterException', 'Invalid write attributes specified while creating a client'],
  ['unknown read attribute', { ReadAttributes: ['email', 'custom:nope'] }, 'InvalidParameterException', 'Invalid read attributes specified while creating a client'],
  ['context data without a secret', { EnablePropagateAdditionalUserContextData: true }, 'InvalidParameterException', 'Client Secret is required to set EnablePropagateAdditionalUserContextData as true'],
  ['analytics by ARN and id at once', { AnalyticsConfiguration: { ApplicationArn: 'arn:aws:mobiletargeting:us-east-1:123456789012:apps/a', ApplicationId: 'abc' } }, 'InvalidParameterException', 'Invalid analytics configuration given, either <application arn> or <application id, role arn, external id> are valid'],
  ['a secret both generated and supplied', { GenerateSecret: true, ClientSecret: 'custom_secret_value_0123456789' }, 'InvalidParameterException', 'You cannot specify both GenerateSecret as true and provide a ClientSecret value.'],
  ['a secret that breaks the model pattern', { ClientSecret: 'short' }, 'InvalidParameterException', "1 validation error detected: Value at 'clientSecret' failed to satisfy constraint: Member must have length greater than or equal to 24"],
];

describeEngines('app client validation (in process)', (engine) => {
  const client = clientOf(useInProcess(engine));
  let poolId: string;
  before(async () => {
    poolId = await createPool(client, 'validation', {
      Schema: [
        { Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true },
        { Name: 'tier', AttributeDataType: 'String', Mutable: true },
      ],
    });
  });

  const create = (settings: Settings) => client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', ...settings }));

  for (const [name, settings, type, message] of REFUSED) {
    it(`refuses ${name}`, async () => {
      await assert.rejects(create(settings), { name: type, message });
    });
  }

  it('accepts what Cognito accepts at the edges of its rules', async () => {
    await create({ AccessTokenValidity: 1, IdTokenValidity: 24, RefreshTokenValidity: 1, TokenValidityUnits: { IdToken: 'hours' } });
    await create({ AccessTokenValidity: 5, TokenValidityUnits: { AccessToken: 'minutes' }, RefreshTokenValidity: 3650 });
    await create({ ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] });
    await create({ CallbackURLs: ['http://localhost:8080/cb', 'http://127.0.0.1/cb', 'myapp://callback'], LogoutURLs: ['http://[::1]:3000/'] });
    await create({ GenerateSecret: true, ...OAUTH, AllowedOAuthScopes: ['aws.cognito.signin.user.admin'], AllowedOAuthFlows: ['client_credentials'] });
    await create({ ReadAttributes: ['custom:tier', 'email_verified', 'sub'], WriteAttributes: ['email', 'custom:tier'] });
    const { UserPoolClient } = await create({ RefreshTokenValidity: 0 });
    assert.equal(UserPoolClient!.RefreshTokenValidity, 30, 'a refresh validity of 0 means the default');
  });

  it('requires write access to the attributes the pool requires', async () => {
    await assert.rejects(create({ WriteAttributes: ['name'] }), { name: 'InvalidParameterException', message: 'Invalid write attributes specified while creating a client' });
    const { UserPoolClient } = await create({ WriteAttributes: ['name', 'email'] });
    await assert.rejects(client.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: UserPoolClient!.ClientId!, WriteAttributes: ['name'] })),
      { name: 'InvalidParameterException', message: 'Invalid write attributes specified while updating a client' });
  });

  it('names the missing client (unknown pools: test/userpools/unknown-pool.test.ts)', async () => {
    await assert.rejects(client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: 'nosuchclient' })),
      { name: 'ResourceNotFoundException', message: 'User pool client nosuchclient does not exist.' });
    const other = await createPool(client, 'other');
    const { UserPoolClient } = await create({});
    await assert.rejects(client.send(new DescribeUserPoolClientCommand({ UserPoolId: other, ClientId: UserPoolClient!.ClientId! })),
      { name: 'ResourceNotFoundException', message: `User pool client ${UserPoolClient!.ClientId} does not exist.` }, 'a client is found only in its own pool');
  });
});
