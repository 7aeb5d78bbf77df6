/** validateInput against the real cognito-idp model: Cognito's message wording, paths, and what it never echoes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { model } from '../../src/protocol/generated/cognito-idp.js';
import { model as identityModel } from '../../src/protocol/generated/cognito-identity.js';
import type { ServiceModel } from '../../src/protocol/service-model.js';
import { validateInput } from '../../src/protocol/validate.js';

const invalid = (message: string) => ({ name: 'InvalidParameterException', message });
/** A wrong JSON type: Cognito answers SerializationException; issue 2 asks for InvalidParameterException naming the member. */
const wrongType = (path: string, expected: string) => invalid(`1 validation error detected: Value at '${path}' failed to satisfy constraint: Member must be ${expected}`);
const POOL_PATTERN = '[\\w-]+_[0-9a-zA-Z]+';

describe('validateInput: constraint violations', () => {
  it('accepts a valid input, and ignores members the model does not know', () => {
    validateInput(model, 'ListUserPoolsRequest', { MaxResults: 60, NextToken: 'abc', Unknown: { deep: [1] } });
    validateInput(model, 'AdminCreateUserRequest', {
      UserPoolId: 'us-east-1_AbC123', Username: 'jane', UserAttributes: [{ Name: 'email', Value: 'jane@example.com' }], ClientMetadata: { k: 'v' },
    });
  });

  it('reports a missing required member as null', () => {
    assert.throws(() => validateInput(model, 'ListUserPoolsRequest', {}),
      invalid("1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null"));
    assert.throws(() => validateInput(model, 'ListUserPoolsRequest', { MaxResults: null }), { name: 'InvalidParameterException' });
  });

  it('reports lengths over the maximum and under the minimum', () => {
    assert.throws(() => validateInput(model, 'DescribeUserPoolRequest', { UserPoolId: `us-east-1_${'a'.repeat(46)}` }),
      invalid(`1 validation error detected: Value 'us-east-1_${'a'.repeat(46)}' at 'userPoolId' failed to satisfy constraint: Member must have length less than or equal to 55`));
    assert.throws(() => validateInput(model, 'ListUserPoolsRequest', { MaxResults: 1, NextToken: '' }), invalid(
      "2 validation errors detected: Value '' at 'nextToken' failed to satisfy constraint: Member must have length greater than or equal to 1; "
      + "Value '' at 'nextToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+",
    ));
  });

  it('reports a pattern mismatch with the pattern itself', () => {
    assert.throws(() => validateInput(model, 'DescribeUserPoolRequest', { UserPoolId: 'no underscore' }),
      invalid(`1 validation error detected: Value 'no underscore' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: ${POOL_PATTERN}`));
  });

  it('reports a value outside the enum with the whole value set', () => {
    assert.throws(() => validateInput(model, 'InitiateAuthRequest', { AuthFlow: 'PASSWORD', ClientId: 'client' }),
      invalid("1 validation error detected: Value 'PASSWORD' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: "
        + '[USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]'));
  });

  it('reports numbers out of range', () => {
    assert.throws(() => validateInput(model, 'ListUserPoolsRequest', { MaxResults: 0 }),
      invalid("1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    assert.throws(() => validateInput(model, 'ListUserPoolsRequest', { MaxResults: 61 }),
      invalid("1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60"));
  });

  it('names nested members by their path: list items, structure members, map keys and values', () => {
    const longName = 'n'.repeat(33);
    assert.throws(() => validateInput(model, 'AdminCreateUserRequest', {
      UserPoolId: 'us-east-1_AbC123', Username: 'jane', UserAttributes: [{ Name: 'email' }, { Name: longName }, { Value: 'x' }],
    }), {
      name: 'InvalidParameterException',
      message: `2 validation errors detected: Value '${longName}' at 'userAttributes.2.member.name' failed to satisfy constraint: Member must have length less than or equal to 32; `
        + "Value null at 'userAttributes.3.member.name' failed to satisfy constraint: Member must not be null",
    });
    assert.throws(() => validateInput(model, 'CreateUserPoolRequest', { PoolName: 'pool', UserPoolTags: { '': 'v', k: 'x'.repeat(257) } }), {
      name: 'InvalidParameterException',
      message: /^2 validation errors detected: Value '' at 'userPoolTags..key' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '(x{256})\.\.\.' at 'userPoolTags.k.value' failed to satisfy constraint: Member must have length less than or equal to 256$/,
    });
  });

  it('never echoes the value of a sensitive member', () => {
    const password = 'secret with spaces';
    const username = 'user name';
    assert.throws(() => validateInput(model, 'SignUpRequest', { ClientId: 'client', Username: username, Password: password }), (error: Error) => {
      assert.equal(error.name, 'InvalidParameterException');
      assert.match(error.message, /^2 validation errors detected: /);
      assert.match(error.message, /Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern/);
      assert.match(error.message, /Value at 'username' failed to satisfy constraint/);
      assert.ok(!error.message.includes(password) && !error.message.includes(username), error.message);
      return true;
    });
    const attribute = 'v'.repeat(2049);
    assert.throws(() => validateInput(model, 'AdminCreateUserRequest', { UserPoolId: 'us-east-1_A', Username: 'u', UserAttributes: [{ Name: 'email', Value: attribute }] }),
      invalid("1 validation error detected: Value at 'userAttributes.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 2048"));
  });

  it('counts every violation in one message', () => {
    assert.throws(() => validateInput(model, 'AdminCreateUserRequest', { UserPoolId: 'bad', MessageAction: 'LOUD' }), (error: Error) => {
      assert.equal(error.name, 'InvalidParameterException');
      assert.match(error.message, /^3 validation errors detected: /);
      assert.equal(error.message.split('; ').length, 3);
      return true;
    });
  });
});

describe('validateInput: JSON types, which fail deserialisation first', () => {
  const cases: [string, unknown, string, string][] = [
    ['a string for an integer', { MaxResults: '10' }, 'maxResults', 'an integer'],
    ['a fraction for an integer', { MaxResults: 1.5 }, 'maxResults', 'an integer'],
    ['an object for a string', { MaxResults: 1, NextToken: { a: 1 } }, 'nextToken', 'a string'],
    ['an array for a string', { MaxResults: 1, NextToken: ['a'] }, 'nextToken', 'a string'],
    ['a boolean for a string', { MaxResults: 1, NextToken: true }, 'nextToken', 'a string'],
  ];
  for (const [label, input, path, expected] of cases) {
    it(`refuses ${label}`, () => {
      assert.throws(() => validateInput(model, 'ListUserPoolsRequest', input), wrongType(path, expected));
    });
  }

  it('refuses wrong types for lists, maps, structures, booleans and blobs, naming the member', () => {
    const pool = { UserPoolId: 'us-east-1_A', Username: 'u' };
    assert.throws(() => validateInput(model, 'AdminCreateUserRequest', { ...pool, UserAttributes: { Name: 'email' } }), wrongType('userAttributes', 'a list'));
    assert.throws(() => validateInput(model, 'AdminCreateUserRequest', { ...pool, UserAttributes: ['email'] }), wrongType('userAttributes.1.member', 'a structure'));
    assert.throws(() => validateInput(model, 'AdminCreateUserRequest', { ...pool, ClientMetadata: ['k'] }), wrongType('clientMetadata', 'a map'));
    assert.throws(() => validateInput(model, 'AdminCreateUserRequest', { ...pool, ForceAliasCreation: 'true' }), wrongType('forceAliasCreation', 'a boolean'));
    assert.throws(() => validateInput(model, 'SetUICustomizationRequest', { UserPoolId: 'us-east-1_A', ImageFile: 'not base64!' }), wrongType('imageFile', 'base64-encoded binary data'));
    validateInput(model, 'SetUICustomizationRequest', { UserPoolId: 'us-east-1_A', ImageFile: Buffer.from('png').toString('base64') });
  });

  it('refuses a body that is not an object, and reads null as no members', () => {
    assert.throws(() => validateInput(model, 'ListUserPoolsRequest', []), wrongType('request', 'a structure'));
    assert.throws(() => validateInput(model, 'ListUserPoolsRequest', 'text'), wrongType('request', 'a structure'));
    assert.throws(() => validateInput(model, 'ListUserPoolsRequest', null), { name: 'InvalidParameterException', message: /at 'maxResults'/ });
  });

  it('never echoes a sensitive value that has the wrong type', () => {
    assert.throws(() => validateInput(model, 'SignUpRequest', { ClientId: 'c', Username: 'u', Password: 123456789 }), (error: Error) => {
      assert.equal(error.name, 'InvalidParameterException');
      assert.match(error.message, /at 'password'/);
      assert.ok(!error.message.includes('123456789'));
      return true;
    });
  });
});

describe('validateInput: the models', () => {
  for (const [name, service] of [['cognito-idp', model], ['cognito-identity', identityModel]] as const) {
    it(`compiles every pattern of ${name} (Java regular expressions, on the linear-time engine)`, () => {
      const patterns = Object.values(service.shapes).filter((shape) => shape.pattern).map((shape) => shape.pattern!);
      assert.ok(patterns.length > 10);
      for (const pattern of patterns) {
        const probe: ServiceModel = { ...service, shapes: { P: { type: 'structure', members: { V: 'S' } }, S: { type: 'string', pattern } } };
        assert.doesNotThrow(() => {
          try {
            validateInput(probe, 'P', { V: 'x' });
          } catch (error) {
            if ((error as Error).name !== 'InvalidParameterException') throw error;
          }
        }, `pattern ${pattern}`);
      }
    });
  }
});
