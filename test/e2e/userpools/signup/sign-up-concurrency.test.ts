import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { AdminGetUserCommand, ConfirmSignUpCommand, DescribeUserPoolCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describeDeployments } from '../../../support/engines.js';
import { createPool, createPoolWithClient } from '../../../support/fixtures.js';
import { PASSWORD, createAppClient, type AppClient } from '../../../support/sign-in.js';
import { useGatehouse } from '../../../support/use-gatehouse.js';
import { attributesOf } from '../../../support/users.js';

const PARALLEL = 50;

/** Every outcome of a batch of calls: how many succeeded, and the errors of the rest by name. */
async function outcomes(calls: Promise<unknown>[]): Promise<{ succeeded: number; errors: Record<string, number>; statuses: number[] }> {
  const settled = await Promise.allSettled(calls);
  const errors: Record<string, number> = {};
  const statuses: number[] = [];
  for (const result of settled) {
    if (result.status === 'fulfilled') continue;
    const error = result.reason as { name: string; $metadata?: { httpStatusCode?: number } };
    errors[error.name] = (errors[error.name] ?? 0) + 1;
    statuses.push(error.$metadata?.httpStatusCode ?? 0);
  }
  return { succeeded: settled.filter((result) => result.status === 'fulfilled').length, errors, statuses };
}

describeDeployments('sign-up under concurrency', ({ engine, workers }) => {
  const { client, mailbox } = useGatehouse(engine, { mail: true, workers });
  let poolId: string;
  let app: AppClient;
  before(async () => {
    ({ poolId, app } = await createPoolWithClient(client, 'race', { AutoVerifiedAttributes: ['email'], UsernameAttributes: ['email'] }));
  });

  const race = async (targetPool: string, target: AppClient, Username: string, email: string) => {
    const result = await outcomes(Array.from({ length: PARALLEL }, () => client.send(new SignUpCommand({
      ClientId: target.clientId, Username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }],
    }))));
    assert.equal(result.succeeded, 1);
    assert.deepEqual(Object.keys(result.errors), ['UsernameExistsException']);
    assert.ok(result.statuses.every((status) => status === 400));
    const { UserPool } = await client.send(new DescribeUserPoolCommand({ UserPoolId: targetPool }));
    assert.equal(UserPool!.EstimatedNumberOfUsers, 1);
    assert.equal(mailbox.mails.filter((mail) => mail.to.includes(email)).length, 1);
  };

  it(`lets exactly one of ${PARALLEL} parallel sign-ups of the same email through`, async () => {
    await race(poolId, app, 'race@example.com', 'race@example.com');
  });

  it(`lets exactly one of ${PARALLEL} parallel sign-ups of the same username through`, async () => {
    const plainPool = await createPool(client, 'plain race', { AutoVerifiedAttributes: ['email'] });
    await race(plainPool, await createAppClient(client, plainPool), 'racer', 'racer@example.com');
  });

  it(`confirms exactly once when one code is used ${PARALLEL} times at once`, async () => {
    await client.send(new SignUpCommand({ ClientId: app.clientId, Username: 'once@example.com', Password: PASSWORD }));
    const { code } = await mailbox.next('once@example.com');
    const confirm = () => client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: 'once@example.com', ConfirmationCode: code! }));
    const result = await outcomes(Array.from({ length: PARALLEL }, confirm));
    assert.equal(result.succeeded, 1);
    // The losers are told the code is spent, or that the user is already confirmed: never a server error.
    assert.deepEqual(Object.keys(result.errors).filter((name) => name !== 'ExpiredCodeException' && name !== 'NotAuthorizedException'), []);
    assert.ok(result.statuses.every((status) => status >= 400 && status < 500));
    const user = await client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'once@example.com' }));
    assert.equal(user.UserStatus, 'CONFIRMED');
    assert.equal(attributesOf(user.UserAttributes).email_verified, 'true');
  });
});
