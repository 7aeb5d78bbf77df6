/**
 * How long an app client's tokens live. Each validity is a number in its own unit
 * (TokenValidityUnitsType): access and ID tokens default to hours and may last five minutes to
 * one day; refresh tokens default to days and may last sixty minutes to ten years, and must not
 * be outlived by the tokens they renew (API reference, CreateUserPoolClient).
 */
import type { TimeUnitsType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../errors.js';
import type { ClientSettings } from '../../store/user-pool-clients.js';

export type TokenKind = 'AccessToken' | 'IdToken' | 'RefreshToken';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const UNIT_SECONDS: Record<TimeUnitsType, number> = { seconds: 1, minutes: MINUTE, hours: HOUR, days: DAY };

interface TokenRule {
  member: 'AccessTokenValidity' | 'IdTokenValidity' | 'RefreshTokenValidity';
  defaultUnit: TimeUnitsType;
  /** The lifetime when no value is set: one hour for access and ID tokens, thirty days for refresh tokens. */
  defaultSeconds: number;
  min: number;
  max: number;
}

const RULES: Record<TokenKind, TokenRule> = {
  AccessToken: { member: 'AccessTokenValidity', defaultUnit: 'hours', defaultSeconds: HOUR, min: 5 * MINUTE, max: DAY },
  IdToken: { member: 'IdTokenValidity', defaultUnit: 'hours', defaultSeconds: HOUR, min: 5 * MINUTE, max: DAY },
  RefreshToken: { member: 'RefreshTokenValidity', defaultUnit: 'days', defaultSeconds: 30 * DAY, min: HOUR, max: 3650 * DAY },
};

/** The lifetime in seconds that the client's settings give a token. */
export function tokenLifetimeSeconds(settings: ClientSettings, token: TokenKind): number {
  const rule = RULES[token];
  const value = settings[rule.member];
  if (!value) return rule.defaultSeconds;
  return value * UNIT_SECONDS[settings.TokenValidityUnits?.[token] ?? rule.defaultUnit];
}

/** Rejects validities outside their ranges, and access or ID tokens that would outlive the refresh token. */
export function checkTokenValidity(settings: ClientSettings): void {
  for (const token of Object.keys(RULES) as TokenKind[]) {
    const { member, min, max } = RULES[token];
    if (!settings[member]) continue;
    const seconds = tokenLifetimeSeconds(settings, token);
    if (seconds < min || seconds > max) throw InvalidParameter('Invalid range for token validity.');
  }
  const refresh = tokenLifetimeSeconds(settings, 'RefreshToken');
  if (tokenLifetimeSeconds(settings, 'AccessToken') > refresh || tokenLifetimeSeconds(settings, 'IdToken') > refresh) {
    throw InvalidParameter('Access and Id Token expiration times must be less than or equal to refresh token expiration times.');
  }
}
