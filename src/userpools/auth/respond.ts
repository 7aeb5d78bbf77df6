/** RespondToAuthChallenge and AdminRespondToAuthChallenge: the answer goes to its challenge's step. */
import type { ChallengeNameType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../errors.js';
import type { ClientGate } from './client-gate.js';
import { answerDevicePasswordVerifier, answerDeviceSrpAuth } from './device-srp.js';
import { answerSelectChallenge, answerWebAuthn } from './first-factors.js';
import { answerMfaSetup } from './mfa-setup.js';
import { answerNewPassword } from './new-password.js';
import type { AuthServices, SignInOutcome } from './outcome.js';
import { answerSecondFactor, answerSelectMfaType } from './second-factor.js';
import { answerPasswordVerifier } from './srp-flow.js';

export async function respondToChallenge(services: AuthServices, gate: ClientGate, challenge: ChallengeNameType, responses: Record<string, string>, session: string | undefined): Promise<SignInOutcome> {
  switch (challenge) {
    case 'PASSWORD_VERIFIER':
      return answerPasswordVerifier(services, gate, responses, session);
    case 'NEW_PASSWORD_REQUIRED':
      return answerNewPassword(services, gate, responses, session);
    case 'SOFTWARE_TOKEN_MFA':
    case 'SMS_MFA':
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      return answerSecondFactor(services, gate, challenge, responses, session);
    case 'SELECT_MFA_TYPE':
      return answerSelectMfaType(services, gate, responses, session);
    case 'MFA_SETUP':
      return answerMfaSetup(services, gate, responses, session);
    case 'SELECT_CHALLENGE':
      return answerSelectChallenge(services, gate, responses, session);
    case 'WEB_AUTHN':
      return answerWebAuthn(services, gate, responses, session);
    case 'DEVICE_SRP_AUTH':
      return answerDeviceSrpAuth(services, gate, responses, session);
    case 'DEVICE_PASSWORD_VERIFIER':
      return answerDevicePasswordVerifier(services, gate, responses, session);
    default:
      throw InvalidParameter(`The ${challenge} challenge is not supported by Gatehouse yet.`);
  }
}
