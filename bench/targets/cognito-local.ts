/**
 * cognito-local from npm. It reads its port from PORT and its interface from HOST, and keeps its
 * data in `.cognito/` under the working directory, so it runs inside the fresh folder. It logs
 * every request at info level and offers no switch to quieten that; the log goes to a file.
 */
import { createRequire } from 'node:module';
import type { Target } from './target.js';
import { answersHttp, startServer } from './server-process.js';

const START_SCRIPT = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');

export function cognitoLocal(): Target {
  return {
    name: 'cognito-local',
    kind: 'peer',
    describe: 'node node_modules/cognito-local/lib/bin/start.js with PORT=<port> HOST=127.0.0.1, cwd = fresh temp folder '
      + '(it logs every request at info level, and rewrites the pool\'s whole JSON file on every write, so CreateGroup slows as groups accumulate)',
    start: () => startServer({
      label: 'cognito-local',
      command: process.execPath,
      args: () => [START_SCRIPT],
      env: (port) => ({ PORT: String(port), HOST: '127.0.0.1' }),
      isReady: answersHttp,
    }),
  };
}
