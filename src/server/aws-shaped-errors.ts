/**
 * Every error the HTTP layer answers on its own — unknown route, body too large, malformed URL or
 * HTTP — leaves in the AWS JSON error shape, never as Fastify's `{statusCode, error, message}`:
 * AWS clients find the error code only in `__type` or `x-amzn-ErrorType`.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendAwsError, JSON_CONTENT_TYPE } from '../protocol/aws-json-reply.js';
import { UnknownRoute } from '../errors.js';

export function answerErrorsAsAws(app: FastifyInstance): void {
  app.setErrorHandler(function awsErrorHandler(error, request, reply) {
    return sendAwsError(reply, error, request.log);
  });
  app.setNotFoundHandler(function awsNotFound(request, reply) {
    return sendAwsError(reply, UnknownRoute(`No operation at ${request.method} ${request.url.split('?')[0]}`), request.log);
  });
}

/** For Fastify's `frameworkErrors` option (a URL that does not decode); hooks have not run. */
export function frameworkErrorAsAws(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  reply.header('x-amzn-RequestId', request.id);
  return sendAwsError(reply, error, request.log);
}

/** For Fastify's `clientErrorHandler` option: HTTP that Node could not parse, answered on the raw socket. */
export function clientErrorAsAws(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, type, message] = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'RequestTimeoutException', 'Request timed out']
    : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'RequestEntityTooLargeException', 'Request headers are too large']
      : [400, 'SerializationException', 'Malformed HTTP request'];
  const body = JSON.stringify({ __type: type, message });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${JSON_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`
      + `x-amzn-ErrorType: ${type}:\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
