/** InitiateAuth: a sign-in through an app client, unsigned (the client's id names the pool). */
import type { InitiateAuthRequest, InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { publicGate } from '../client-gate.js';
import { initiateSignIn } from '../initiate.js';

export const initiateAuth = operation<InitiateAuthRequest, InitiateAuthResponse>('InitiateAuth', async function initiateAuth(services, input) {
  const gate = await publicGate(services, input.ClientId!);
  return initiateSignIn(services, gate, input.AuthFlow!, input.AuthParameters ?? {}, 'public', input.Session);
});
