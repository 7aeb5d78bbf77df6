/**
 * Each pool's RS256 signing keys: one for ID tokens and one for access tokens (Cognito signs them
 * with different keys, so their kids differ). Private keys are stored sealed by the master key;
 * imported keys are cached in memory, which is safe to lose.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import type { SecretBox } from './secret-box.js';

export interface PublicJwk extends JWK {
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

export interface ActiveKey {
  kid: string;
  key: CryptoKey;
}

export function signingKeys(store: Pick<Store, 'signingKeys'>, box: SecretBox, clock: Clock) {
  const active = new Map<string, Promise<ActiveKey>>();
  const verifying = new Map<string, Promise<CryptoKey | undefined>>();

  return {
    /** Generates and stores the ID and access token keys of a new pool. */
    async createForPool(poolId: string): Promise<void> {
      for (const purpose of ['id', 'access'] as const) {
        const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
        const publicJwk = await exportJWK(publicKey);
        const kid = await calculateJwkThumbprint(publicJwk);
        await store.signingKeys.insert({
          poolId, kid, purpose,
          privateJwk: await box.seal(JSON.stringify(await exportJWK(privateKey))),
          publicJwk: JSON.stringify({ alg: 'RS256', e: publicJwk.e, kid, kty: 'RSA', n: publicJwk.n, use: 'sig' }),
          createdAt: clock.now(),
        });
      }
    },

    /** The public keys a JWKS document publishes for the pool. */
    async publicKeys(poolId: string): Promise<PublicJwk[]> {
      return (await store.signingKeys.forPool(poolId)).map((key) => JSON.parse(key.publicJwk) as PublicJwk);
    },

    /** The newest key for signing the given kind of token. */
    signingKey(poolId: string, purpose: 'id' | 'access'): Promise<ActiveKey> {
      const cacheKey = `${poolId}/${purpose}`;
      let key = active.get(cacheKey);
      if (!key) {
        key = (async () => {
          const record = (await store.signingKeys.forPool(poolId)).find((k) => k.purpose === purpose);
          if (!record) throw new Error(`pool ${poolId} has no ${purpose} signing key`);
          const jwk = JSON.parse(await box.open(record.privateJwk)) as JWK;
          return { kid: record.kid, key: (await importJWK(jwk, 'RS256')) as CryptoKey };
        })();
        key.catch(() => active.delete(cacheKey));
        active.set(cacheKey, key);
      }
      return key;
    },

    /** The public key with the given kid, for verifying a token the pool issued; undefined if unknown. */
    verificationKey(poolId: string, kid: string): Promise<CryptoKey | undefined> {
      const cacheKey = `${poolId}#${kid}`;
      let key = verifying.get(cacheKey);
      if (!key) {
        key = (async () => {
          const record = (await store.signingKeys.forPool(poolId)).find((k) => k.kid === kid);
          return record && ((await importJWK(JSON.parse(record.publicJwk) as JWK, 'RS256')) as CryptoKey);
        })();
        key.then((found) => found || verifying.delete(cacheKey), () => verifying.delete(cacheKey));
        verifying.set(cacheKey, key);
      }
      return key;
    },

    /** Forgets cached keys of a deleted pool. */
    forget(poolId: string): void {
      active.delete(`${poolId}/id`);
      active.delete(`${poolId}/access`);
      for (const cacheKey of verifying.keys()) if (cacheKey.startsWith(`${poolId}#`)) verifying.delete(cacheKey);
    },
  };
}

export type SigningKeys = ReturnType<typeof signingKeys>;
