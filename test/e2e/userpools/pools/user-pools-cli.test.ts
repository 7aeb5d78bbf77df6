import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SLOW, awsCli } from '../../../support/aws.js';
import { describeEngines } from '../../../support/engines.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

interface PoolOutput { UserPool: { Id: string; Arn: string; Name: string; DeletionProtection: string; MfaConfiguration: string; Policies: { PasswordPolicy: { MinimumLength: number } }; UserPoolTags: Record<string, string> } }

describeEngines('user pools through the AWS CLI', (engine) => {
  const { server } = useGatehouse(engine);

  const cli = async (...args: string[]) => {
    const result = await awsCli(server, args);
    assert.equal(result.code, 0, result.stderr);
    return result.json;
  };

  it('creates, describes, lists, updates and deletes a pool', SLOW, async () => {
    const created = (await cli('create-user-pool', '--pool-name', 'cli pool',
      '--policies', 'PasswordPolicy={MinimumLength=10,RequireUppercase=true}',
      '--user-pool-tags', 'team=identity')) as PoolOutput;
    const id = created.UserPool.Id;
    assert.match(id, /^us-east-1_/);

    const described = (await cli('describe-user-pool', '--user-pool-id', id)) as PoolOutput;
    assert.equal(described.UserPool.Name, 'cli pool');
    assert.equal(described.UserPool.Policies.PasswordPolicy.MinimumLength, 10);
    assert.deepEqual(described.UserPool.UserPoolTags, { team: 'identity' });

    await cli('create-user-pool', '--pool-name', 'second cli pool');
    // MaxResults is required, so the CLI does not paginate by itself: follow NextToken by hand.
    type Page = { UserPools: Array<{ Name: string }>; NextToken?: string };
    const first = (await cli('list-user-pools', '--max-results', '1')) as Page;
    assert.equal(first.UserPools.length, 1);
    const second = (await cli('list-user-pools', '--max-results', '1', '--next-token', first.NextToken!)) as Page;
    assert.equal(second.UserPools.length, 1);
    assert.equal(second.NextToken, undefined);
    assert.deepEqual([...first.UserPools, ...second.UserPools].map((pool) => pool.Name).sort(), ['cli pool', 'second cli pool']);

    await cli('update-user-pool', '--user-pool-id', id, '--deletion-protection', 'ACTIVE', '--mfa-configuration', 'OFF');
    const updated = (await cli('describe-user-pool', '--user-pool-id', id)) as PoolOutput;
    assert.equal(updated.UserPool.DeletionProtection, 'ACTIVE');
    assert.equal(updated.UserPool.Policies.PasswordPolicy.MinimumLength, 8);

    const refused = await awsCli(server, ['delete-user-pool', '--user-pool-id', id]);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /InvalidParameterException.*deletion protection is activated/);

    await cli('update-user-pool', '--user-pool-id', id, '--deletion-protection', 'INACTIVE');
    await cli('delete-user-pool', '--user-pool-id', id);
    const gone = await awsCli(server, ['describe-user-pool', '--user-pool-id', id]);
    assert.match(gone.stderr, new RegExp(`ResourceNotFoundException.*User pool ${id} does not exist\\.`));
  });

  it('tags and lists the tags of a pool', SLOW, async () => {
    const { UserPool } = (await cli('create-user-pool', '--pool-name', 'cli tags')) as PoolOutput;
    await cli('tag-resource', '--resource-arn', UserPool.Arn, '--tags', 'administrator=Jie,tenant=ExampleCorp');
    assert.deepEqual(await cli('list-tags-for-resource', '--resource-arn', UserPool.Arn), { Tags: { administrator: 'Jie', tenant: 'ExampleCorp' } });
    await cli('untag-resource', '--resource-arn', UserPool.Arn, '--tag-keys', 'administrator');
    assert.deepEqual(await cli('list-tags-for-resource', '--resource-arn', UserPool.Arn), { Tags: { tenant: 'ExampleCorp' } });
  });
});
