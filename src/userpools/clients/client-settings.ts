/**
 * An app client's settings as Create/UpdateUserPoolClient set them: every member the caller sent,
 * Cognito's defaults for the rest, checked as Cognito checks them. An update is a full
 * replacement, so members it leaves out return to their defaults (API reference,
 * UpdateUserPoolClient). What DescribeUserPoolClient echoes matches what Cognito echoes for a
 * client made through the API: RefreshTokenValidity 30, empty TokenValidityUnits, OAuth off,
 * revocation on, context data off, three-minute sessions; members never sent are not echoed,
 * though they still take their documented defaults (see app-clients.ts, clientPolicy).
 */
import type { CreateUserPoolClientRequest, UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameter } from '../../errors.js';
import type { ClientRecord, ClientSettings } from '../../store/user-pool-clients.js';
import type { PoolRecord } from '../../store/user-pools.js';
import { checkClientAttributes, type ClientAction } from './client-attributes.js';
import { checkAuthFlows } from './client-auth-flows.js';
import { checkOAuthSettings } from './client-oauth.js';
import { checkTokenValidity } from './client-token-validity.js';

/** The members of Create/UpdateUserPoolClient that become settings. */
export type ClientSettingsInput = Omit<CreateUserPoolClientRequest, 'UserPoolId' | 'ClientName' | 'GenerateSecret' | 'ClientSecret'>;

export interface SettingsContext {
  pool: PoolRecord;
  hasSecret: boolean;
  action: ClientAction;
}

// Identity providers and resource servers are not stored yet, so only COGNITO and the standard
// scopes exist; naming anything else is refused as Cognito refuses an unknown one.
const POOL_PROVIDERS: ReadonlySet<string> = new Set(['COGNITO']);
const POOL_CUSTOM_SCOPES: ReadonlySet<string> = new Set();

export function clientSettingsFrom(input: ClientSettingsInput, context: SettingsContext): ClientSettings {
  const settings = withDefaults(input);
  checkAuthFlows(settings.ExplicitAuthFlows);
  checkTokenValidity(settings);
  checkClientAttributes(settings, context.pool.settings.SchemaAttributes, context.action);
  checkOAuthSettings(settings, { hasSecret: context.hasSecret, customScopes: POOL_CUSTOM_SCOPES, providers: POOL_PROVIDERS });
  checkAnalytics(settings);
  if (settings.EnablePropagateAdditionalUserContextData && !context.hasSecret) {
    throw InvalidParameter('Client Secret is required to set EnablePropagateAdditionalUserContextData as true');
  }
  return settings;
}

/** Copies the known members in the order Cognito echoes them; a refresh validity of 0 means the default. */
function withDefaults(input: ClientSettingsInput): ClientSettings {
  const units = input.TokenValidityUnits ?? {};
  const settings: ClientSettings = {
    RefreshTokenValidity: input.RefreshTokenValidity || 30,
    AccessTokenValidity: input.AccessTokenValidity,
    IdTokenValidity: input.IdTokenValidity,
    TokenValidityUnits: { AccessToken: units.AccessToken, IdToken: units.IdToken, RefreshToken: units.RefreshToken },
    ReadAttributes: nonEmpty(input.ReadAttributes),
    WriteAttributes: nonEmpty(input.WriteAttributes),
    ExplicitAuthFlows: nonEmpty(input.ExplicitAuthFlows),
    SupportedIdentityProviders: nonEmpty(input.SupportedIdentityProviders),
    CallbackURLs: nonEmpty(input.CallbackURLs),
    LogoutURLs: nonEmpty(input.LogoutURLs),
    DefaultRedirectURI: input.DefaultRedirectURI,
    AllowedOAuthFlows: nonEmpty(input.AllowedOAuthFlows),
    AllowedOAuthScopes: nonEmpty(input.AllowedOAuthScopes),
    AllowedOAuthFlowsUserPoolClient: input.AllowedOAuthFlowsUserPoolClient ?? false,
    AnalyticsConfiguration: input.AnalyticsConfiguration,
    PreventUserExistenceErrors: input.PreventUserExistenceErrors,
    EnableTokenRevocation: input.EnableTokenRevocation ?? true,
    EnablePropagateAdditionalUserContextData: input.EnablePropagateAdditionalUserContextData ?? false,
    AuthSessionValidity: input.AuthSessionValidity ?? 3,
    RefreshTokenRotation: input.RefreshTokenRotation,
  };
  // JSON drops undefined members, so the stored document holds exactly what is echoed.
  return JSON.parse(JSON.stringify(settings)) as ClientSettings;
}

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list?.length ? [...list] : undefined);

/** Analytics go to one Pinpoint project, named either by ARN alone or by id with a role to assume. */
function checkAnalytics(settings: ClientSettings): void {
  const analytics = settings.AnalyticsConfiguration;
  if (!analytics) return;
  const byArn = analytics.ApplicationArn !== undefined;
  const byId = analytics.ApplicationId !== undefined || analytics.RoleArn !== undefined || analytics.ExternalId !== undefined;
  const complete = analytics.ApplicationId !== undefined && analytics.RoleArn !== undefined;
  if (byArn ? byId : !complete) {
    throw InvalidParameter('Invalid analytics configuration given, either <application arn> or <application id, role arn, external id> are valid');
  }
}

/** The client as UserPoolClientType, with its secret when it has one. */
export function describeClient(client: ClientRecord, secret: string | undefined): UserPoolClientType {
  return {
    UserPoolId: client.poolId,
    ClientName: client.clientName,
    ClientId: client.clientId,
    ...(secret !== undefined ? { ClientSecret: secret } : {}),
    LastModifiedDate: new Date(client.updatedAt),
    CreationDate: new Date(client.createdAt),
    ...client.settings,
  };
}
