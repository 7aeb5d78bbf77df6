/**
 * CORS for browser clients (amazon-cognito-identity-js and Amplify call with fetch in cors mode):
 * preflights are answered for any path, and the headers those clients read are exposed.
 */
import type { FastifyInstance } from 'fastify';

const EXPOSED = 'x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date';

export function mountCors(app: FastifyInstance): void {
  app.addHook('onRequest', async function allowOrigin(request, reply) {
    if (request.headers.origin) {
      reply.header('access-control-allow-origin', '*');
      reply.header('access-control-expose-headers', EXPOSED);
    }
  });

  app.options('/*', async function preflight(request, reply) {
    return reply.code(204)
      .header('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS')
      .header('access-control-allow-headers', request.headers['access-control-request-headers'] ?? '*')
      .header('access-control-max-age', '86400')
      // The allowed headers echo the request's, so caches must key on them.
      .header('vary', 'Origin, Access-Control-Request-Headers')
      .send();
  });
}
