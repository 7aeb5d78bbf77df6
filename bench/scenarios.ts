/**
 * The admin suite: one user pool per target; DescribeUserPool (the same request over and over)
 * and CreateGroup (a new group each time), all pre-signed with SigV4.
 */
import { expectOk } from './api.js';
import type { Signer } from './sign.js';
import type { Suite } from './suite.js';

export interface AdminSetup {
  poolId: string;
}

export const ADMIN_SUITE: Suite<AdminSetup> = {
  name: 'admin',
  title: 'Gatehouse admin API benchmark',
  method: 'requests pre-signed with SigV4 before the window',
  setup: async (url, signer) => ({ poolId: await createPool(url, signer, 'bench-pool') }),
  scenarios: [
    {
      name: 'DescribeUserPool',
      preflight: ({ signer, poolId }) => signer.sign('DescribeUserPool', { UserPoolId: poolId }),
      // The same request every time: a signature is not single-use, only time-limited.
      supply({ signer, poolId }) {
        const request = signer.sign('DescribeUserPool', { UserPoolId: poolId });
        return () => request;
      },
    },
    {
      name: 'CreateGroup',
      preflight: ({ signer, poolId, attempt }) => signer.sign('CreateGroup', { UserPoolId: poolId, GroupName: `bench-preflight-${attempt}` }),
      supply({ signer, poolId, attempt }, capacity) {
        const requests = Array.from({ length: capacity }, (_, i) => signer.sign('CreateGroup', {
          UserPoolId: poolId, GroupName: `bench-group-${attempt}-${i}`, Description: 'created by the benchmark',
        }));
        let index = 0;
        return () => requests[index++];
      },
    },
  ],
};

/** Creates a user pool with Cognito's defaults and returns its id. */
export async function createPool(url: string, signer: Signer, name: string): Promise<string> {
  const answer = await expectOk<{ UserPool?: { Id?: string } }>(url, signer.sign('CreateUserPool', { PoolName: name }));
  if (!answer.UserPool?.Id) throw new Error('CreateUserPool answered no pool id');
  return answer.UserPool.Id;
}
