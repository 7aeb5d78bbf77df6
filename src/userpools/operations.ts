/** Every user pool operation Gatehouse implements, gathered from the capability folders. */
import type { AnyOperation } from '../protocol/operation.js';
import * as auth from './auth/index.js';
import * as clients from './clients/index.js';
import * as devices from './devices/index.js';
import * as groups from './groups/index.js';
import * as mfa from './mfa/index.js';
import * as passkeys from './passkeys/index.js';
import * as passwords from './passwords/index.js';
import * as pools from './pools/index.js';
import * as signup from './signup/index.js';
import * as tags from './tags/index.js';
import * as tokens from './tokens/index.js';
import * as users from './users/index.js';

export const userPoolOperations: AnyOperation[] = [pools, clients, groups, tags, users, signup, passwords, tokens, auth, mfa, devices, passkeys]
  .flatMap((capability) => Object.values(capability));
