/**
 * aws-jwt-verify verifying Gatehouse's tokens: JwtRsaVerifier with the pool's own issuer and
 * JWKS, and CognitoJwtVerifier (which derives Cognito's issuer from the pool id) against a server
 * that issues with Cognito's issuer. The verifiers fetch the JWKS themselves, through their own
 * JWKS cache, with a fetcher that speaks http:// (the library's own refuses it) and sends
 * Cognito's JWKS address to the server's real one; the test checks what was fetched.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import { CognitoJwtInvalidClientIdError, CognitoJwtInvalidGroupError, CognitoJwtInvalidTokenUseError, JwtInvalidAudienceError, JwtInvalidSignatureError } from 'aws-jwt-verify/error';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Fetcher } from 'aws-jwt-verify/https';
import { AdminAddUserToGroupCommand, CreateGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { adminClient } from '../../../support/aws.js';
import { describeEngines } from '../../../support/engines.js';
import { createPool } from '../../../support/fixtures.js';
import { REGION, type Gatehouse } from '../../../support/gatehouse.js';
import { createAppClient, createUserWithPassword, passwordSignIn, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';

interface Setup {
  poolId: string;
  app: AppClient;
  jwksUri: string;
}

/** A JWKS cache whose fetcher GETs over http from the server, recording each address it was asked for. */
function fetchingCache(server: Pick<Gatehouse, 'url'>): { jwksCache: SimpleJwksCache; asked: string[] } {
  const asked: string[] = [];
  const fetcher: Fetcher = {
    async fetch(uri) {
      asked.push(uri);
      const cognito = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/([^/]+)\/\.well-known\/jwks\.json$/.exec(uri);
      const response = await globalThis.fetch(cognito ? `${server.url}/${cognito[1]}/.well-known/jwks.json` : uri);
      if (response.status !== 200) throw new Error(`JWKS fetch ${uri}: ${response.status}`);
      return response.arrayBuffer();
    },
  };
  return { jwksCache: new SimpleJwksCache({ fetcher }), asked };
}

async function setUp(server: Pick<Gatehouse, 'url'>): Promise<Setup> {
  const client = adminClient(server);
  const poolId = await createPool(client, 'verify');
  const app = await createAppClient(client, poolId);
  await createUserWithPassword(client, poolId, 'vera', { attributes: { email: 'vera@example.com' } });
  await client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'auditors' }));
  await client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'vera', GroupName: 'auditors' }));
  return { poolId, app, jwksUri: `${server.url}/${poolId}/.well-known/jwks.json` };
}

describeEngines('aws-jwt-verify', (engine) => {
  const { server } = useGatehouse(engine);
  // The issuer is a server setting, so Cognito's issuer needs a server of its own.
  const { server: cognitoIssuer } = useGatehouse(engine, { env: { GATEHOUSE_COGNITO_ISSUER: 'true' } });

  it('JwtRsaVerifier accepts ID and access tokens under the pool\'s issuer and JWKS', async () => {
    const { poolId, app, jwksUri } = await setUp(server);
    const { jwksCache, asked } = fetchingCache(server);
    const issuer = `${server.url}/${poolId}`;
    const tokens = await passwordSignIn(adminClient(server), app, 'vera');
    const idVerifier = JwtRsaVerifier.create({ issuer, audience: app.clientId, jwksUri }, { jwksCache });
    const id = await idVerifier.verify(tokens.IdToken!);
    assert.equal(id['cognito:username'], 'vera');
    const accessVerifier = JwtRsaVerifier.create({
      issuer, audience: null, jwksUri,
      customJwtCheck: ({ payload }) => { if (payload.client_id !== app.clientId || payload.token_use !== 'access') throw new Error('not this client\'s access token'); },
    }, { jwksCache });
    assert.equal((await accessVerifier.verify(tokens.AccessToken!)).username, 'vera');
    await assert.rejects(accessVerifier.verify(tokens.IdToken!), { name: 'Error', message: 'not this client\'s access token' });
    const [header, payload, signature] = tokens.IdToken!.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), 'cognito:username': 'mallory' })).toString('base64url');
    await assert.rejects(idVerifier.verify(`${header}.${forged}.${signature}`), JwtInvalidSignatureError);
    const otherAudience = JwtRsaVerifier.create({ issuer, audience: 'another-client', jwksUri }, { jwksCache });
    await assert.rejects(otherAudience.verify(tokens.IdToken!), JwtInvalidAudienceError);
    assert.deepEqual([...new Set(asked)], [jwksUri], 'the verifiers fetched the pool\'s JWKS themselves');
  });

  it('CognitoJwtVerifier accepts them when the server issues with Cognito\'s issuer', async () => {
    const { poolId, app } = await setUp(cognitoIssuer);
    const { jwksCache, asked } = fetchingCache(cognitoIssuer);
    assert.ok(poolId.startsWith(`${REGION}_`));
    const tokens = await passwordSignIn(adminClient(cognitoIssuer), app, 'vera');
    const idVerifier = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: 'id', clientId: app.clientId }, { jwksCache });
    assert.equal((await idVerifier.verify(tokens.IdToken!)).iss, `https://cognito-idp.${REGION}.amazonaws.com/${poolId}`);
    const accessVerifier = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: 'access', clientId: app.clientId, groups: 'auditors' }, { jwksCache });
    assert.equal((await accessVerifier.verify(tokens.AccessToken!)).username, 'vera');
    await assert.rejects(accessVerifier.verify(tokens.IdToken!), (error: Error) => error instanceof CognitoJwtInvalidTokenUseError && /Token use not allowed/.test(error.message));
    const wrongGroup = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: 'access', clientId: app.clientId, groups: 'admins' }, { jwksCache });
    await assert.rejects(wrongGroup.verify(tokens.AccessToken!), CognitoJwtInvalidGroupError);
    const wrongClient = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: 'id', clientId: 'someotherclient' }, { jwksCache });
    await assert.rejects(wrongClient.verify(tokens.IdToken!), CognitoJwtInvalidClientIdError);
    assert.deepEqual([...new Set(asked)], [`https://cognito-idp.${REGION}.amazonaws.com/${poolId}/.well-known/jwks.json`], 'the verifiers fetched Cognito\'s JWKS address themselves');
  });
});
