/** A pool's JWKS and OpenID Connect discovery document, under its issuer. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../services.js';
import { issuerFor } from '../userpools/tokens/issuer.js';

export function mountWellKnown(app: FastifyInstance, services: Services): void {
  app.get<{ Params: { poolId: string } }>('/:poolId/.well-known/jwks.json', async function jwks(request, reply) {
    const keys = await services.keys.publicKeys(request.params.poolId);
    if (keys.length === 0) return poolNotFound(reply, request.params.poolId);
    return reply.header('cache-control', 'public, max-age=300').send({ keys });
  });

  app.get<{ Params: { poolId: string } }>('/:poolId/.well-known/openid-configuration', async function discovery(request, reply) {
    const { poolId } = request.params;
    if (!(await services.store.pools.find(poolId))) return poolNotFound(reply, poolId);
    const issuer = issuerFor(services.config, poolId);
    // The OAuth endpoints below belong to the hosted UI; they are published where they will be served.
    return reply.header('cache-control', 'public, max-age=300').send({
      authorization_endpoint: `${issuer}/oauth2/authorize`,
      end_session_endpoint: `${issuer}/logout`,
      id_token_signing_alg_values_supported: ['RS256'],
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      response_types_supported: ['code', 'token'],
      revocation_endpoint: `${issuer}/oauth2/revoke`,
      scopes_supported: ['openid', 'email', 'phone', 'profile'],
      subject_types_supported: ['public'],
      token_endpoint: `${issuer}/oauth2/token`,
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      userinfo_endpoint: `${issuer}/oauth2/userInfo`,
    });
  });
}

function poolNotFound(reply: FastifyReply, poolId: string) {
  return reply.code(404).send({ message: `User pool ${poolId} does not exist.` });
}
