/** Identifiers shaped like Cognito's, from a CSPRNG. Injected as `ids` so tests can see them. */
import { randomInt, randomUUID } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export const ids = {
  /** `us-east-1_AbC123xyZ`: region, underscore, nine alphanumerics. */
  userPool: (region: string) => `${region}_${randomString(ALNUM, 9)}`,
  /** 26 lowercase alphanumerics, like Cognito app client ids. */
  client: () => randomString(LOWER_ALNUM, 26),
  /** 51 lowercase alphanumerics, like Cognito client secrets. */
  clientSecret: () => randomString(LOWER_ALNUM, 51),
  /** `<clientId>--<epoch ms>`, like Cognito client secret ids. */
  clientSecretId: (clientId: string, now: number) => `${clientId}--${now}`,
  uuid: () => randomUUID(),
  accessKeyId: () => `AKIA${randomString(UPPER_ALNUM, 16)}`,
  secretAccessKey: () => randomString(`${ALNUM}+/`, 40),
};

export type Ids = typeof ids;
