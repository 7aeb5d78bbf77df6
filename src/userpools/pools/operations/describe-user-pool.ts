/** DescribeUserPool: the pool's identity, every stored setting, its tags and its size. */
import type { DescribeUserPoolRequest, DescribeUserPoolResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { describePool } from '../describe-pool.js';
import { requirePool } from '../pool-lookup.js';

export const describeUserPool = operation<DescribeUserPoolRequest, DescribeUserPoolResponse>('DescribeUserPool', async function describeUserPool(services, input) {
  const pool = await requirePool(services.store, input.UserPoolId!);
  return { UserPool: await describePool(services, pool) };
});
