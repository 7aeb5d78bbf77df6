/** The logger type operations use (pino's, through Fastify). */
export type { FastifyBaseLogger as Logger } from 'fastify';
