/** Builds the HTTP application: CORS, health, the AWS JSON edge and the per-pool well-known documents. */
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { mountJsonEdge } from '../protocol/json-edge.js';
import { model as cognitoIdpModel } from '../protocol/generated/cognito-idp.js';
import type { SecretLookup } from '../protocol/sigv4.js';
import type { Services } from '../services.js';
import { userPoolOperations } from '../userpools/index.js';
import { answerErrorsAsAws, clientErrorAsAws, frameworkErrorAsAws } from './aws-shaped-errors.js';
import { mountCors } from './cors.js';
import { acceptRawBodies } from './raw-body.js';
import { mountWellKnown } from './well-known.js';

/** AWS accepts request bodies up to a few megabytes; Cognito's largest inputs are far smaller. */
export const BODY_LIMIT = 4 * 1024 * 1024;

export function buildApp(services: Services, credentials: SecretLookup): FastifyInstance {
  const app = Fastify({
    loggerInstance: services.log,
    // Per-request lines cost throughput and could carry secrets; errors are logged where they happen.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    // Every response carries a fresh request id, as AWS's do; a client-chosen one is never trusted.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // While draining on SIGTERM, requests already on an open connection are served (and the
    // connection closed after), rather than refused with Fastify's own 503 body.
    return503OnClosing: false,
    frameworkErrors: frameworkErrorAsAws,
    clientErrorHandler: clientErrorAsAws,
  });
  acceptRawBodies(app, BODY_LIMIT);
  answerErrorsAsAws(app);
  app.addHook('onRequest', async function tagRequestId(request, reply) {
    reply.header('x-amzn-RequestId', request.id);
  });
  app.addHook('onSend', async function closeWhileDraining(_request, reply) {
    // Once close() has begun, a kept-alive connection would hold the drain open until its idle
    // timeout: the last answer on it says so and Node closes it.
    if (!app.server.listening) reply.header('connection', 'close');
  });

  mountCors(app);
  app.get('/health', async () => ({ status: 'ok' }));
  mountJsonEdge(app, services, [
    { model: cognitoIdpModel, operations: new Map(userPoolOperations.map((op) => [op.name, op])) },
  ], credentials);
  mountWellKnown(app, services);
  app.addHook('onClose', async function stopFunctions() {
    await services.functions.close();
  });
  return app;
}
