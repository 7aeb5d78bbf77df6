/**
 * Which sign-in flows an app client allows (ExplicitAuthFlows). A client that names none supports
 * ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH and ALLOW_CUSTOM_AUTH (API reference,
 * CreateUserPoolClient). The legacy names from before the ALLOW_ prefix still work on their own,
 * but never mixed with ALLOW_ names.
 */
import type { ExplicitAuthFlowsType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../errors.js';

export type AllowedFlow =
  | 'ALLOW_USER_SRP_AUTH' | 'ALLOW_USER_PASSWORD_AUTH' | 'ALLOW_ADMIN_USER_PASSWORD_AUTH'
  | 'ALLOW_CUSTOM_AUTH' | 'ALLOW_REFRESH_TOKEN_AUTH' | 'ALLOW_USER_AUTH';

export const DEFAULT_AUTH_FLOWS: readonly AllowedFlow[] = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];

const isLegacy = (flow: string) => !flow.startsWith('ALLOW_');

export function checkAuthFlows(flows: readonly ExplicitAuthFlowsType[] | undefined): void {
  if (!flows) return;
  if (flows.some(isLegacy) && !flows.every(isLegacy)) {
    throw InvalidParameter("Auth flow name with prefix 'ALLOW' cannot be used with legacy auth flow names.");
  }
}

/**
 * The flows a client allows, in ALLOW_ terms. Legacy clients always allowed SRP and refresh;
 * CUSTOM_AUTH_FLOW_ONLY narrowed them to custom authentication, ADMIN_NO_SRP_AUTH and
 * USER_PASSWORD_AUTH each added a plain-password flow.
 */
export function allowedAuthFlows(flows: readonly ExplicitAuthFlowsType[] | undefined): ReadonlySet<AllowedFlow> {
  if (!flows || flows.length === 0) return new Set(DEFAULT_AUTH_FLOWS);
  if (!flows.some(isLegacy)) return new Set(flows as AllowedFlow[]);
  const allowed = new Set<AllowedFlow>(flows.includes('CUSTOM_AUTH_FLOW_ONLY')
    ? ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']
    : DEFAULT_AUTH_FLOWS);
  if (flows.includes('ADMIN_NO_SRP_AUTH')) allowed.add('ALLOW_ADMIN_USER_PASSWORD_AUTH');
  if (flows.includes('USER_PASSWORD_AUTH')) allowed.add('ALLOW_USER_PASSWORD_AUTH');
  return allowed;
}
