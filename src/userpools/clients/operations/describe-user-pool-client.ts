/** DescribeUserPoolClient: the client's settings, and its oldest current secret in clear. */
import type { DescribeUserPoolClientRequest, DescribeUserPoolClientResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { clientSecretValues, requirePoolClient } from '../app-clients.js';
import { describeClient } from '../client-settings.js';

export const describeUserPoolClient = operation<DescribeUserPoolClientRequest, DescribeUserPoolClientResponse>('DescribeUserPoolClient', async function describeUserPoolClient(services, input) {
  const { client } = await requirePoolClient(services.store, input.UserPoolId!, input.ClientId!);
  const [secret] = await clientSecretValues(services, client);
  return { UserPoolClient: describeClient(client, secret) };
});
