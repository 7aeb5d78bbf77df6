/**
 * SignUp: a new user, UNCONFIRMED, through an app client. The confirmation code goes to the
 * pool's auto-verified contact; a pool that auto-verifies nothing sends none (and answers with no
 * CodeDeliveryDetails). ClientMetadata and ValidationData are accepted for the triggers to come.
 */
import type { SignUpRequest, SignUpResponse } from '@aws-sdk/client-cognito-identity-provider';
import { NotAuthorized } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import type { UserRecord } from '../../../store/users.js';
import { claimAliases } from '../../users/alias-claims.js';
import { checkSecretHash, publicGate } from '../../auth/client-gate.js';
import { deliverCode } from '../../messages/code-delivery.js';
import { confirmationDestination } from '../../messages/message-destinations.js';
import { nameNewUser } from '../../users/new-user-names.js';
import { issueCode } from '../../messages/one-time-codes.js';
import { passwordSecrets } from '../../passwords/password-secrets.js';
import { aliasConflict, signUpPassword, usernameTaken } from '../sign-up.js';
import { attributeMap, checkRequiredAttributes, validateAttributes } from '../../users/user-attributes.js';
import { aliasKeysOf } from '../../users/usernames.js';

const NO_PASSWORD = { passwordHash: null, srpSalt: null, srpVerifier: null, passwordSetAt: null };

export const signUp = operation<SignUpRequest, SignUpResponse>('SignUp', async function signUp(services, input) {
  const { store, clock, ids } = services;
  const gate = await publicGate(services, input.ClientId!);
  const { pool, client } = gate;
  await checkSecretHash(services, gate, input.SecretHash, [input.Username!]);
  if (pool.settings.AdminCreateUserConfig?.AllowAdminCreateUserOnly) throw NotAuthorized('SignUp is not permitted for this user pool');

  // Where email or phone number is the username, the username proper is the user's sub.
  const sub = ids.uuid();
  const named = nameNewUser(pool, input.Username!, attributeMap(input.UserAttributes), { uuid: () => sub });
  const password = signUpPassword(pool, input.Password);
  validateAttributes(pool, named.attributes, { writer: 'user', creating: true, writable: client.settings.WriteAttributes });
  checkRequiredAttributes(pool, named.attributes);
  // Cheap refusals before the password is hashed; the insert below settles races.
  const aliasKeys = aliasKeysOf(pool, named.attributes);
  if (await store.users.find(pool.id, named.usernameKey)) throw usernameTaken();
  await claimAliases(services, pool, aliasKeys, { force: false, creating: true });

  const now = clock.now();
  const secrets = password === undefined ? NO_PASSWORD : await passwordSecrets(services, pool.id, named.username, password);
  const user: UserRecord = {
    poolId: pool.id, username: named.username, usernameKey: named.usernameKey, sub, status: 'UNCONFIRMED', enabled: true,
    ...secrets, failedSignIns: 0, lockedUntil: 0, mfaSettings: null, createdAt: now, updatedAt: now, attributes: { sub, ...named.attributes },
  };
  const conflict = await store.users.create(user, aliasKeys);
  if (conflict) throw conflict === 'username' ? usernameTaken() : await aliasConflict(store, pool, aliasKeys);

  const to = confirmationDestination(pool, user);
  const CodeDeliveryDetails = to && (await deliverCode(services, pool, user, to, 'verification', await issueCode(services, user, 'confirm-sign-up')));
  return { UserConfirmed: false, UserSub: sub, ...(CodeDeliveryDetails && { CodeDeliveryDetails }) };
});
