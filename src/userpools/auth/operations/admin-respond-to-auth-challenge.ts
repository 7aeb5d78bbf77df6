/** AdminRespondToAuthChallenge: RespondToAuthChallenge for a sign-in begun with AdminInitiateAuth. */
import type { AdminRespondToAuthChallengeRequest, AdminRespondToAuthChallengeResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { adminGate } from '../client-gate.js';
import { respondToChallenge } from '../respond.js';

export const adminRespondToAuthChallenge = operation<AdminRespondToAuthChallengeRequest, AdminRespondToAuthChallengeResponse>('AdminRespondToAuthChallenge', async function adminRespondToAuthChallenge(services, input) {
  const gate = await adminGate(services, input.UserPoolId!, input.ClientId!);
  return respondToChallenge(services, gate, input.ChallengeName!, input.ChallengeResponses ?? {}, input.Session);
});
