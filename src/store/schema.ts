/**
 * Table types shared by SQLite and PostgreSQL. Times are epoch milliseconds (bigint in SQL),
 * JSON documents are text, and every pool-owned row carries pool_id in its key.
 */
import type { Generated } from 'kysely';

export interface Database {
  server_settings: ServerSettingTable;
  user_pools: UserPoolTable;
  user_pool_clients: UserPoolClientTable;
  client_secrets: ClientSecretTable;
  groups: GroupTable;
  resource_tags: ResourceTagTable;
  signing_keys: SigningKeyTable;
  users: UserTable;
  user_attributes: UserAttributeTable;
  user_aliases: UserAliasTable;
  user_groups: UserGroupTable;
  one_time_codes: OneTimeCodeTable;
  auth_sessions: AuthSessionTable;
  refresh_tokens: RefreshTokenTable;
  pending_attributes: PendingAttributeTable;
  software_tokens: SoftwareTokenTable;
  devices: DeviceTable;
  webauthn_credentials: WebAuthnCredentialTable;
  webauthn_registrations: WebAuthnRegistrationTable;
  unknown_sign_ins: UnknownSignInTable;
}

export interface ServerSettingTable {
  name: string;
  value: string;
}

export interface UserPoolTable {
  id: string;
  name: string;
  /** The settable parts of UserPoolType as a JSON document (see userpools/pools/pool-settings.ts). */
  settings: string;
  created_at: number;
  updated_at: number;
  /** Bumped by every write; concurrent updates compare it (optimistic concurrency). */
  version: Generated<number>;
}

export interface UserPoolClientTable {
  pool_id: string;
  client_id: string;
  client_name: string;
  settings: string;
  created_at: number;
  updated_at: number;
}

export interface ClientSecretTable {
  pool_id: string;
  client_id: string;
  secret_id: string;
  /** Encrypted under the master key (crypto/secret-box.ts). */
  secret: string;
  created_at: number;
}

export interface GroupTable {
  pool_id: string;
  group_name: string;
  description: string | null;
  role_arn: string | null;
  precedence: number | null;
  created_at: number;
  updated_at: number;
}

export interface ResourceTagTable {
  resource_arn: string;
  tag_key: string;
  tag_value: string;
}

export interface SigningKeyTable {
  pool_id: string;
  kid: string;
  /** Which tokens the key signs: 'id' or 'access' (Cognito signs them with different keys). */
  purpose: string;
  /** Private JWK, encrypted under the master key. */
  private_jwk: string;
  public_jwk: string;
  created_at: number;
}

export interface UserTable {
  pool_id: string;
  username: string;
  username_key: string;
  sub: string;
  status: string;
  enabled: number;
  password_hash: string | null;
  srp_salt: string | null;
  srp_verifier: string | null;
  password_set_at: number | null;
  failed_sign_ins: Generated<number>;
  locked_until: Generated<number>;
  sign_ins_in_flight: Generated<number>;
  in_flight_until: Generated<number>;
  last_failed_at: Generated<number>;
  mfa_settings: string | null;
  created_at: number;
  updated_at: number;
}

export interface UserAttributeTable {
  pool_id: string;
  username_key: string;
  name: string;
  value: string;
}

export interface UserAliasTable {
  pool_id: string;
  alias_key: string;
  username_key: string;
}

export interface UserGroupTable {
  pool_id: string;
  group_name: string;
  username_key: string;
  created_at: number;
}

export interface OneTimeCodeTable {
  pool_id: string;
  username_key: string;
  purpose: string;
  code_hash: string;
  attempts: Generated<number>;
  expires_at: number;
  created_at: number;
}

export interface AuthSessionTable {
  id: string;
  pool_id: string;
  client_id: string;
  username_key: string | null;
  challenge: string;
  state: string;
  expires_at: number;
}

export interface RefreshTokenTable {
  id: string;
  pool_id: string;
  client_id: string;
  username_key: string;
  origin_jti: string;
  auth_time: number;
  device_key: string | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  replaced_at: number | null;
}

export interface PendingAttributeTable {
  pool_id: string;
  username_key: string;
  /** `email` or `phone_number`. */
  name: string;
  value: string;
  created_at: number;
}

export interface SoftwareTokenTable {
  pool_id: string;
  username_key: string;
  /** The verified TOTP secret, sealed under the master key. */
  secret: string | null;
  /** A secret AssociateSoftwareToken issued that VerifySoftwareToken has not confirmed yet, sealed. */
  pending_secret: string | null;
  friendly_name: string | null;
  /** The last 30-second step a code was accepted for (-1: none). */
  last_step: Generated<number>;
  updated_at: number;
}

export interface DeviceTable {
  pool_id: string;
  device_key: string;
  username_key: string;
  device_group_key: string;
  name: string | null;
  salt: string | null;
  verifier: string | null;
  remembered_status: string | null;
  last_ip: string | null;
  created_at: number;
  updated_at: number;
  last_authenticated_at: number;
}

export interface WebAuthnCredentialTable {
  pool_id: string;
  credential_id: string;
  username_key: string;
  public_key: string;
  counter: number;
  /** JSON array of AuthenticatorTransport names. */
  transports: string;
  attachment: string | null;
  friendly_name: string | null;
  rp_id: string;
  created_at: number;
}

export interface WebAuthnRegistrationTable {
  pool_id: string;
  username_key: string;
  challenge: string;
  expires_at: number;
}

/** Sign-in counters of a name that is no user: users' columns of the same names, keyed by an HMAC. */
export interface UnknownSignInTable {
  pool_id: string;
  name_hash: string;
  failed_sign_ins: Generated<number>;
  locked_until: Generated<number>;
  sign_ins_in_flight: Generated<number>;
  in_flight_until: Generated<number>;
  last_failed_at: Generated<number>;
}
