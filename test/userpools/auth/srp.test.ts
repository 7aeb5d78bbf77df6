/** USER_SRP_AUTH against amazon-cognito-identity-js's own SRP helper, in process, on both engines. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { AdminDeleteUserCommand, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { N } from '../../../src/crypto/srp.js';
import { describeEngines } from '../../support/engines.js';
import { expiredSession, incorrectPassword, userNotFound } from '../../support/errors.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { useInProcess } from '../../support/in-process.js';
import { PASSWORD, createAppClient, createUserWithPassword } from '../../support/sign-in.js';
import { srpClient } from '../../support/srp-client.js';
import { srpExchange } from '../../support/srp-exchange.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describeEngines('USER_SRP_AUTH (in process)', (engine) => {
  const server = useInProcess(engine);

  it('signs in with the right password, once per session, and not with a wrong one', async () => {
    const { client } = server;
    const { poolId, app } = await createPoolWithClient(client, 'srp');
    await createUserWithPassword(client, poolId, 'sam');
    const { challenge, respond } = await srpExchange(client, poolId, app, 'sam', PASSWORD);
    assert.deepEqual(Object.keys(challenge.ChallengeParameters!).sort(), ['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    assert.equal(challenge.ChallengeParameters!.USER_ID_FOR_SRP, 'sam');
    const result = await respond();
    assert.deepEqual(result.ChallengeParameters, {});
    assert.ok(result.AuthenticationResult?.RefreshToken);
    await assert.rejects(respond(), expiredSession);
    const bad = await srpExchange(client, poolId, app, 'sam', 'Wrong-Horse-9');
    await assert.rejects(bad.respond(), incorrectPassword);
  });

  it('answers an email typed in an email-username pool with the internal username', async () => {
    const { client } = server;
    const { poolId, app } = await createPoolWithClient(client, 'srp-email', { UsernameAttributes: ['email'] });
    await createUserWithPassword(client, poolId, 'Ann@Example.com', { attributes: { email_verified: 'true' } });
    const { challenge, respond } = await srpExchange(client, poolId, app, 'ann@example.com', PASSWORD);
    assert.match(challenge.ChallengeParameters!.USER_ID_FOR_SRP!, UUID);
    assert.ok((await respond()).AuthenticationResult);
  });

  it('simulates a stable challenge for an unknown user when existence errors are prevented', async () => {
    const { client } = server;
    const { poolId, app: hiding } = await createPoolWithClient(client, 'srp-hiding', { UsernameAttributes: ['email'] }, { PreventUserExistenceErrors: 'ENABLED' });
    const one = await srpExchange(client, poolId, hiding, 'nobody@example.com', PASSWORD);
    const two = await srpExchange(client, poolId, hiding, 'NOBODY@example.com', PASSWORD);
    assert.match(one.challenge.ChallengeParameters!.USER_ID_FOR_SRP!, UUID);
    assert.equal(two.challenge.ChallengeParameters!.USER_ID_FOR_SRP, one.challenge.ChallengeParameters!.USER_ID_FOR_SRP);
    assert.equal(two.challenge.ChallengeParameters!.SALT, one.challenge.ChallengeParameters!.SALT);
    await assert.rejects(one.respond(), incorrectPassword);
    const legacy = await createAppClient(client, poolId);
    const srp = await srpClient(poolId);
    await assert.rejects(client.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: legacy.clientId, AuthParameters: { USERNAME: 'nobody@example.com', SRP_A: srp.A } })),
      userNotFound);
  });

  // Regression: the verifier step read the user's verifier without checking the user was still there (a 500).
  it('refuses the answer of a user deleted between the two steps as a wrong password, for every kind of client', async () => {
    const { client } = server;
    const { poolId, app } = await createPoolWithClient(client, 'srp-deleted');
    const hiding = await createAppClient(client, poolId, { PreventUserExistenceErrors: 'ENABLED' });
    const confidential = await createAppClient(client, poolId, { GenerateSecret: true });
    for (const [label, target] of [['legacy', app], ['hiding', hiding], ['confidential', confidential]] as const) {
      const username = `gone-${label}`;
      await createUserWithPassword(client, poolId, username);
      const exchange = await srpExchange(client, poolId, target, username, PASSWORD);
      await client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: username }));
      await assert.rejects(exchange.respond(), incorrectPassword, label);
    }
    // A new user of the same name has another verifier: the old exchange does not sign it in either.
    await createUserWithPassword(client, poolId, 'gone-again');
    const again = await srpExchange(client, poolId, app, 'gone-again', PASSWORD);
    await client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'gone-again' }));
    await createUserWithPassword(client, poolId, 'gone-again', { password: 'Another-Horse-7' });
    await assert.rejects(again.respond(), incorrectPassword, 'recreated');
  });

  it('refuses a hostile SRP_A as a wrong password, never as a server error', async () => {
    const { client } = server;
    const { poolId, app } = await createPoolWithClient(client, 'srp-hostile');
    await createUserWithPassword(client, poolId, 'eve');
    const initiate = (SRP_A: string) => client.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: app.clientId, AuthParameters: { USERNAME: 'eve', SRP_A } }));
    for (const SRP_A of ['0', '1', (N - 1n).toString(16), N.toString(16), (3n * N).toString(16), (N + 5n).toString(16), 'not-hex']) {
      await assert.rejects(initiate(SRP_A), incorrectPassword, SRP_A.slice(0, 12));
    }
    // In range but outside the group's prime-order subgroup: the exchange runs and the proof fails.
    for (const SRP_A of ['5', (N - 2n).toString(16)]) {
      const challenge = await initiate(SRP_A);
      const ChallengeResponses = await (await srpClient(poolId)).answer(challenge.ChallengeParameters!, PASSWORD);
      await assert.rejects(client.send(new RespondToAuthChallengeCommand({ ClientId: app.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: challenge.Session!, ChallengeResponses })),
        incorrectPassword);
    }
  });
});
