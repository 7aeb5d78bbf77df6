/** Builds the HTTP application: CORS, health, the AWS JSON edge and the per-pool well-known documents. */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { mountJsonEdge } from '../protocol/json-edge.js';
import { model as cognitoIdpModel } from '../protocol/generated/cognito-idp.js';
import type { SecretLookup } from '../protocol/sigv4.js';
import type { Services } from '../services.js';
import { userPoolOperations } from '../userpools/operations/index.js';
import { mountCors } from './cors.js';
import { mountWellKnown } from './well-known.js';

/** AWS accepts request bodies up to a few megabytes; Cognito's largest inputs are far smaller. */
const BODY_LIMIT = 4 * 1024 * 1024;

export function buildApp(services: Services, credentials: SecretLookup): FastifyInstance {
  const app = Fastify({
    loggerInstance: services.log,
    // Per-request lines cost throughput and could carry secrets; errors are logged where they happen.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
  });
  // Every body is kept raw: SigV4 signs the exact bytes, and each edge parses its own format.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  mountCors(app);
  app.get('/health', async () => ({ status: 'ok' }));
  mountJsonEdge(app, services, [
    { model: cognitoIdpModel, operations: new Map(userPoolOperations.map((op) => [op.name, op])) },
  ], credentials);
  mountWellKnown(app, services);
  return app;
}
