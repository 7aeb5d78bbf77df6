/**
 * The client side of USER_SRP_AUTH done step by step with amazon-cognito-identity-js's own
 * AuthenticationHelper and DateHelper (the code its CognitoUser runs), so tests can drive
 * InitiateAuth and RespondToAuthChallenge themselves and tamper with any part of the answer.
 */
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';

interface BigIntegerLike {
  toString(radix: number): string;
}
// The helper and big-integer classes are exported but not declared in the package's types.
interface ClientHelper {
  getLargeAValue(callback: (err: unknown, A: BigIntegerLike) => void): void;
  getPasswordAuthenticationKey(username: string, password: string, B: unknown, salt: unknown, callback: (err: unknown, key: Buffer) => void): void;
}
const load = createRequire(import.meta.url);
const library = load('amazon-cognito-identity-js') as {
  AuthenticationHelper: new (poolName: string) => ClientHelper;
  DateHelper: new () => { getNowString(): string };
};
const BigInteger = load('amazon-cognito-identity-js/lib/BigInteger.js').default as new (value: string, radix: number) => unknown;

export interface SrpClient {
  /** SRP_A, in the plain hex the library sends. */
  A: string;
  /** The PASSWORD_VERIFIER answer for these challenge parameters. */
  answer(parameters: Record<string, string>, password: string, timestamp?: string): Promise<Record<string, string>>;
}

export async function srpClient(poolId: string): Promise<SrpClient> {
  const poolName = poolId.split('_')[1]!;
  const helper = new library.AuthenticationHelper(poolName);
  const A = await new Promise<BigIntegerLike>((resolve, reject) => helper.getLargeAValue((err, value) => (err ? reject(err) : resolve(value))));
  return {
    A: A.toString(16),
    async answer(parameters, password, timestamp = new library.DateHelper().getNowString()) {
      const userId = parameters.USER_ID_FOR_SRP!;
      const key = await new Promise<Buffer>((resolve, reject) => helper.getPasswordAuthenticationKey(
        userId, password, new BigInteger(parameters.SRP_B!, 16), new BigInteger(parameters.SALT!, 16),
        (err, value) => (err ? reject(err) : resolve(value)),
      ));
      const message = Buffer.concat([Buffer.from(poolName), Buffer.from(userId), Buffer.from(parameters.SECRET_BLOCK!, 'base64'), Buffer.from(timestamp)]);
      return {
        USERNAME: userId,
        PASSWORD_CLAIM_SECRET_BLOCK: parameters.SECRET_BLOCK!,
        TIMESTAMP: timestamp,
        PASSWORD_CLAIM_SIGNATURE: createHmac('sha256', Buffer.from(key)).update(message).digest('base64'),
      };
    },
  };
}
