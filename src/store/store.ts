/** Every repository over one database: what operations receive as `store`. */
import type { Db, Engine } from './database.js';
import { serverSettingsRepository } from './server-settings.js';
import { signingKeysRepository } from './signing-keys.js';
import { userPoolsRepository } from './user-pools.js';
import { authSessionsRepository } from './auth-sessions.js';
import { oneTimeCodesRepository } from './one-time-codes.js';
import { refreshTokensRepository } from './refresh-tokens.js';
import { usersRepository } from './users.js';

export function createStore(db: Db, engine: Engine) {
  return {
    db,
    engine,
    settings: serverSettingsRepository(db),
    pools: userPoolsRepository(db),
    signingKeys: signingKeysRepository(db),
    users: usersRepository(db),
    codes: oneTimeCodesRepository(db),
    sessions: authSessionsRepository(db),
    refreshTokens: refreshTokensRepository(db),
  };
}

export type Store = ReturnType<typeof createStore>;
