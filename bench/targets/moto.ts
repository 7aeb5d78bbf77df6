/** moto's standalone server (`python3 -m moto.server`), in memory; it ignores signatures. */
import type { Target } from './target.js';
import { answersHttp, startServer } from './server-process.js';

export function moto(): Target {
  return {
    name: 'moto',
    kind: 'peer',
    describe: 'python3 -m moto.server -H 127.0.0.1 -p <port> (in memory, threaded werkzeug; it answers every request with '
      + '`Connection: close`, so each request pays for a new TCP connection)',
    notes: {
      users: [
        'keeps passwords in plain text and signs its tokens with one fixed key',
        'its USER_SRP_AUTH is a stub: SRP_B and SALT are random hex, PASSWORD_CLAIM_SIGNATURE is never checked, and the '
          + 'answer is looked up by USERNAME while USER_ID_FOR_SRP gives the user\'s sub, so a client that answers as '
          + 'amazon-cognito-identity-js does (USERNAME = USER_ID_FOR_SRP) is refused with UserNotFoundException',
      ],
    },
    start: () => startServer({
      label: 'moto',
      command: 'python3',
      args: (port) => ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)],
      isReady: (url) => answersHttp(`${url}/moto-api/`),
    }),
  };
}
