/**
 * The measured scenarios: the setup each target gets (one user pool), and for each scenario the
 * supply of pre-signed requests and one preflight call that must succeed before load is applied.
 */
import http from 'node:http';
import type { PreparedRequest, Signer } from './sign.js';

export type ScenarioName = 'DescribeUserPool' | 'CreateGroup';

/** What one measurement of a scenario works on; `attempt` keeps names unique across reruns. */
export interface RunContext {
  signer: Signer;
  poolId: string;
  attempt: number;
}

export interface Scenario {
  name: ScenarioName;
  /** One request sent before the run; a target that fails it is reported, not loaded. */
  preflight(run: RunContext): PreparedRequest;
  /** Signs up to `capacity` requests now and hands them out one by one during the run. */
  supply(run: RunContext, capacity: number): () => PreparedRequest | undefined;
}

export const SCENARIOS: Scenario[] = [
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
];

export interface CallResult {
  status: number;
  body: string;
}

/** Sends one request and returns its status and body (setup and preflight, not the timed path). */
export function call(url: string, request: PreparedRequest): Promise<CallResult> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port: Number(port), method: 'POST', path: '/', headers: request.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

/** Creates the pool every scenario uses and returns its id. */
export async function createPool(url: string, signer: Signer): Promise<string> {
  const { status, body } = await call(url, signer.sign('CreateUserPool', { PoolName: 'bench-pool' }));
  const id = status === 200 ? (JSON.parse(body) as { UserPool?: { Id?: string } }).UserPool?.Id : undefined;
  if (!id) throw new Error(`CreateUserPool answered ${status}: ${body.slice(0, 300)}`);
  return id;
}
