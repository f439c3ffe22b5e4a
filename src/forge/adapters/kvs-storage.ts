/**
 * Forge storage: entities through `kvs.get/set/delete/query`, secrets through `kvs.getSecret/setSecret/
 * deleteSecret` (encrypted, never returned by queries).
 */
import { kvs, WhereConditions } from '@forge/kvs';
import type { SecretStore, Store, StorePage } from '../ports';

const DEFAULT_PAGE = 100;

export const kvsStore: Store = {
  get: <T>(key: string) => kvs.get<T>(key),
  async set<T>(key: string, value: T, options?: { ttlSeconds?: number }) {
    await kvs.set(key, value, options?.ttlSeconds ? { ttl: { value: options.ttlSeconds, unit: 'SECONDS' } } : undefined);
  },
  delete: (key) => kvs.delete(key),
  async claim(key: string, options?: { ttlSeconds?: number }) {
    try {
      await kvs.set(key, true, {
        keyPolicy: 'FAIL_IF_EXISTS',
        ...(options?.ttlSeconds ? { ttl: { value: options.ttlSeconds, unit: 'SECONDS' as const } } : {}),
      });
      return true;
    } catch (error) {
      // The refusal's error code is not part of the documented API: the key being there is what tells.
      if ((await kvs.get(key)) !== undefined) return false;
      throw error;
    }
  },
  async list<T>(prefix: string, options: { cursor?: string; limit?: number } = {}): Promise<StorePage<T>> {
    let query = kvs
      .query()
      .where('key', WhereConditions.beginsWith(prefix))
      .limit(options.limit ?? DEFAULT_PAGE);
    if (options.cursor) query = query.cursor(options.cursor);
    const page = await query.getMany<T>();
    const items = page.results.map(({ key, value }) => ({ key, value }));
    return page.nextCursor ? { items, cursor: page.nextCursor } : { items };
  },
};

export const kvsSecrets: SecretStore = {
  getSecret: (key) => kvs.getSecret<string>(key),
  setSecret: (key, value) => kvs.setSecret(key, value),
  deleteSecret: (key) => kvs.deleteSecret(key),
};
