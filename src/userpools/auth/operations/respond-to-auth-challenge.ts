/** RespondToAuthChallenge: the answer to a challenge InitiateAuth or a previous answer returned. */
import type { RespondToAuthChallengeRequest, RespondToAuthChallengeResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { publicGate } from '../client-gate.js';
import { respondToChallenge } from '../respond.js';

export const respondToAuthChallenge = operation<RespondToAuthChallengeRequest, RespondToAuthChallengeResponse>('RespondToAuthChallenge', async function respondToAuthChallenge(services, input) {
  const gate = await publicGate(services, input.ClientId!);
  return respondToChallenge(services, gate, input.ChallengeName!, input.ChallengeResponses ?? {}, input.Session);
});
