/**
 * Issue 6, part 1, against a running server on both engines: deep nesting in every operation,
 * U+0000 in every kind of stored string (refused alike on SQLite and PostgreSQL, and never echoed
 * raw), patterns that must not hold the server, and sensitive values never echoed.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, it } from 'node:test';
import { model } from '../../../src/protocol/generated/cognito-idp.js';
import { inParallel } from '../../support/bad-input-probes.js';
import { describeEngines } from '../../support/engines.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { nestedText } from '../../support/fuzz-inputs.js';
import type { AppClient } from '../../support/sign-in.js';
import { createUserWithPassword } from '../../support/sign-in.js';
import { signedFetch, type AwsReply } from '../../support/signed-fetch.js';
import { useGatehouse } from '../../support/use-gatehouse.js';

const CONTROL = /[\u0000-\u001f\u007f]/;

/** An AWS error of this type, whose message and headers carry no control character. */
function assertRefused(reply: AwsReply, type: string, context: string): void {
  assert.equal(reply.status, 400, `${context}: ${reply.status} ${reply.text.slice(0, 300)}`);
  assert.equal(reply.json?.__type, type, `${context}: ${reply.text.slice(0, 300)}`);
  assert.equal(reply.headers.get('x-amzn-errortype'), `${type}:`, context);
  const message = String(reply.json?.message);
  assert.ok(!CONTROL.test(message), `${context}: control character in the message ${JSON.stringify(message.slice(0, 300))}`);
  assert.ok(!CONTROL.test(reply.headers.get('x-amzn-errormessage') ?? ''), `${context}: control character in x-amzn-ErrorMessage`);
}

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
};

