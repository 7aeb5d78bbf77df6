import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CreateUserPoolCommand, DescribeUserPoolCommand, ListTagsForResourceCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet } from 'jose';
import { adminClient } from '../../../support/aws.js';
import { describeEngines } from '../../../support/engines.js';
import { startGatehouse, type Gatehouse } from '../../../support/gatehouse.js';
import { richPoolRequest } from '../../../support/rich-pool.js';

interface Jwks { keys: Array<{ kty: string; alg: string; use: string; kid: string; n: string; e: string }> }

describeEngines('user pool keys and persistence', (engine) => {
  let server: Gatehouse;
  let client: CognitoIdentityProviderClient;
  before(async () => {
    server = await startGatehouse({ engine });
    client = adminClient(server);
  });
  after(async () => { await server.stop(); });

  const jwksOf = async (poolId: string) => (await (await fetch(`${server.url}/${poolId}/.well-known/jwks.json`)).json()) as Jwks;

  it('publishes two RS256 keys and the discovery document for each new pool', async () => {
    const { Id } = (await client.send(new CreateUserPoolCommand({ PoolName: 'keys' }))).UserPool!;
    const { keys } = await jwksOf(Id!);
    assert.equal(keys.length, 2);
    for (const key of keys) assert.deepEqual([key.kty, key.alg, key.use], ['RSA', 'RS256', 'sig']);
    assert.notEqual(keys[0]!.kid, keys[1]!.kid);

    const discovery = (await (await fetch(`${server.url}/${Id}/.well-known/openid-configuration`)).json()) as Record<string, string>;
    assert.equal(discovery.issuer, `${server.url}/${Id}`);
    assert.equal(discovery.jwks_uri, `${server.url}/${Id}/.well-known/jwks.json`);

    // A verifier fetches and imports the keys the way token consumers will.
    const jwks = createRemoteJWKSet(new URL(discovery.jwks_uri!));
    for (const { kid } of keys) {
      const key = await jwks({ alg: 'RS256', kid });
      assert.equal(key.type, 'public');
    }

    const other = (await client.send(new CreateUserPoolCommand({ PoolName: 'other keys' }))).UserPool!;
    const otherKids = (await jwksOf(other.Id!)).keys.map((key) => key.kid);
    assert.ok(!otherKids.includes(keys[0]!.kid) && !otherKids.includes(keys[1]!.kid));
  });

  it('answers 404 for the documents of an unknown pool', async () => {
    for (const document of ['jwks.json', 'openid-configuration']) {
      assert.equal((await fetch(`${server.url}/us-east-1_Unknown1/.well-known/${document}`)).status, 404);
    }
  });

  it('keeps pools, tags and keys across a restart', async () => {
    const created = (await client.send(new CreateUserPoolCommand({ ...richPoolRequest, PoolName: 'durable' }))).UserPool!;
    const before = (await client.send(new DescribeUserPoolCommand({ UserPoolId: created.Id }))).UserPool!;
    const jwksBefore = await jwksOf(created.Id!);

    await server.stop();
    server = await startGatehouse({ engine, reuse: server });
    client = adminClient(server);

    const after = (await client.send(new DescribeUserPoolCommand({ UserPoolId: created.Id }))).UserPool!;
    assert.deepEqual(after, before);
    assert.deepEqual((await client.send(new ListTagsForResourceCommand({ ResourceArn: created.Arn }))).Tags, { env: 'test', team: 'identity' });
    assert.deepEqual(await jwksOf(created.Id!), jwksBefore);
  });
});
