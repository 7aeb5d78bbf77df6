/**
 * Every implemented operation that names a user pool, called on a pool that does not exist, answers
 * ResourceNotFoundException "User pool <id> does not exist." (HTTP 400), before any other rule of
 * its own. One table for the whole service: the operations come from the registry and the
 * model, and each gets the smallest body the model accepts, so an operation added later is
 * covered without touching this test (a required member of a new kind fails it loudly instead).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { model } from '../../src/protocol/generated/cognito-idp.js';
import { userPoolOperations } from '../../src/userpools/index.js';
import { describeEngines } from '../support/engines.js';
import { UNKNOWN_POOL, poolNotFound } from '../support/errors.js';
import { injectJson, useInProcess } from '../support/in-process.js';
import { jsonRequest, signRequest } from '../support/signed-fetch.js';

/** Values the model accepts for the required members that are not plain names. */
const MEMBER_VALUES: Record<string, unknown> = {
  UserPoolId: UNKNOWN_POOL,
  ResourceArn: `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${UNKNOWN_POOL}`,
  ClientId: 'nosuchclient00000000000000',
  Password: 'Correct-Horse-9',
  CustomAttributes: [{ Name: 'plan', AttributeDataType: 'String' }],
  UserAttributes: [{ Name: 'name', Value: 'Nobody' }],
  UserAttributeNames: ['name'],
  MFAOptions: [],
  Tags: { team: 'identity' },
  TagKeys: ['team'],
};

/** The smallest body the model accepts: the required members, names where a name will do. */
function minimalBody(input: string): Record<string, unknown> {
  const shape = model.shapes[input]!;
  const body: Record<string, unknown> = {};
  for (const member of shape.required ?? []) {
    const target = model.shapes[shape.members![member]!]!;
    if (member in MEMBER_VALUES) body[member] = MEMBER_VALUES[member];
    else if (target.enum) body[member] = target.enum[0];
    else if (target.type === 'string') body[member] = member === 'DeviceKey' ? 'us-east-1_00000000-0000-4000-8000-000000000000' : 'nobody';
    else throw new Error(`${input}.${member} (${target.type}): add a value to MEMBER_VALUES`);
  }
  return body;
}

const namesAPool = (input: string | null) => input !== null && ['UserPoolId', 'ResourceArn'].some((member) => model.shapes[input]!.required?.includes(member));
const cases = userPoolOperations
  .map((op) => ({ name: op.name, ...model.operations[op.name]! }))
  .filter((op) => namesAPool(op.input))
  .map((op) => ({ name: op.name, signed: op.auth === 'sigv4', body: minimalBody(op.input!) }));

describeEngines('operations on an unknown pool (in process)', (engine) => {
  const server = useInProcess(engine);

  it('answers ResourceNotFoundException for the pool, from every operation that names one', async () => {
    assert.ok(cases.length >= 40, `${cases.length} operations`);
    const expected = poolNotFound(UNKNOWN_POOL);
    const failures: string[] = [];
    for (const { name, signed, body } of cases) {
      const headers = signed ? await signedHeaders(name, body) : {};
      const { status, json } = await injectJson(server, name, body, headers);
      if (status !== 400 || json.__type !== expected.name || json.message !== expected.message) failures.push(`${name}: ${status} ${JSON.stringify(json)}`);
    }
    assert.deepEqual(failures, []);
  });
});

/** SigV4 headers for an in-process call, signed by the SDK's signer with the admin key. */
async function signedHeaders(target: string, body: unknown): Promise<Record<string, string>> {
  const signed = await signRequest(jsonRequest('http://in-process.gatehouse.test', target, JSON.stringify(body)));
  return signed.headers;
}
