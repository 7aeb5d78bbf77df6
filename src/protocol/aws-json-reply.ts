/**
 * The AWS JSON wire form of replies: `application/x-amz-json-1.1` bodies, and errors as
 * `{"__type", "message"}` plus the `x-amzn-ErrorType` and `x-amzn-ErrorMessage` headers that SDK
 * v3 and Amplify read before the body (../shared/spec/cognito-wire-digest.md §1.2).
 */
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { CognitoError, InternalError, RequestEntityTooLarge, Serialization } from '../errors.js';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** JSON with Date values as epoch seconds, as AWS JSON protocols send timestamps. */
export function serialize(value: unknown): string {
  return JSON.stringify(value, function epochSeconds(this: Record<string, unknown>, key, item: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : item;
  });
}

/** Sent as bytes so that Fastify does not append `; charset=utf-8`, which AWS never sends. */
export function sendJson(reply: FastifyReply, status: number, payload: string) {
  return reply.code(status).header('content-type', JSON_CONTENT_TYPE).send(Buffer.from(payload));
}

export function sendAwsError(reply: FastifyReply, error: unknown, log: FastifyBaseLogger) {
  const wire = toCognitoError(error, log);
  const message = printable(wire.message);
  reply.header('x-amzn-ErrorType', `${wire.type}:`);
  reply.header('x-amzn-ErrorMessage', headerSafe(message));
  return sendJson(reply, wire.status, JSON.stringify({ __type: wire.type, message, ...wire.extra }));
}

/**
 * Our own errors go out as they are. Fastify's client errors (body too large, body shorter than
 * its Content-Length, malformed URL) keep their status under an AWS name; anything else is a bug:
 * logged, and answered as a generic InternalErrorException that echoes nothing.
 */
export function toCognitoError(error: unknown, log: FastifyBaseLogger): CognitoError {
  if (error instanceof CognitoError) return error;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413) return RequestEntityTooLarge('Request entity too large');
    const message = error instanceof Error ? error.message : 'Bad request';
    return new CognitoError(Serialization.type, message, status);
  }
  log.error({ err: error }, 'unexpected error');
  return InternalError('Internal server error');
}

/**
 * Messages may echo what the client sent (a validation error quotes the failing value): control
 * characters, U+0000 among them, are shown as `\uXXXX` text, never sent raw to a client's log or
 * terminal.
 */
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Header values must be Latin-1 without control characters; messages may echo user input. */
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, '?').slice(0, 1024);
