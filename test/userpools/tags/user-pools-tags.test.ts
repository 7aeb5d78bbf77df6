import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  CreateUserPoolCommand, DeleteUserPoolCommand, DescribeUserPoolCommand, ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../support/engines.js';
import { clientOf, useInProcess } from '../../support/in-process.js';

describeEngines('user pool tags (in process)', (engine) => {
  const client = clientOf(useInProcess(engine));

  const tagsOf = async (ResourceArn: string) => (await client.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags;

  it('tags a pool through UserPoolTags, TagResource and UntagResource', async () => {
    const { Id, Arn } = (await client.send(new CreateUserPoolCommand({ PoolName: 'tagged', UserPoolTags: { team: 'identity', env: 'dev' } }))).UserPool!;
    assert.deepEqual(await tagsOf(Arn!), { env: 'dev', team: 'identity' });
    await client.send(new TagResourceCommand({ ResourceArn: Arn, Tags: { env: 'prod', owner: 'ops', empty: '' } }));
    assert.deepEqual(await tagsOf(Arn!), { empty: '', env: 'prod', owner: 'ops', team: 'identity' });
    await client.send(new UntagResourceCommand({ ResourceArn: Arn, TagKeys: ['team', 'empty', 'never-set'] }));
    assert.deepEqual(await tagsOf(Arn!), { env: 'prod', owner: 'ops' });
    const described = (await client.send(new DescribeUserPoolCommand({ UserPoolId: Id }))).UserPool!;
    assert.deepEqual(described.UserPoolTags, { env: 'prod', owner: 'ops' });
  });

  it('keeps each pool to 50 tags', async () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key${i}`, `value${i}`]));
    const tooMany = { name: 'InvalidParameterException', message: 'A user pool can have at most 50 tags.' };
    await assert.rejects(client.send(new CreateUserPoolCommand({ PoolName: 'over', UserPoolTags: { ...fifty, one: 'more' } })), tooMany);
    const { Arn } = (await client.send(new CreateUserPoolCommand({ PoolName: 'full', UserPoolTags: fifty }))).UserPool!;
    // Overwriting an existing key does not count as a new tag.
    await client.send(new TagResourceCommand({ ResourceArn: Arn, Tags: { key0: 'changed' } }));
    await assert.rejects(client.send(new TagResourceCommand({ ResourceArn: Arn, Tags: { one: 'more' } })), tooMany);
    const tags = (await tagsOf(Arn!))!;
    assert.equal(Object.keys(tags).length, 50);
    assert.equal(tags.key0, 'changed');
  });

  it('answers unknown and malformed ARNs as Cognito does', async () => {
    const missing = 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Missing01';
    const notFound = { name: 'ResourceNotFoundException', message: 'User pool us-east-1_Missing01 does not exist.' };
    await assert.rejects(tagsOf(missing), notFound);
    await assert.rejects(client.send(new TagResourceCommand({ ResourceArn: missing, Tags: { a: 'b' } })), notFound);
    await assert.rejects(client.send(new UntagResourceCommand({ ResourceArn: missing, TagKeys: ['a'] })), notFound);
    const otherAccount = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Missing01';
    await assert.rejects(tagsOf(otherAccount), notFound);
    const bucket = 'arn:aws:s3:us-east-1:000000000000:bucket/my-bucket';
    await assert.rejects(tagsOf(bucket), { name: 'InvalidParameterException', message: `Invalid ARN: ${bucket}` });
    await assert.rejects(tagsOf('not-an-arn'), { name: 'InvalidParameterException', message: /at 'resourceArn' failed to satisfy constraint/ });
  });

  it('forgets the tags of a deleted pool', async () => {
    const { Id, Arn } = (await client.send(new CreateUserPoolCommand({ PoolName: 'doomed', UserPoolTags: { a: 'b' } }))).UserPool!;
    await client.send(new DeleteUserPoolCommand({ UserPoolId: Id }));
    await assert.rejects(tagsOf(Arn!), { name: 'ResourceNotFoundException' });
  });
});
