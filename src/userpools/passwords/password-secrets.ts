/**
 * What the server keeps of a password: an argon2id hash for the plain-password flows and an SRP
 * salt and verifier for USER_SRP_AUTH (which needs the plaintext once, when the password is set).
 */
import { createVerifier } from '../../crypto/srp.js';
import type { Services } from '../../services.js';
import type { UserRecord } from '../../store/users.js';

/** The pool name SRP mixes in: the part of the pool id after the underscore. */
export const srpPoolName = (poolId: string) => poolId.slice(poolId.indexOf('_') + 1);

export async function passwordSecrets(services: Pick<Services, 'passwords' | 'clock'>, poolId: string, username: string, password: string): Promise<Pick<UserRecord, 'passwordHash' | 'srpSalt' | 'srpVerifier' | 'passwordSetAt'>> {
  const { salt, verifier } = createVerifier(srpPoolName(poolId), username, password);
  return { passwordHash: await services.passwords.hash(password), srpSalt: salt, srpVerifier: verifier, passwordSetAt: services.clock.now() };
}
