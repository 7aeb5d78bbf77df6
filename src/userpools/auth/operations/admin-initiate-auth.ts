/** AdminInitiateAuth: a sign-in by a server holding admin credentials, which may send the password itself. */
import type { AdminInitiateAuthRequest, AdminInitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import { operation } from '../../../protocol/operation.js';
import { adminGate } from '../client-gate.js';
import { initiateSignIn } from '../initiate.js';

export const adminInitiateAuth = operation<AdminInitiateAuthRequest, AdminInitiateAuthResponse>('AdminInitiateAuth', async function adminInitiateAuth(services, input) {
  const gate = await adminGate(services, input.UserPoolId!, input.ClientId!);
  return initiateSignIn(services, gate, input.AuthFlow!, input.AuthParameters ?? {}, 'admin', input.Session);
});
