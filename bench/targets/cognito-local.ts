/**
 * cognito-local from npm, installed in bench/peers/ (../peers.ts). It reads its port from PORT and
 * its interface from HOST, and keeps its data in `.cognito/` under the working directory, so it
 * runs inside the fresh folder. It logs
 * every request at info level and offers no switch to quieten that; the log goes to a file.
 * Unlike Cognito, it makes email the username of every new pool (UsernameAttributes ["email"],
 * which CreateUserPool cannot override); its config file restores Cognito's default, plain usernames.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { peerRequire } from '../peers.js';
import type { Target } from './target.js';
import { answersHttp, startServer } from './server-process.js';

export function cognitoLocal(): Target {
  return {
    name: 'cognito-local',
    kind: 'peer',
    describe: 'node bench/peers/node_modules/cognito-local/lib/bin/start.js with PORT=<port> HOST=127.0.0.1, cwd = fresh temp folder, '
      + '.cognito/config.json setting UserPoolDefaults.UsernameAttributes to [] (Cognito\'s default: plain usernames) '
      + '(it logs every request at info level, and rewrites the pool\'s whole JSON file on every write, so CreateGroup slows as groups accumulate)',
    notes: {
      users: [
        'keeps passwords in plain text, checks no SigV4 signature and signs its tokens with one fixed key',
        'it has no USER_SRP_AUTH (InitiateAuth answers "Cognito Local unsupported feature")',
        'every password sign-in stores its refresh token in the user\'s record, rewriting the pool\'s JSON file, and a refresh '
          + 'finds its user by scanning every user\'s token list; SignUp rewrites the file too',
      ],
    },
    start: () => startServer({
      label: 'cognito-local',
      command: process.execPath,
      args: () => [peerRequire.resolve('cognito-local/lib/bin/start.js')],
      env: (port) => ({ PORT: String(port), HOST: '127.0.0.1' }),
      prepare(dir) {
        mkdirSync(join(dir, '.cognito'));
        writeFileSync(join(dir, '.cognito', 'config.json'), JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }));
      },
      isReady: answersHttp,
    }),
  };
}
