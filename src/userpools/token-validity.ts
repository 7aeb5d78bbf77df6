/**
 * An app client's token lifetimes in seconds from its validity settings and units. Unset, Cognito
 * gives access and ID tokens 60 minutes and refresh tokens 30 days.
 */
import type { UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';

const SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as const;

export type ClientValiditySettings = Pick<UserPoolClientType, 'AccessTokenValidity' | 'IdTokenValidity' | 'RefreshTokenValidity' | 'TokenValidityUnits'>;

export function tokenLifetimes(client: ClientValiditySettings): { access: number; id: number; refresh: number } {
  const units = client.TokenValidityUnits ?? {};
  const lifetime = (value: number | undefined, unit: keyof typeof SECONDS | undefined, fallback: number, fallbackUnit: keyof typeof SECONDS) =>
    value === undefined ? fallback * SECONDS[fallbackUnit] : value * SECONDS[unit ?? fallbackUnit];
  return {
    access: lifetime(client.AccessTokenValidity, units.AccessToken, 60, 'minutes'),
    id: lifetime(client.IdTokenValidity, units.IdToken, 60, 'minutes'),
    refresh: lifetime(client.RefreshTokenValidity, units.RefreshToken, 30, 'days'),
  };
}
