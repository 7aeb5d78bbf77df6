/**
 * Access tokens expire on the server's clock, not the wall clock: driven in-process with the
 * movable clock on both engines, through the SDK client. An hour-long token works a second
 * before its hour is up and is refused as expired a second after.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { AdminCreateUserCommand, AdminInitiateAuthCommand, AdminSetUserPasswordCommand, CreateUserPoolClientCommand, CreateUserPoolCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../support/engines.js';
import { useInProcess } from '../../support/in-process.js';

const PASSWORD = 'Correct-Horse-9';
const HOUR = 3600_000;

describeEngines('access-token expiry (in process)', (engine) => {
  const server = useInProcess(engine);

  it('follows the moved clock', async () => {
    const { client, clock } = server;
    const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'expiry' }));
    const UserPoolId = UserPool!.Id!;
    const { UserPoolClient } = await client.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'] }));
    await client.send(new AdminCreateUserCommand({ UserPoolId, Username: 'ada', MessageAction: 'SUPPRESS' }));
    await client.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'ada', Password: PASSWORD, Permanent: true }));
    const { AuthenticationResult } = await client.send(new AdminInitiateAuthCommand({
      UserPoolId, ClientId: UserPoolClient!.ClientId!, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ada', PASSWORD },
    }));
    const AccessToken = AuthenticationResult!.AccessToken!;
    assert.equal(AuthenticationResult!.ExpiresIn, 3600);

    clock.advance(HOUR - 1000);
    const { Username } = await client.send(new GetUserCommand({ AccessToken }));
    assert.equal(Username, 'ada');

    clock.advance(2000);
    await assert.rejects(client.send(new GetUserCommand({ AccessToken })), { name: 'NotAuthorizedException', message: 'Access Token has expired' });
  });
});
