/** Replacing a user's password (recovery, ChangePassword): new secrets, and the failed-attempt count cleared. */
import type { Services } from '../../services.js';
import type { UserRecord, UserStatus } from '../../store/users.js';
import { passwordSecrets } from './password-secrets.js';

export async function replacePassword(services: Pick<Services, 'store' | 'passwords' | 'clock'>, user: UserRecord, password: string, status?: UserStatus): Promise<void> {
  const secrets = await passwordSecrets(services, user.poolId, user.username, password);
  await services.store.users.update(user.poolId, user.usernameKey, {
    ...secrets, ...(status && { status }), failedSignIns: 0, lockedUntil: 0, updatedAt: services.clock.now(),
  });
}