describeEngines('hard input', (engine) => {
  const { server, client } = useGatehouse(engine);
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'hard-input'));
    await createUserWithPassword(client, poolId, 'alice', { attributes: { email: 'alice@example.com' } });
  });

  it('answers 5,000 levels of nesting in a member of every operation, signed or not, with a 4xx AWS error', async () => {
    const operations = Object.entries(model.operations);
    assert.equal(operations.length, 122);
    assert.ok(operations.some(([, { auth }]) => auth === 'none') && operations.some(([name]) => name === 'SignUp'));
    const failures: string[] = [];
    await inParallel(operations, 6, async ([name, { input, auth }]) => {
      const member = Object.keys(model.shapes[input!]!.members ?? {})[0] ?? 'Extra';
      for (const [label, nesting] of [['array', nestedText(5000)], ['object', nestedText(5000, 'object')]] as const) {
        for (const target of [member, 'NotAMember']) {
          const body = `{"${target}":${nesting}}`;
          assert.ok(body.length >= 10_000 && body.length < 40_000);
          const reply = await signedFetch(server, name, body, { unsigned: auth === 'none' });
          if (reply.status < 400 || reply.status >= 500 || typeof reply.json?.__type !== 'string') {
            failures.push(`${name}.${target} (${label}): ${reply.status} ${reply.text.slice(0, 120)}`);
          }
        }
      }
    });
    assert.deepEqual(failures, []);
    assert.equal((await signedFetch(server, 'ListUserPools', { MaxResults: 1 })).status, 200);
  });

  it('refuses U+0000 in every stored string with the same InvalidParameterException, and echoes none', async () => {
    const { Arn } = (await signedFetch(server, 'DescribeUserPool', { UserPoolId: poolId })).json!.UserPool as { Arn: string };
    const nul = 'a\u0000b';
    const attributes = [{ Name: 'email', Value: `x${nul}@example.com` }];
    const cases: [string, string, Record<string, unknown>, boolean?][] = [
      ['AdminCreateUser attribute', 'AdminCreateUser', { UserPoolId: poolId, Username: 'bob', MessageAction: 'SUPPRESS', UserAttributes: attributes }],
      ['AdminUpdateUserAttributes', 'AdminUpdateUserAttributes', { UserPoolId: poolId, Username: 'alice', UserAttributes: [{ Name: 'name', Value: nul }] }],
      ['SignUp attribute', 'SignUp', { ClientId: app.clientId, Username: 'carol', Password: 'Correct-Horse-1', UserAttributes: attributes }, true],
      ['username', 'AdminCreateUser', { UserPoolId: poolId, Username: nul, MessageAction: 'SUPPRESS' }],
      ['group description', 'CreateGroup', { UserPoolId: poolId, GroupName: 'admins', Description: nul }],
      ['group name', 'CreateGroup', { UserPoolId: poolId, GroupName: nul }],
      ['tag value', 'TagResource', { ResourceArn: Arn, Tags: { team: nul } }],
      ['tag value of a new pool', 'CreateUserPool', { PoolName: 'tagged', UserPoolTags: { team: nul } }],
      ['ListUsers filter', 'ListUsers', { UserPoolId: poolId, Filter: `email = "${nul}"` }],
      ['AuthParameters.USERNAME', 'InitiateAuth', { ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: `alice${nul}`, PASSWORD: 'Correct-Horse-1' } }, true],
      ['AdminInitiateAuth USERNAME', 'AdminInitiateAuth', { UserPoolId: poolId, ClientId: app.clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: nul, PASSWORD: 'x' } }],
    ];
    for (const [label, target, body, unsigned] of cases) {
      assertRefused(await signedFetch(server, target, body, { unsigned }), 'InvalidParameterException', label);
    }
    // Nothing of it was stored.
    const users = (await signedFetch(server, 'ListUsers', { UserPoolId: poolId })).json!.Users as { Username: string; Attributes: { Name: string; Value: string }[] }[];
    assert.deepEqual(users.map((user) => user.Username), ['alice']);
    assert.ok(!JSON.stringify(users).includes('\\u0000'));
    assert.deepEqual((await signedFetch(server, 'ListGroups', { UserPoolId: poolId })).json!.Groups, []);
    assert.deepEqual((await signedFetch(server, 'ListTagsForResource', { ResourceArn: Arn })).json!.Tags ?? {}, {});
  });

  it('shows control characters of an echoed value as \\uXXXX text, in the body and the header', async () => {
    const reply = await signedFetch(server, 'CreateUserPool', { PoolName: 'bad\u0000\u0001\u001f\u007fname\n' });
    assertRefused(reply, 'InvalidParameterException', 'PoolName');
    const message = String(reply.json!.message);
    assert.ok(message.includes("Value 'bad\\u0000\\u0001\\u001f\\u007fname\\u000a' at 'poolName'"), message);
    assert.ok(reply.headers.get('x-amzn-errormessage')!.includes("Value 'bad\\u0000\\u0001\\u001f\\u007fname\\u000a' at 'poolName'"));
  });

  it('answers huge adversarial pattern inputs quickly, and keeps answering others meanwhile', async () => {
    const hostile: [string, Record<string, unknown>][] = [
      ['ReplyToEmailAddress', { PoolName: 'slow', EmailConfiguration: { ReplyToEmailAddress: `${'@'.repeat(96_000)}\u0000` } }],
      ['EmailMessageByLink over its maximum', { PoolName: 'slow', VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK', EmailMessageByLink: `${'{##'.repeat(32_000)}\u0000` } }],
      ['EmailMessageByLink at its maximum', { PoolName: 'slow', VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK', EmailMessageByLink: `${'{##'.repeat(6_666)}\u0000` } }],
    ];
    for (const [label, body] of hostile) {
      const slow = timed(() => signedFetch(server, 'CreateUserPool', body));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const [cheap, cheapMs] = await timed(() => signedFetch(server, 'ListUserPools', { MaxResults: 1 }));
      const [reply, ms] = await slow;
      assertRefused(reply, 'InvalidParameterException', label);
      assert.equal(cheap.status, 200);
      // The defect took 21 s and held every other request; a loaded test machine still answers in well under these.
      assert.ok(ms < 5000, `${label}: answered after ${Math.round(ms)} ms`);
      assert.ok(cheapMs < 3000, `${label}: ListUserPools waited ${Math.round(cheapMs)} ms`);
    }
  });

  it('never echoes a 140,000-character PASSWORD or NEW_PASSWORD, in the body or in x-amzn-ErrorMessage', async () => {
    const secret = randomBytes(105_000).toString('base64');
    assert.equal(secret.length, 140_000);
    const calls: [string, Record<string, unknown>, boolean][] = [
      ['InitiateAuth', { ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: secret } }, true],
      ['AdminInitiateAuth', { UserPoolId: poolId, ClientId: app.clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: secret } }, false],
      ['RespondToAuthChallenge', { ClientId: app.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'x'.repeat(40), ChallengeResponses: { USERNAME: 'alice', NEW_PASSWORD: secret } }, true],
      ['AdminRespondToAuthChallenge', { UserPoolId: poolId, ClientId: app.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'x'.repeat(40), ChallengeResponses: { USERNAME: 'alice', NEW_PASSWORD: secret } }, false],
      ['SignUp', { ClientId: app.clientId, Username: 'dave', Password: secret }, true],
      ['AdminSetUserPassword', { UserPoolId: poolId, Username: 'alice', Password: secret, Permanent: true }, false],
    ];
    for (const [target, body, unsigned] of calls) {
      const reply = await signedFetch(server, target, body, { unsigned });
      assertRefused(reply, 'InvalidParameterException', target);
      for (const [where, text] of [['body', reply.text], ['x-amzn-ErrorMessage', reply.headers.get('x-amzn-errormessage') ?? '']]) {
        for (const at of [0, 70_000, 139_980]) assert.ok(!text!.includes(secret.slice(at, at + 12)), `${target}: part of the password in the ${where}`);
      }
    }
  });
});
