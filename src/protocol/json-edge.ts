/**
 * The AWS JSON 1.1 edge: `POST /` with `X-Amz-Target: <prefix>.<Operation>`. It splits the whole
 * target (so user pools and identity pools share the port), checks the content type, verifies
 * SigV4 where the model requires it, validates the body against the model, calls the operation
 * and serialises the result with dates as epoch seconds. It knows nothing of Cognito's rules.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvalidParameter, NotImplemented, UnknownOperation } from '../errors.js';
import type { RequestContext, Services } from '../services.js';
import { sendAwsError, sendJson, serialize } from './aws-json-reply.js';
import type { AnyOperation } from './operation.js';
import type { ServiceModel } from './service-model.js';
import { verifySignature, type SecretLookup } from './sigv4.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-nesting.js';
import { validateInput } from './validate.js';

export { serialize } from './aws-json-reply.js';

export interface JsonService {
  model: ServiceModel;
  operations: ReadonlyMap<string, AnyOperation>;
}

const JSON_TYPES = /^application\/(x-amz-json-1\.[01]|json)\b/i;
/** The target header picks the operation, so a signature that left it out could be replayed as another call. */
const MUST_SIGN = ['x-amz-target'];

export function mountJsonEdge(app: FastifyInstance, services: Services, catalogue: JsonService[], credentials: SecretLookup): void {
  const byPrefix = new Map(catalogue.map((service) => [service.model.targetPrefix, service]));
  const regions = [services.config.region, ...services.config.extraRegions];

  app.post('/', async function handleJsonRequest(request, reply) {
    try {
      const { service, name, operation } = resolveTarget(request, byPrefix);
      const contentType = request.headers['content-type'];
      if (!contentType || !JSON_TYPES.test(contentType)) throw UnknownOperation(`Unsupported content type for ${name}`);
      const body = (request.body as Buffer | undefined) ?? Buffer.alloc(0);
      const context: RequestContext = { requestId: request.id, sourceIp: request.ip, accessKeyId: undefined };
      if (operation.auth === 'sigv4') {
        const signed = { method: request.method, url: request.url, headers: distinctHeaders(request.raw), body };
        context.accessKeyId = verifySignature(signed, { service: service.model.signingName, regions, secrets: credentials, mustSign: MUST_SIGN }).accessKeyId;
      }
      const input = parseBody(body);
      if (operation.input) validateInput(service.model, operation.input, input);
      const implementation = service.operations.get(name);
      if (!implementation) throw NotImplemented(`${name} is not implemented by Gatehouse yet.`);
      const output = await implementation.handler(services, input as never, context);
      return sendJson(reply, 200, serialize(output ?? {}));
    } catch (error) {
      return sendAwsError(reply, error, request.log);
    }
  });
}

function resolveTarget(request: FastifyRequest, byPrefix: Map<string, JsonService>) {
  const target = request.headers['x-amz-target'];
  const dot = typeof target === 'string' ? target.lastIndexOf('.') : -1;
  const service = dot > 0 ? byPrefix.get((target as string).slice(0, dot)) : undefined;
  const name = dot > 0 ? (target as string).slice(dot + 1) : '';
  const operation = service && Object.hasOwn(service.model.operations, name) ? service.model.operations[name] : undefined;
  if (!service || !operation) throw UnknownOperation(`${typeof target === 'string' ? target : 'Missing X-Amz-Target'} is not a known operation`);
  return { service, name, operation };
}

/**
 * Each header's values kept apart (SigV4 joins repeated headers with ',', Node with ', '). Node's
 * own messages have headersDistinct; an injected request (light-my-request) has only rawHeaders.
 */
function distinctHeaders(raw: IncomingMessage): Record<string, string[]> {
  if (raw.headersDistinct) return raw.headersDistinct as Record<string, string[]>;
  const headers: Record<string, string[]> = {};
  for (let i = 0; i + 1 < raw.rawHeaders.length; i += 2) (headers[raw.rawHeaders[i]!.toLowerCase()] ??= []).push(raw.rawHeaders[i + 1]!);
  return headers;
}

function parseBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
    throw InvalidParameter(`1 validation error detected: Value at 'request' failed to satisfy constraint: The request body must not nest deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    // AWS's JSON deserialiser rejects malformed bodies before any validation.
    throw InvalidParameter("1 validation error detected: Value at 'request' failed to satisfy constraint: The request body must be valid JSON");
  }
}
