/**
 * Device SRP (digest §3.3, amazon-cognito-identity-js's getDeviceResponse): a confirmed device
 * proves the secret it made for itself at ConfirmDevice. DEVICE_SRP_AUTH asks for the device's
 * SRP_A; the answer gets DEVICE_PASSWORD_VERIFIER with B, the device's salt and a secret block;
 * the proof is the same HMAC as a user's, over the device group key and device key in place of
 * the pool name and user id. A remembered device's proof stands in for the second factor.
 */
import { timingSafeEqual } from 'node:crypto';
import { claimSignature, publicValue, serverEphemeral, serverSessionKey } from '../../crypto/srp.js';
import type { DeviceRecord } from '../../store/devices.js';
import type { UserRecord } from '../../store/users.js';
import { confirmedDevice } from '../devices/devices.js';
import { checkSecretHash, requireParameter, type ClientGate } from './client-gate.js';
import { wrongPassword } from './lockout.js';
import { challengeOutcome, signedInOutcome, type AuthServices, type SignInOutcome } from './outcome.js';
import { invalidSession, startSession, takeSession } from './sessions.js';
import { issueSignInTokens } from './sign-in-tokens.js';
import { checkUserMaySignIn } from './user-state.js';

interface DeviceSrpState {
  typed: string;
  deviceKey: string;
  /** A, b and B in hex, once the device sent A. */
  A?: string;
  b?: string;
  B?: string;
  secretBlock?: string;
}

export async function deviceSrpChallenge(services: AuthServices, gate: ClientGate, user: UserRecord, typed: string, device: DeviceRecord): Promise<SignInOutcome> {
  const session = await startSession<DeviceSrpState>(services, gate, 'DEVICE_SRP_AUTH', user.usernameKey, { typed, deviceKey: device.deviceKey });
  return challengeOutcome('DEVICE_SRP_AUTH', session, { USERNAME: user.username });
}

interface DeviceStep {
  user: UserRecord;
  device: DeviceRecord;
}

/** The user and device an answer is for: the device the session was opened for, still confirmed. */
async function deviceOf(services: AuthServices, gate: ClientGate, usernameKey: string | null, state: DeviceSrpState, responses: Record<string, string>): Promise<DeviceStep> {
  const user = usernameKey === null ? undefined : await services.store.users.find(gate.pool.id, usernameKey);
  if (!user) throw invalidSession();
  const username = requireParameter(responses, 'USERNAME');
  await checkSecretHash(services, gate, responses.SECRET_HASH, [username, state.typed, user.username, user.sub]);
  checkUserMaySignIn(user);
  if (requireParameter(responses, 'DEVICE_KEY') !== state.deviceKey) throw wrongPassword();
  const device = await confirmedDevice(services, user, state.deviceKey);
  if (!device?.verifier) throw wrongPassword();
  return { user, device };
}

/** DEVICE_SRP_AUTH's answer (SRP_A): the server's half of the exchange. */
export async function answerDeviceSrpAuth(services: AuthServices, gate: ClientGate, responses: Record<string, string>, sessionString: string | undefined): Promise<SignInOutcome> {
  const { usernameKey, state } = await takeSession<DeviceSrpState>(services, gate, sessionString, 'DEVICE_SRP_AUTH');
  const { user, device } = await deviceOf(services, gate, usernameKey, state, responses);
  const A = publicValue(requireParameter(responses, 'SRP_A'));
  if (A === undefined) throw wrongPassword();
  const { b, B } = serverEphemeral(device.verifier!);
  const secretBlock = Buffer.from(await services.secrets.seal(JSON.stringify({ device: device.deviceKey }))).toString('base64');
  const next: DeviceSrpState = { ...state, A: A.toString(16), b: b.toString(16), B: B.toString(16), secretBlock };
  const session = await startSession(services, gate, 'DEVICE_PASSWORD_VERIFIER', user.usernameKey, next);
  return challengeOutcome('DEVICE_PASSWORD_VERIFIER', session, {
    USERNAME: user.username, SRP_B: next.B!, SALT: device.salt!, SECRET_BLOCK: next.secretBlock!,
  });
}

/** DEVICE_PASSWORD_VERIFIER's answer: the device's proof, then the tokens, bound to the device. */
export async function answerDevicePasswordVerifier(services: AuthServices, gate: ClientGate, responses: Record<string, string>, sessionString: string | undefined): Promise<SignInOutcome> {
  const { usernameKey, state } = await takeSession<DeviceSrpState>(services, gate, sessionString, 'DEVICE_PASSWORD_VERIFIER');
  const { user, device } = await deviceOf(services, gate, usernameKey, state, responses);
  const signature = Buffer.from(requireParameter(responses, 'PASSWORD_CLAIM_SIGNATURE'), 'base64');
  const secretBlock = requireParameter(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const timestamp = requireParameter(responses, 'TIMESTAMP');
  const key = serverSessionKey(BigInt(`0x${state.A}`), BigInt(`0x${state.B}`), BigInt(`0x${state.b}`), device.verifier!);
  const expected = key && secretBlock === state.secretBlock
    ? claimSignature(key, device.deviceGroupKey, device.deviceKey, Buffer.from(secretBlock, 'base64'), timestamp) : undefined;
  if (!expected || expected.length !== signature.length || !timingSafeEqual(expected, signature)) throw wrongPassword();
  const now = services.clock.now();
  await services.store.devices.authenticated(user.poolId, user.usernameKey, device.deviceKey, now);
  return signedInOutcome(await issueSignInTokens(services, gate, user, { authTime: Math.floor(now / 1000), withRefreshToken: true, deviceKey: device.deviceKey }));
}
