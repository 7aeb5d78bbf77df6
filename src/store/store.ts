/** Every repository over one database: what operations receive as `store`. */
import type { Db, Engine } from './database.js';
import { groupsRepository } from './groups.js';
import { resourceTagsRepository } from './resource-tags.js';
import { serverSettingsRepository } from './server-settings.js';
import { signingKeysRepository } from './signing-keys.js';
import { userPoolClientsRepository } from './user-pool-clients.js';
import { userPoolsRepository } from './user-pools.js';

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
  };
}

export type Store = ReturnType<typeof createStore>;
