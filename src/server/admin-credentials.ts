/**
 * The admin key pair that signs IAM-authenticated calls: from the environment, or generated on
 * first start and kept sealed in the database, so that every worker and node agrees on it.
 */
import type { Services } from '../services.js';

export interface AdminCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

const SETTING = 'admin_credentials';

/** Returns the credentials and whether this call generated them (so they are printed once). */
export async function adminCredentials(services: Pick<Services, 'config' | 'store' | 'secrets' | 'ids'>): Promise<AdminCredentials & { generated: boolean }> {
  const { config, store, secrets, ids } = services;
  if (config.adminAccessKeyId && config.adminSecretAccessKey) {
    return { accessKeyId: config.adminAccessKeyId, secretAccessKey: config.adminSecretAccessKey, generated: false };
  }
  if (config.adminAccessKeyId || config.adminSecretAccessKey) {
    throw new Error('set both GATEHOUSE_ADMIN_ACCESS_KEY_ID and GATEHOUSE_ADMIN_SECRET_ACCESS_KEY, or neither');
  }
  const candidate: AdminCredentials = { accessKeyId: ids.accessKeyId(), secretAccessKey: ids.secretAccessKey() };
  const sealed = await secrets.seal(JSON.stringify(candidate));
  const stored = await store.settings.putIfAbsent(SETTING, sealed);
  const credentials = JSON.parse(await secrets.open(stored)) as AdminCredentials;
  return { ...credentials, generated: stored === sealed };
}
