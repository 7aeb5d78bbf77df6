/**
 * SignUp: a new user, UNCONFIRMED, through an app client. The confirmation code goes to the
 * pool's auto-verified contact; a pool that auto-verifies nothing sends none (and answers with no
 * CodeDeliveryDetails). ClientMetadata and ValidationData are accepted for the triggers to come.
 */
import type { SignUpRequest, SignUpResponse } from '@aws-sdk/client-cognito-identity-provider';
import { NotAuthorized } from '../../../errors.js';
import { operation } from '../../../protocol/operation.js';
import type { UserRecord } from '../../../store/users.js';
import { checkSecretHash, publicGate } from '../../auth/client-gate.js';
import { deliverCode } from '../../code-delivery.js';
import { confirmationDestination } from '../../message-destinations.js';
import { issueCode } from '../../one-time-codes.js';
import { passwordSecrets } from '../../password-secrets.js';
import { nameTaken, signUpIdentity, signUpPassword } from '../../sign-up.js';
import { attributeMap, checkRequiredAttributes, validateAttributes } from '../../user-attributes.js';
import { aliasKeysOf, findUserByName, usernameKey } from '../../usernames.js';

export const signUp = operation<SignUpRequest, SignUpResponse>('SignUp', async function signUp(services, input) {
  const { store, clock, ids } = services;
  const gate = await publicGate(services, input.ClientId!);
  const { pool, client } = gate;
  await checkSecretHash(services, gate, input.SecretHash, [input.Username!]);
  if (pool.settings.AdminCreateUserConfig?.AllowAdminCreateUserOnly) throw NotAuthorized('SignUp is not permitted for this user pool');

  const sub = ids.uuid();
  const identity = signUpIdentity(pool, sub, input.Username!, attributeMap(input.UserAttributes));
  const password = signUpPassword(pool, input.Password);
  validateAttributes(pool, identity.attributes, { writer: 'user', creating: true, writable: client.settings.WriteAttributes });
  checkRequiredAttributes(pool, identity.attributes);
  // A cheap refusal before the password is hashed; the insert below settles races.
  if (await findUserByName(store, pool, input.Username!)) throw nameTaken(identity);

  const now = clock.now();
  const secrets = password === undefined
    ? { passwordHash: null, srpSalt: null, srpVerifier: null, passwordSetAt: null }
    : await passwordSecrets(services, pool.id, identity.username, password);
  const user: UserRecord = {
    poolId: pool.id, username: identity.username, usernameKey: usernameKey(pool, identity.username), sub, status: 'UNCONFIRMED', enabled: true,
    ...secrets, failedSignIns: 0, lockedUntil: 0, mfaSettings: null, createdAt: now, updatedAt: now, attributes: { sub, ...identity.attributes },
  };
  const conflict = await store.users.create(user, aliasKeysOf(pool, user.attributes));
  if (conflict) throw nameTaken(identity, conflict);

  const to = confirmationDestination(pool, user);
  const CodeDeliveryDetails = to && (await deliverCode(services, pool, user, to, 'verification', await issueCode(services, user, 'confirm-sign-up')));
  return { UserConfirmed: false, UserSub: sub, ...(CodeDeliveryDetails && { CodeDeliveryDetails }) };
});
