/**
 * What SignUp adds to the naming rules it shares with AdminCreateUser (new-user-names.ts): the
 * password, which a user may leave out only where the pool offers a passwordless first factor,
 * and Cognito's words for a name already taken.
 */
import { InvalidParameter, UsernameExists, type CognitoError } from '../../errors.js';
import type { Services } from '../../services.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { aliasAttribute, aliasHolders, aliasTaken } from '../users/alias-claims.js';
import { checkPasswordPolicy } from '../passwords/password-policy.js';

export const usernameTaken = () => UsernameExists('User already exists');

/** The password, checked against the policy (SignInPolicy.AllowedFirstAuthFactors says whether one is needed). */
export function signUpPassword(pool: PoolRecord, password: string | undefined): string | undefined {
  if (password !== undefined) {
    checkPasswordPolicy(pool, password);
    return password;
  }
  const factors = pool.settings.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'];
  if (!factors.some((factor) => factor !== 'PASSWORD')) throw InvalidParameter('Password is required for this user pool.');
  return undefined;
}

/**
 * The refusal for an alias another user holds: where email or phone number is the username, a
 * taken one is a taken username ("An account with the given email already exists.").
 */
export async function aliasConflict(store: Services['store'], pool: PoolRecord, aliasKeys: string[]): Promise<CognitoError> {
  const [holder] = await aliasHolders(store, pool.id, aliasKeys);
  return aliasTaken(pool, holder?.attribute ?? aliasAttribute(aliasKeys[0]!), true);
}
