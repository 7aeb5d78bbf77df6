/**
 * The users suite: what applications do most against a user pool. AdminGetUser is pre-signed
 * with SigV4; the sign-in and sign-up operations are unsigned, as the SDK sends them. Sign-ins
 * go round-robin over the setup's users; an SRP sign-in is the full two-step exchange, its client
 * math done by the loader (srp-client.ts), and counts once, when the tokens arrive. Refresh runs
 * before the sign-ins: cognito-local keeps every sign-in's refresh token in its user record and
 * scans them all on a refresh, so it is measured, like the others, with the setup's token only.
 * AdminSetUserPassword (pre-signed, one in flight) comes last: it is the latency of setting a password.
 */
import { unsignedRequest, type PreparedRequest } from './sign.js';
import { SrpClient, srpEphemerals, type SrpEphemeral, type VerifierChallenge } from './srp-client.js';
import type { RunContext, Suite } from './suite.js';
import { passwordSignIn, setupUsers, type UsersSetup } from './users-setup.js';

type Run = RunContext<UsersSetup>;

/** Ephemerals are independent of pool and user, so one set serves every target, cycled. */
const EPHEMERAL_COUNT = 2048;
let ephemerals: SrpEphemeral[] | undefined;

/**
 * In flight for the scenarios bound by hashing or modular exponentiation, on every target. On the
 * 2-core box, Gatehouse (2 workers) did as many or more of them per second with 8 in flight as
 * with 16 or 32 (e.g. password sign-ins 108, 88 and 90/s; SignUps 110, 73, 109/s), with a p50 of
 * a third or less: beyond what keeps the hashing threads busy, requests only queue.
 */
const CPU_BOUND_CONCURRENCY = 8;

export const USERS_SUITE: Suite<UsersSetup> = {
  name: 'users',
  title: 'Gatehouse user-pool sign-in benchmark',
  method: 'AdminGetUser pre-signed with SigV4 before the window; sign-in and SignUp unsigned, as the SDK sends them',
  setup: setupUsers,
  scenarios: [
    {
      name: 'AdminGetUser',
      expect: 'Username',
      preflight: (run) => adminGetUser(run),
      supply(run) {
        const request = adminGetUser(run);
        return () => request;
      },
    },
    {
      name: 'REFRESH_TOKEN_AUTH',
      expect: 'AuthenticationResult',
      preflight: (run) => refresh(run),
      supply(run) {
        const request = refresh(run);
        return () => request;
      },
    },
    {
      name: 'USER_PASSWORD_AUTH',
      concurrency: CPU_BOUND_CONCURRENCY,
      expect: 'AuthenticationResult',
      preflight: ({ url, clientId, usernames, password }) => passwordSignIn(url, clientId, usernames[0]!, password),
      supply: ({ url, clientId, usernames, password }) => roundRobin(usernames.map((username) => passwordSignIn(url, clientId, username, password))),
    },
    {
      name: 'USER_SRP_AUTH',
      concurrency: CPU_BOUND_CONCURRENCY,
      unit: 'sign-in (InitiateAuth + RespondToAuthChallenge)',
      expect: 'AuthenticationResult',
      preflight: (run) => srpSignIn(run, new SrpClient(run.poolId), srpEphemerals(1)[0]!, run.usernames[0]!),
      supply(run) {
        ephemerals ??= srpEphemerals(EPHEMERAL_COUNT);
        const client = new SrpClient(run.poolId);
        return roundRobin(ephemerals.map((ephemeral, i) => srpSignIn(run, client, ephemeral, run.usernames[i % run.usernames.length]!)));
      },
    },
    {
      name: 'SignUp',
      concurrency: CPU_BOUND_CONCURRENCY,
      // Every target hashes or stores per SignUp; ten times the fastest seen here (~400/s) is room enough.
      maxRate: 4000,
      expect: 'UserSub',
      preflight: (run) => signUp(run, `bench-signup-preflight-${run.attempt}`),
      supply(run, capacity) {
        const requests = Array.from({ length: capacity }, (_, i) => signUp(run, `bench-signup-${run.attempt}-${i}`));
        let index = 0;
        return () => requests[index++];
      },
    },
    {
      // What AdminCreateUser and every password change cost (an argon2id hash and an SRP verifier);
      // one in flight, so p50 is one call's latency rather than a queue. The same password as
      // before, so nothing else changes; last, so no other scenario runs after a password change.
      name: 'AdminSetUserPassword',
      concurrency: 1,
      preflight: (run) => setPassword(run, run.usernames[0]!),
      supply: (run) => roundRobin(run.usernames.map((username) => setPassword(run, username))),
    },
  ],
};

function roundRobin(requests: PreparedRequest[]): () => PreparedRequest {
  let index = 0;
  return () => requests[index++ % requests.length]!;
}

const adminGetUser = ({ signer, poolId, usernames }: Run) => signer.sign('AdminGetUser', { UserPoolId: poolId, Username: usernames[0] });

const refresh = ({ url, clientId, refreshToken }: Run) => unsignedRequest(url, 'InitiateAuth', {
  AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: refreshToken },
});

const setPassword = ({ signer, poolId, password }: Run, username: string) => signer.sign('AdminSetUserPassword', {
  UserPoolId: poolId, Username: username, Password: password, Permanent: true,
});

const signUp = ({ url, clientId, password }: Run, username: string) => unsignedRequest(url, 'SignUp', { ClientId: clientId, Username: username, Password: password });

interface ChallengeAnswer {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: VerifierChallenge;
}

/** InitiateAuth USER_SRP_AUTH whose follow-up answers PASSWORD_VERIFIER, computed when B arrives. */
function srpSignIn(run: Run, client: SrpClient, ephemeral: SrpEphemeral, username: string): PreparedRequest {
  const first = unsignedRequest(run.url, 'InitiateAuth', {
    AuthFlow: 'USER_SRP_AUTH', ClientId: run.clientId, AuthParameters: { USERNAME: username, SRP_A: ephemeral.A },
  });
  return {
    ...first,
    followUp(body) {
      const { ChallengeName, Session, ChallengeParameters } = JSON.parse(body) as ChallengeAnswer;
      if (ChallengeName !== 'PASSWORD_VERIFIER' || !ChallengeParameters) throw new Error(`expected PASSWORD_VERIFIER, got ${ChallengeName ?? body.slice(0, 100)}`);
      return unsignedRequest(run.url, 'RespondToAuthChallenge', {
        ChallengeName, ClientId: run.clientId, Session, ChallengeResponses: client.answer(ephemeral, ChallengeParameters, run.password),
      });
    },
  };
}
