import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';
import { AdminCreateUserCommand, ConfirmSignUpCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describeEngines } from '../../support/engines.js';
import { createPoolWithClient } from '../../support/fixtures.js';
import { ROOT } from '../../support/gatehouse.js';
import { lastTo, readOutbox } from '../../support/outbox.js';
import { PASSWORD } from '../../support/sign-in.js';
import { useGatehouse } from '../../support/use-gatehouse.js';
import { attributeList } from '../../support/users.js';

const GATEHOUSE = join(ROOT, 'bin', 'gatehouse');

describeEngines('the outbox (no SMTP, default SMS sender)', (engine) => {
  const { client, server } = useGatehouse(engine);

  it('takes sign-up mail, so that a new user can confirm, in a file only the owner reads', async () => {
    const { app } = await createPoolWithClient(client, 'outbox', { AutoVerifiedAttributes: ['email'] });
    await client.send(new SignUpCommand({ ClientId: app.clientId, Username: 'ada', Password: PASSWORD, UserAttributes: attributeList({ email: 'ada@example.com' }) }));
    const mail = lastTo(server.dataDir, 'mail', 'ada@example.com');
    assert.equal(mail.subject, 'Your verification code');
    await client.send(new ConfirmSignUpCommand({ ClientId: app.clientId, Username: 'ada', ConfirmationCode: mail.code! }));
    assert.equal(statSync(join(server.dataDir, 'outbox', 'mail.jsonl')).mode & 0o777, 0o600);
    assert.equal(statSync(join(server.dataDir, 'outbox')).mode & 0o777, 0o700);
  });

  it('takes SMS invitations, and `gatehouse outbox` prints both kinds', async () => {
    const { poolId } = await createPoolWithClient(client, 'outbox-sms');
    await client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'bo', TemporaryPassword: 'Temp-Pass-1234', UserAttributes: attributeList({ phone_number: '+15550100001' }) }));
    const sms = lastTo(server.dataDir, 'sms', '+15550100001');
    assert.equal(sms.temporaryPassword, 'Temp-Pass-1234');
    assert.equal(statSync(join(server.dataDir, 'outbox', 'sms.jsonl')).mode & 0o777, 0o600);
    const { stdout } = await promisify(execFile)(process.execPath, [GATEHOUSE, 'outbox', '--data', server.dataDir]);
    assert.match(stdout, /mail to ada@example\.com\nSubject: Your verification code/);
    assert.match(stdout, /SMS to \+15550100001\nYour username is bo and temporary password is Temp-Pass-1234\./);
    assert.equal(readOutbox(server.dataDir, 'sms').length, 1);
  });

  it('follows new messages with --follow', async () => {
    const { poolId } = await createPoolWithClient(client, 'outbox-follow');
    const follower = spawn(process.execPath, [GATEHOUSE, 'outbox', '--follow', '--data', server.dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let output = '';
      follower.stdout.on('data', (chunk) => (output += chunk));
      // The first wait includes the follower's start, which takes seconds on a loaded machine. A
      // wait that gives up stops polling, so that a failure cannot keep the file's process alive.
      const seen = (pattern: RegExp, withinMs = 10_000) => new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + withinMs;
        const check = () => {
          if (pattern.test(output)) resolve();
          else if (Date.now() > deadline) reject(new Error(`not printed within ${withinMs} ms: ${pattern}\n${output}`));
          else setTimeout(check, 50);
        };
        check();
      });
      await seen(/SMS to \+15550100001/, 60_000);
      await client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'cy', TemporaryPassword: 'Temp-Pass-5678', UserAttributes: attributeList({ phone_number: '+15550100002' }) }));
      await seen(/SMS to \+15550100002\nYour username is cy and temporary password is Temp-Pass-5678\./);
    } finally {
      follower.kill('SIGTERM');
    }
  });
});
