/**
 * Where a password-recovery code goes: the first verified contact in the order the pool's
 * AccountRecoverySetting gives (by Priority). `admin_only` offers no self-service channel. A pool
 * without the setting keeps Cognito's legacy order: a verified phone number, else a verified email.
 */
import type { PoolRecord } from '../../store/user-pools.js';
import type { UserRecord } from '../../store/users.js';
import { destinationFor, type Destination } from '../messages/code-delivery.js';

const CHANNELS: Record<string, 'email' | 'phone_number' | undefined> = { verified_email: 'email', verified_phone_number: 'phone_number' };

export function recoveryChannels(pool: PoolRecord): ('email' | 'phone_number')[] {
  const mechanisms = pool.settings.AccountRecoverySetting?.RecoveryMechanisms;
  if (!mechanisms) return ['phone_number', 'email'];
  return [...mechanisms].sort((a, b) => (a.Priority ?? 0) - (b.Priority ?? 0))
    .flatMap((mechanism) => CHANNELS[mechanism.Name ?? ''] ?? []);
}

export function recoveryDestination(pool: PoolRecord, user: UserRecord): Destination | undefined {
  return destinationFor(user, recoveryChannels(pool), true);
}
