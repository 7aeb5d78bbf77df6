/**
 * ConfirmSignUp: the code from SignUp confirms the user and verifies the contact it was sent to,
 * which in alias pools becomes a sign-in name. Of many concurrent calls with the right code
 * exactly one redeems it (store/one-time-codes.ts); the others are told the code is used up. A
 * client that allows USER_AUTH gets a Session to sign the user in with, without a password.
 */
import type { ConfirmSignUpRequest, ConfirmSignUpResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CodeMismatch, NotAuthorized } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import { confirmedSignUpSession } from '../../auth/first-factors.js';
import { hidesUserExistence } from '../../auth/user-existence.js';
import { applyVerification, checkAliasesFree, verification } from '../../users/attribute-verification.js';
import { openClientRequest, unknownUserForClient } from '../../clients/client-request.js';
import { confirmationDestination } from '../../messages/message-destinations.js';
import { redeemCode } from '../../messages/one-time-codes.js';

export const confirmSignUp = operation<ConfirmSignUpRequest, ConfirmSignUpResponse>('ConfirmSignUp', async function confirmSignUp(services, input) {
  const request = await openClientRequest(services, input);
  const { pool, user } = request;
  if (!user) throw hidesUserExistence(request) ? CodeMismatch('Invalid verification code provided, please try again.') : unknownUserForClient();
  if (user.status !== 'UNCONFIRMED') throw NotAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
  const verified = confirmationDestination(pool, user)?.attribute;
  const change = verified && verification(pool, user, verified);
  const force = input.ForceAliasCreation === true;
  // Refused before the code is spent, so that the user can retry with ForceAliasCreation.
  if (change && !force) await checkAliasesFree(services, pool, user, change);
  await redeemCode(services, user, 'confirm-sign-up', input.ConfirmationCode!);
  if (change) await applyVerification(services, pool, user, change, force);
  await services.store.users.update(pool.id, user.usernameKey, { status: 'CONFIRMED', updatedAt: services.clock.now() });
  const session = await confirmedSignUpSession(services, request, user, input.Username!);
  return session ? { Session: session } : {};
});
