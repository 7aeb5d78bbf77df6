/**
 * The AWS JSON 1.1 edge: `POST /` with `X-Amz-Target: <prefix>.<Operation>`. It splits the whole
 * target (so user pools and identity pools share the port), checks the content type, verifies
 * SigV4 where the model requires it, validates the body against the model, calls the operation
 * and serialises the result with dates as epoch seconds. It knows nothing of Cognito's rules.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CognitoError, InternalError, InvalidParameter, NotImplemented, UnknownOperation,
} from '../errors.js';
import type { RequestContext, Services } from '../services.js';
import type { AnyOperation } from './operation.js';
import type { ServiceModel } from './service-model.js';
import { verifySignature, type SecretLookup } from './sigv4.js';
import { validateInput } from './validate.js';

export interface JsonService {
  model: ServiceModel;
  operations: ReadonlyMap<string, AnyOperation>;
}

const JSON_TYPES = /^application\/(x-amz-json-1\.[01]|json)\b/i;

export function mountJsonEdge(app: FastifyInstance, services: Services, catalogue: JsonService[], credentials: SecretLookup): void {
  const byPrefix = new Map(catalogue.map((service) => [service.model.targetPrefix, service]));

  app.post('/', async function handleJsonRequest(request, reply) {
    const requestId = randomUUID();
    reply.header('x-amzn-RequestId', requestId);
    try {
      const { service, name, operation } = resolveTarget(request, byPrefix);
      const contentType = request.headers['content-type'];
      if (!contentType || !JSON_TYPES.test(contentType)) throw UnknownOperation(`Unsupported content type for ${name}`);
      const body = (request.body as Buffer | undefined) ?? Buffer.alloc(0);
      const context: RequestContext = { requestId, sourceIp: request.ip, accessKeyId: undefined };
      if (operation.auth === 'sigv4') {
        context.accessKeyId = verifySignature(
          { method: request.method, url: request.url, headers: request.headers, body }, service.model.signingName, credentials,
        ).accessKeyId;
      }
      const input = parseBody(body);
      if (operation.input) validateInput(service.model, operation.input, input);
      const implementation = service.operations.get(name);
      if (!implementation) throw NotImplemented(`${name} is not implemented by Gatehouse yet.`);
      const output = await implementation.handler(services, input as never, context);
      return sendJson(reply, 200, serialize(output ?? {}));
    } catch (error) {
      return sendError(reply, error, request);
    }
  });
}

function resolveTarget(request: FastifyRequest, byPrefix: Map<string, JsonService>) {
  const target = request.headers['x-amz-target'];
  const dot = typeof target === 'string' ? target.lastIndexOf('.') : -1;
  const service = dot > 0 ? byPrefix.get((target as string).slice(0, dot)) : undefined;
  const name = dot > 0 ? (target as string).slice(dot + 1) : '';
  const operation = service?.model.operations[name];
  if (!service || !operation) throw UnknownOperation(`${typeof target === 'string' ? target : 'Missing X-Amz-Target'} is not a known operation`);
  return { service, name, operation };
}

function parseBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw InvalidParameter('1 validation error detected: The request body is not valid JSON');
  }
}

/** JSON with Date values as epoch seconds, as AWS JSON protocols send timestamps. */
export function serialize(value: unknown): string {
  return JSON.stringify(value, function epochSeconds(this: Record<string, unknown>, key, item: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : item;
  });
}

function sendJson(reply: FastifyReply, status: number, payload: string) {
  return reply.code(status).header('content-type', 'application/x-amz-json-1.1').send(payload);
}

export function sendError(reply: FastifyReply, error: unknown, request: FastifyRequest) {
  let wire: CognitoError;
  if (error instanceof CognitoError) {
    wire = error;
  } else {
    request.log.error({ err: error }, 'unexpected error');
    wire = InternalError('Internal server error');
  }
  reply.header('x-amzn-ErrorType', `${wire.type}:`);
  reply.header('x-amzn-ErrorMessage', headerSafe(wire.message));
  return sendJson(reply, wire.status, JSON.stringify({ __type: wire.type, message: wire.message, ...wire.extra }));
}

/** Header values must be Latin-1 without control characters; messages may echo user input. */
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, '?').slice(0, 1024);
