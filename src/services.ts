/**
 * What operations are given to work with. Each operation names the few it uses
 * (`Pick<Services, 'store' | 'clock'>`), so its dependencies read off its signature.
 */
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Ids } from './crypto/ids.js';
import type { PasswordHasher } from './crypto/passwords.js';
import type { SecretBox } from './crypto/secret-box.js';
import type { SigningKeys } from './crypto/signing-keys.js';
import type { Logger } from './logger.js';
import type { Mailer } from './messaging/mailer.js';
import type { SmsSender } from './messaging/sms.js';
import type { Store } from './store/store.js';
import type { FunctionInvoker } from './triggers/index.js';

export interface Services {
  config: Config;
  store: Store;
  clock: Clock;
  ids: Ids;
  secrets: SecretBox;
  keys: SigningKeys;
  passwords: PasswordHasher;
  mailer: Mailer;
  sms: SmsSender;
  log: Logger;
  /** Calls the pools' Lambda triggers. */
  functions: FunctionInvoker;
}

/** Facts about the request an operation may need, free of HTTP. */
export interface RequestContext {
  requestId: string;
  sourceIp: string;
  /** The admin key that signed the request, for IAM-authenticated operations. */
  accessKeyId: string | undefined;
}
