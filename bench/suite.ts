/**
 * What a suite is: a setup made once per target through the API (pool, clients, users), then
 * scenarios, each a supply of ready requests and one preflight exchange that must succeed before
 * load is applied. `admin` measures the admin API; `users` measures sign-up and sign-in.
 */
import type { PreparedRequest, Signer } from './sign.js';

export type SuiteName = 'admin' | 'users';
export const SUITE_NAMES: SuiteName[] = ['admin', 'users'];

export type ScenarioName =
  | 'DescribeUserPool' | 'CreateGroup'
  | 'AdminGetUser' | 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH' | 'REFRESH_TOKEN_AUTH' | 'SignUp' | 'AdminSetUserPassword';

/** What one measurement of a scenario works on; `attempt` keeps names unique across reruns. */
export type RunContext<Setup> = Setup & {
  url: string;
  signer: Signer;
  attempt: number;
};

export interface Scenario<Setup> {
  name: ScenarioName;
  /** Requests in flight for this scenario on every target, unless --concurrency says otherwise. */
  concurrency?: number;
  /** A rate no target can reach in this scenario, when lower than --max-rate: sizes its supply of unique requests. */
  maxRate?: number;
  /** What one success is, when it is not one request (e.g. a two-step sign-in). */
  unit?: string;
  /**
   * A member the preflight's last answer must carry (e.g. AuthenticationResult): a 200 that is
   * really a further challenge must not pass for a sign-in.
   */
  expect?: string;
  /** One exchange sent before the run; a target that fails it is reported, not loaded. */
  preflight(run: RunContext<Setup>): PreparedRequest;
  /** Prepares up to `capacity` requests now and hands them out one by one during the run. */
  supply(run: RunContext<Setup>, capacity: number): () => PreparedRequest | undefined;
}

export interface Suite<Setup> {
  name: SuiteName;
  /** The report's title. */
  title: string;
  /** One sentence on what the requests are, for the report's method line. */
  method: string;
  scenarios: Scenario<Setup>[];
  /** Creates what the scenarios need on a fresh target, through the API, before any window. */
  setup(url: string, signer: Signer): Promise<Setup>;
}
