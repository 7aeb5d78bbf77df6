/** Encrypts secrets at rest as compact JWE (dir, A256GCM) under the master key, through jose. */
import { createHmac, hkdfSync } from 'node:crypto';
import { CompactEncrypt, compactDecrypt } from 'jose';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function secretBox(masterKey: Uint8Array) {
  // A separate key for keyed digests, so the encryption key is used for nothing else.
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, new Uint8Array(0), 'gatehouse keyed digest', 32));
  return {
    async seal(plaintext: string): Promise<string> {
      return new CompactEncrypt(encoder.encode(plaintext)).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(masterKey);
    },
    async open(sealed: string): Promise<string> {
      const { plaintext } = await compactDecrypt(sealed, masterKey);
      return decoder.decode(plaintext);
    },
    /**
     * A keyed digest of `data` for one `purpose`: stable across calls and nodes, unguessable
     * without the master key. Simulated answers that hide whether a user exists are made from it.
     */
    mac(purpose: string, data: string): Buffer {
      return createHmac('sha256', macKey).update(`${purpose}\0${data}`).digest();
    },
  };
}

export type SecretBox = ReturnType<typeof secretBox>;
