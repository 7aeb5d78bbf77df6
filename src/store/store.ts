/** Every repository over one database: what operations receive as `store`. */
import type { Db, Engine } from './database.js';
import { resourceTagsRepository } from './resource-tags.js';
import { serverSettingsRepository } from './server-settings.js';
import { signingKeysRepository } from './signing-keys.js';
import { userPoolsRepository } from './user-pools.js';

export function createStore(db: Db, engine: Engine) {
  return {
    db,
    engine,
    settings: serverSettingsRepository(db),
    pools: userPoolsRepository(db),
    signingKeys: signingKeysRepository(db),
    tags: resourceTagsRepository(db),
  };
}

export type Store = ReturnType<typeof createStore>;
