/**
 * The OAuth 2.0 side of an app client: redirect and sign-out URLs, scopes, identity providers and
 * grant types must agree with each other, worded as Cognito words its refusals.
 */
import { InvalidOAuthFlow, InvalidParameter, ScopeDoesNotExist } from '../../errors.js';
import type { ClientSettings } from '../../store/user-pool-clients.js';

/** What the pool offers the client, beyond the client's own settings. */
export interface OAuthContext {
  /** Whether the client has (or is about to get) a secret. */
  hasSecret: boolean;
  /** Scopes of the pool's resource servers (`<identifier>/<scope>`). */
  customScopes: ReadonlySet<string>;
  /** Names of the pool's identity providers, COGNITO included. */
  providers: ReadonlySet<string>;
}

export const STANDARD_SCOPES: ReadonlySet<string> = new Set(['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin']);

/** Plain HTTP is allowed only to the loopback hosts Cognito names, for testing (CallbackURLs docs). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkOAuthSettings(settings: ClientSettings, context: OAuthContext): void {
  checkUrls(settings);
  checkScopesAndProviders(settings, context);
  checkGrants(settings, context);
}

function checkUrls(settings: ClientSettings): void {
  for (const url of settings.CallbackURLs ?? []) {
    checkHttps(url);
    if (url.includes('#')) throw InvalidParameter(`${url} cannot use fragment`);
  }
  for (const url of settings.LogoutURLs ?? []) checkHttps(url);
  const defaultUri = settings.DefaultRedirectURI;
  if (defaultUri !== undefined && !(settings.CallbackURLs ?? []).includes(defaultUri)) {
    throw InvalidParameter(`The default redirect URI ${defaultUri} is not in the callback URIs list.`);
  }
}

function checkHttps(url: string): void {
  if (!/^http:/i.test(url)) return;
  let host: string | undefined;
  try {
    host = new URL(url).hostname;
  } catch {
    host = undefined;
  }
  if (!host || !LOOPBACK_HOSTS.has(host)) throw InvalidParameter(`${url} cannot use the HTTP protocol.`);
}

function checkScopesAndProviders(settings: ClientSettings, context: OAuthContext): void {
  for (const scope of settings.AllowedOAuthScopes ?? []) {
    if (!STANDARD_SCOPES.has(scope) && !context.customScopes.has(scope)) throw ScopeDoesNotExist(`Invalid scope requested: ${scope}`);
  }
  for (const provider of settings.SupportedIdentityProviders ?? []) {
    if (!context.providers.has(provider)) throw InvalidParameter(`The provider ${provider} does not exist for User Pool`);
  }
}

function checkGrants(settings: ClientSettings, context: OAuthContext): void {
  const flows = settings.AllowedOAuthFlows ?? [];
  const browserFlow = flows.includes('code') || flows.includes('implicit');
  if (settings.AllowedOAuthFlowsUserPoolClient && (flows.length === 0 || !settings.AllowedOAuthScopes?.length)) {
    throw InvalidParameter('AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.');
  }
  if (flows.includes('client_credentials')) {
    if (browserFlow) throw InvalidOAuthFlow('client_credentials flow can not be selected along with code flow or implicit flow.');
    if (!context.hasSecret) throw InvalidOAuthFlow('client_credentials flow can not be selected if client does not have a client secret.');
  }
  if (settings.AllowedOAuthFlowsUserPoolClient && browserFlow && !settings.CallbackURLs?.length) {
    throw InvalidOAuthFlow('CallbackUrls can not be empty when code flow or implicit flow is selected');
  }
}
