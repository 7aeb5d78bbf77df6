/**
 * InitiateAuth and AdminInitiateAuth share one dispatcher: each AuthFlow needs its ExplicitAuthFlows
 * entry, and the plain-password flows belong to one side only (digest §3.2: ADMIN_USER_PASSWORD_AUTH
 * and ADMIN_NO_SRP_AUTH are AdminInitiateAuth's, USER_PASSWORD_AUTH is InitiateAuth's).
 */
import type { AuthFlowType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../errors.js';
import { checkSecretHash, requireFlow, requireParameter, type ClientGate } from './client-gate.js';
import { startChoiceSignIn } from './first-factors.js';
import { signedInOutcome, type AuthServices, type SignInOutcome } from './outcome.js';
import { passwordSignIn } from './password-flow.js';
import { refreshSignIn } from './refresh.js';
import { startSrp } from './srp-flow.js';

export type Caller = 'public' | 'admin';

const notSupported = () => InvalidParameter('Initiate Auth method not supported.');

export async function initiateSignIn(services: AuthServices, gate: ClientGate, flow: AuthFlowType, parameters: Record<string, string>, caller: Caller, session?: string): Promise<SignInOutcome> {
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
      if (caller !== 'public') throw notSupported();
      requireFlow(gate, 'ALLOW_USER_PASSWORD_AUTH');
      return passwordSignIn(services, gate, parameters);
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
      if (caller !== 'admin') throw notSupported();
      requireFlow(gate, 'ALLOW_ADMIN_USER_PASSWORD_AUTH');
      return passwordSignIn(services, gate, parameters);
    case 'USER_SRP_AUTH':
      requireFlow(gate, 'ALLOW_USER_SRP_AUTH');
      return startSrp(services, gate, parameters);
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return refreshFlow(services, gate, parameters);
    case 'CUSTOM_AUTH':
      requireFlow(gate, 'ALLOW_CUSTOM_AUTH');
      throw InvalidParameter('CUSTOM_AUTH is not supported by Gatehouse yet.');
    case 'USER_AUTH':
      requireFlow(gate, 'ALLOW_USER_AUTH');
      return startChoiceSignIn(services, gate, parameters, session);
    default:
      throw notSupported();
  }
}

/**
 * REFRESH_TOKEN_AUTH issues no new refresh token; clients keep theirs. The developer guide: "You
 * can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token rotation enabled."
 */
async function refreshFlow(services: AuthServices, gate: ClientGate, parameters: Record<string, string>): Promise<SignInOutcome> {
  requireFlow(gate, 'ALLOW_REFRESH_TOKEN_AUTH');
  const token = requireParameter(parameters, 'REFRESH_TOKEN');
  if (gate.policy.refreshTokenRotation.enabled) {
    throw InvalidParameter('Refresh token rotation is enabled for this client: use GetTokensFromRefreshToken.');
  }
  const result = await refreshSignIn(services, gate, token, {
    rotate: false,
    checkSecret: (user) => checkSecretHash(services, gate, parameters.SECRET_HASH, [parameters.USERNAME, user.username, user.sub]),
  });
  return signedInOutcome(result);
}
