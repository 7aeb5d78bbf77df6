/**
 * USER_SRP_AUTH's two steps through the SDK v3 client, on either tier: InitiateAuth (or
 * AdminInitiateAuth) with SRP_A, then the PASSWORD_VERIFIER answer computed by
 * amazon-cognito-identity-js's own helper (srp-client.ts), with SECRET_HASH for confidential clients
 * over the typed name and then over the internal username, as the library does.
 */
import assert from 'node:assert/strict';
import {
  AdminInitiateAuthCommand, AdminRespondToAuthChallengeCommand, InitiateAuthCommand, RespondToAuthChallengeCommand,
  type CognitoIdentityProviderClient, type InitiateAuthCommandOutput, type RespondToAuthChallengeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { secretHash, type AppClient } from './sign-in.js';
import { srpClient } from './srp-client.js';

export interface SrpOptions {
  /** Change the PASSWORD_VERIFIER answer before it is sent (forged blocks, missing members). */
  tamper?: (answer: Record<string, string>) => void;
  /** Go through AdminInitiateAuth and AdminRespondToAuthChallenge. */
  admin?: boolean;
}

export interface SrpExchange {
  challenge: InitiateAuthCommandOutput;
  /** The answer that `respond` sends. */
  answer: Record<string, string>;
  /** Sends the answer (again, if called again). */
  respond(): Promise<RespondToAuthChallengeCommandOutput>;
}

export async function srpExchange(
  client: CognitoIdentityProviderClient, poolId: string, app: AppClient, typed: string, password: string, options: SrpOptions = {},
): Promise<SrpExchange> {
  const srp = await srpClient(poolId);
  const AuthParameters: Record<string, string> = { USERNAME: typed, SRP_A: srp.A };
  if (app.secret) AuthParameters.SECRET_HASH = secretHash(app, typed);
  const challenge = options.admin
    ? await client.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: app.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters }))
    : await client.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: app.clientId, AuthParameters }));
  assert.equal(challenge.ChallengeName, 'PASSWORD_VERIFIER');
  const answer = await srp.answer(challenge.ChallengeParameters!, password);
  if (app.secret) answer.SECRET_HASH = secretHash(app, answer.USERNAME!);
  options.tamper?.(answer);
  const respond = () => options.admin
    ? client.send(new AdminRespondToAuthChallengeCommand({ UserPoolId: poolId, ClientId: app.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: challenge.Session, ChallengeResponses: answer }))
    : client.send(new RespondToAuthChallengeCommand({ ClientId: app.clientId, ChallengeName: 'PASSWORD_VERIFIER', Session: challenge.Session, ChallengeResponses: answer }));
  return { challenge, answer, respond };
}
