/** What every sign-in step answers: tokens, or the next challenge with its Session (digest §3.2). */
import type { AuthenticationResultType, InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { Services } from '../../services.js';
import type { ChallengeName } from './sessions.js';

export type SignInOutcome = Pick<InitiateAuthResponse, 'ChallengeName' | 'Session' | 'ChallengeParameters' | 'AuthenticationResult' | 'AvailableChallenges'>;

export const challengeOutcome = (name: Exclude<ChallengeName, 'CONFIRMED_SIGN_UP'>, session: string, parameters: Record<string, string>): SignInOutcome =>
  ({ ChallengeName: name, Session: session, ChallengeParameters: parameters });

/** Cognito sends an empty ChallengeParameters object alongside the tokens. */
export const signedInOutcome = (result: AuthenticationResultType): SignInOutcome => ({ ChallengeParameters: {}, AuthenticationResult: result });

/** What the sign-in steps use. */
export type AuthServices = Pick<Services, 'config' | 'keys' | 'store' | 'clock' | 'ids' | 'secrets' | 'passwords' | 'mailer' | 'sms' | 'log'>;
