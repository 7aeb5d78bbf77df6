/** Encrypts secrets at rest as compact JWE (dir, A256GCM) under the master key, through jose. */
import { CompactEncrypt, compactDecrypt } from 'jose';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function secretBox(masterKey: Uint8Array) {
  return {
    async seal(plaintext: string): Promise<string> {
      return new CompactEncrypt(encoder.encode(plaintext)).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(masterKey);
    },
    async open(sealed: string): Promise<string> {
      const { plaintext } = await compactDecrypt(sealed, masterKey);
      return decoder.decode(plaintext);
    },
  };
}

export type SecretBox = ReturnType<typeof secretBox>;
