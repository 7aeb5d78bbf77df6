/** The issuer of a pool's tokens: `<public-url>/<poolId>`, where its JWKS and discovery live. */
import type { Config } from '../config.js';

export function issuerFor(config: Pick<Config, 'publicUrl'>, poolId: string): string {
  return `${config.publicUrl}/${poolId}`;
}
