import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { adminClient } from '../../support/aws.js';
import { describeEngines } from '../../support/engines.js';
import { startGatehouse, type Gatehouse } from '../../support/gatehouse.js';

describeEngines('AWS JSON edge', (engine) => {
  let server: Gatehouse;
  before(async () => { server = await startGatehouse({ engine }); });
  after(async () => { await server.stop(); });

  it('refuses a call signed with the wrong secret', async () => {
    const client = adminClient(server, { accessKeyId: 'AKIAGATEHOUSETEST001', secretAccessKey: 'wrong' });
    await assert.rejects(client.send(new ListUserPoolsCommand({ MaxResults: 10 })), { name: 'InvalidSignatureException' });
  });
});
