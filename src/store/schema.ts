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
}

export interface ServerSettingTable {
  name: string;
  value: string;
}

export interface UserPoolTable {
  id: string;
  name: string;
  /** The settable parts of UserPoolType as a JSON document (see userpools/pool-settings.ts). */
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
