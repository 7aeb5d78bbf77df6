/**
 * The issuer of a pool's tokens: `<public-url>/<poolId>`, where its JWKS and discovery live, or
 * Cognito's own issuer URL when the server is configured to impersonate it (config.cognitoIssuer).
 */
import type { Config } from '../../config.js';

export function issuerFor(config: Pick<Config, 'publicUrl' | 'region' | 'cognitoIssuer'>, poolId: string): string {
  return config.cognitoIssuer ? `https://cognito-idp.${config.region}.amazonaws.com/${poolId}` : `${config.publicUrl}/${poolId}`;
}
