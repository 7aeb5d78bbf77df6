/** Wires the services one process uses from the configuration. */
import { systemClock, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import { ids } from '../crypto/ids.js';
import { loadMasterKey } from '../crypto/master-key.js';
import { passwordHasher } from '../crypto/passwords.js';
import { secretBox } from '../crypto/secret-box.js';
import { signingKeys } from '../crypto/signing-keys.js';
import type { Logger } from '../logger.js';
import { createMailer } from '../messaging/mailer.js';
import { createSmsSender } from '../messaging/sms.js';
import type { Services } from '../services.js';
import { openDatabase } from '../store/database.js';
import { createStore } from '../store/store.js';
import { createFunctionInvoker } from '../triggers/index.js';

/** `clock` replaces the system clock, for tests that move time. */
export function createServices(config: Config, log: Logger, clock: Clock = systemClock): Services {
  const { db, engine } = openDatabase(config);
  const store = createStore(db, engine);
  const secrets = secretBox(loadMasterKey(config.masterKey, config.dataDir));
  return {
    config,
    store,
    clock,
    ids,
    secrets,
    keys: signingKeys(store, secrets, clock),
    passwords: passwordHasher(config.argon2),
    mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir }),
    sms: createSmsSender(config.smsSender, config.dataDir),
    log,
    functions: createFunctionInvoker({ functions: config.functionsFile, lambdaEndpoint: config.lambdaEndpoint, region: config.region }),
  };
}
