/** moto's standalone server (`python3 -m moto.server`), in memory; it ignores signatures. */
import type { Target } from './target.js';
import { answersHttp, startServer } from './server-process.js';

export function moto(): Target {
  return {
    name: 'moto',
    kind: 'peer',
    describe: 'python3 -m moto.server -H 127.0.0.1 -p <port> (in memory, threaded werkzeug; it answers every request with '
      + '`Connection: close`, so each request pays for a new TCP connection)',
    start: () => startServer({
      label: 'moto',
      command: 'python3',
      args: (port) => ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)],
      isReady: (url) => answersHttp(`${url}/moto-api/`),
    }),
  };
}
