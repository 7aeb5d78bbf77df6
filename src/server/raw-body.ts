/**
 * Reads every request body as raw bytes: SigV4 signs the exact bytes, and each edge parses its own
 * format. Past the limit the rest of the body is still read and thrown away, so that the client
 * gets to read the 413 instead of a reset connection (Fastify's own parser answers at once and
 * closes the socket under a client still writing). Past a much larger cap the client is not
 * worth draining, and the connection is dropped.
 */
import type { FastifyInstance } from 'fastify';
import { RequestEntityTooLarge } from '../errors.js';

/** How much over the limit we read and discard before giving up on the client. */
const DRAIN_FACTOR = 8;

export function acceptRawBodies(app: FastifyInstance, limit: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', function readRawBody(request, payload, done) {
    const tooLarge = () => RequestEntityTooLarge(`Request body must not be larger than ${limit} bytes`);
    const declared = Number(request.headers['content-length']);
    if (declared > limit * DRAIN_FACTOR) return done(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (error: Error | null, body?: Buffer) => {
      if (finished) return;
      finished = true;
      payload.removeListener('data', onData);
      done(error, body);
    };
    function onData(chunk: Buffer) {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * DRAIN_FACTOR) finish(tooLarge());
    }
    payload.on('data', onData);
    payload.on('end', () => finish(size > limit ? tooLarge() : null, size > limit ? undefined : Buffer.concat(chunks, size)));
    // An aborted upload is the client's fault, not ours.
    payload.on('error', (error) => finish(Object.assign(error, { statusCode: 400 })));
  });
}
