/** Every repository over one database: what operations receive as `store`. */
import { authSessionsRepository } from './auth-sessions.js';
import type { Db, Engine } from './database.js';
import { devicesRepository } from './devices.js';
import { groupsRepository } from './groups.js';
import { oneTimeCodesRepository } from './one-time-codes.js';
import { pendingAttributesRepository } from './pending-attributes.js';
import { refreshTokensRepository } from './refresh-tokens.js';
import { resourceTagsRepository } from './resource-tags.js';
import { serverSettingsRepository } from './server-settings.js';
import { softwareTokensRepository } from './software-tokens.js';
import { signInAttemptsRepository } from './sign-in-attempts.js';
import { signingKeysRepository } from './signing-keys.js';
import { userPoolClientsRepository } from './user-pool-clients.js';
import { userPoolsRepository } from './user-pools.js';
import { usersRepository } from './users.js';
import { webAuthnCredentialsRepository } from './webauthn-credentials.js';

export function createStore(db: Db, engine: Engine) {
  return {
    db,
    engine,
    settings: serverSettingsRepository(db),
    pools: userPoolsRepository(db),
    clients: userPoolClientsRepository(db),
    groups: groupsRepository(db),
    signingKeys: signingKeysRepository(db),
    tags: resourceTagsRepository(db),
    users: usersRepository(db),
    signInAttempts: signInAttemptsRepository(db),
    codes: oneTimeCodesRepository(db),
    sessions: authSessionsRepository(db),
    refreshTokens: refreshTokensRepository(db),
    pendingAttributes: pendingAttributesRepository(db),
    softwareTokens: softwareTokensRepository(db),
    devices: devicesRepository(db),
    webAuthn: webAuthnCredentialsRepository(db),
  };
}

export type Store = ReturnType<typeof createStore>;
