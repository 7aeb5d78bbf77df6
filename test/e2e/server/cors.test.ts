/**
 * CORS as browser clients need it: amazon-cognito-identity-js and Amplify call with fetch in cors
 * mode, so the preflight must allow their headers, and every answer must let them read the
 * request id, the error type and message, and the Date they correct their clock with.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeEngines } from '../../support/engines.js';
import { startGatehouse, type Gatehouse } from '../../support/gatehouse.js';
import { signedFetch, type AwsReply } from '../../support/signed-fetch.js';

const ORIGIN = 'https://app.example.com';
const REQUESTED_HEADERS = 'content-type,x-amz-target,x-amz-user-agent,cache-control';
const EXPOSED = ['x-amzn-requestid', 'x-amzn-errortype', 'x-amzn-errormessage', 'date'];

function assertReadableByBrowser(reply: Pick<AwsReply, 'headers'>, context: string): void {
  assert.equal(reply.headers.get('access-control-allow-origin'), '*', context);
  const exposed = (reply.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/\s*,\s*/);
  for (const name of EXPOSED) assert.ok(exposed.includes(name), `${context}: ${name} not exposed (${exposed.join(', ')})`);
}

describeEngines('CORS', (engine) => {
  let server: Gatehouse;
  before(async () => { server = await startGatehouse({ engine }); });
  after(async () => { await server.stop(); });

  it('answers a browser preflight with 204 and allows the headers asked for', async () => {
    const response = await fetch(`${server.url}/`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': REQUESTED_HEADERS },
    });
    assert.equal(response.status, 204);
    assert.equal(await response.text(), '');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    for (const name of REQUESTED_HEADERS.split(',')) assert.ok(allowed.includes(name) || allowed.includes('*'), `${name} not allowed`);
    assert.ok(Number(response.headers.get('access-control-max-age')) > 0);
    assert.match(response.headers.get('vary') ?? '', /Access-Control-Request-Headers/i);
  });

  it('answers a preflight for any path (the hosted UI and well-known documents live elsewhere)', async () => {
    const response = await fetch(`${server.url}/us-east-1_AbC/.well-known/jwks.json`, {
      method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'GET' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
  });

  it('lets the browser read a successful answer', async () => {
    const reply = await signedFetch(server, 'ListUserPools', { MaxResults: 5 }, { headers: { origin: ORIGIN } });
    assert.equal(reply.status, 200);
    assertReadableByBrowser(reply, 'success');
  });

  it('lets the browser read error answers, whichever layer produced them', async () => {
    const errors = [
      ['unsigned', await signedFetch(server, 'ListUserPools', { MaxResults: 5 }, { unsigned: true, headers: { origin: ORIGIN } })],
      ['not built yet', await signedFetch(server, 'SignUp', { ClientId: 'c', Username: 'u', Password: 'p' }, { unsigned: true, headers: { origin: ORIGIN } })],
      ['validation', await signedFetch(server, 'InitiateAuth', {}, { unsigned: true, headers: { origin: ORIGIN } })],
      ['unknown route', { headers: (await fetch(`${server.url}/nowhere`, { headers: { origin: ORIGIN } })).headers }],
      ['too large', await signedFetch(server, 'SignUp', 'x'.repeat(5 * 1024 * 1024), { unsigned: true, headers: { origin: ORIGIN } })],
    ] as const;
    for (const [label, reply] of errors) {
      assertReadableByBrowser(reply, label);
      assert.ok(reply.headers.get('x-amzn-errortype'), `${label}: no x-amzn-ErrorType`);
    }
  });

  it('sends no CORS headers to callers that are not browsers', async () => {
    const reply = await signedFetch(server, 'ListUserPools', { MaxResults: 5 });
    assert.equal(reply.headers.get('access-control-allow-origin'), null);
  });
});
