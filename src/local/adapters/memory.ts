/**
 * In-memory Store and SecretStore. The file-backed adapters wrap these with a save hook; tests use them bare.
 */
import type { Clock } from '../../core/ports';
import { systemClock } from '../../core/ports';
import type { SecretStore, Store, StorePage } from '../../forge/ports';

export interface StoredEntry {
  value: unknown;
  /** Epoch ms after which the entry is gone (like a Forge TTL). */
  expiresAt?: number;
}

type Persist = () => Promise<void>;
const DEFAULT_PAGE = 100;

export class MemoryStore implements Store {
  constructor(
    readonly entries = new Map<string, StoredEntry>(),
    private readonly persist: Persist = async () => {},
    private readonly clock: Clock = systemClock,
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.live(key);
    // Stored values are JSON we wrote ourselves; a copy keeps callers from mutating the store by accident.
    return entry ? (structuredClone(entry.value) as T) : undefined;
  }

  async set<T>(key: string, value: T, options?: { ttlSeconds?: number }): Promise<void> {
    const entry: StoredEntry = { value: JSON.parse(JSON.stringify(value)) as unknown };
    if (options?.ttlSeconds) entry.expiresAt = this.clock.now().getTime() + options.ttlSeconds * 1000;
    this.entries.set(key, entry);
    await this.persist();
  }

  async delete(key: string): Promise<void> {
    if (this.entries.delete(key)) await this.persist();
  }

  // Check and set happen in one synchronous step, so no other call can slip in between.
  async claim(key: string, options?: { ttlSeconds?: number }): Promise<boolean> {
    if (this.live(key)) return false;
    await this.set(key, true, options);
    return true;
  }

  /** The cursor is the last key of the page: stable even when items are added or removed meanwhile. */
  async list<T>(prefix: string, options: { cursor?: string; limit?: number } = {}): Promise<StorePage<T>> {
    const limit = options.limit ?? DEFAULT_PAGE;
    const after = options.cursor;
    const matching = [...this.entries.keys()].filter((key) => key.startsWith(prefix) && (after === undefined || key > after) && this.live(key)).sort();
    const pageKeys = matching.slice(0, limit);
    const items = pageKeys.map((key) => ({ key, value: structuredClone(this.entries.get(key)!.value) as T }));
    const last = pageKeys.at(-1);
    return matching.length > limit && last ? { items, cursor: last } : { items };
  }

  private live(key: string): StoredEntry | undefined {
    const entry = this.entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= this.clock.now().getTime()) return undefined;
    return entry;
  }
}

export class MemorySecretStore implements SecretStore {
  constructor(
    readonly secrets = new Map<string, string>(),
    private readonly persist: Persist = async () => {},
  ) {}

  async getSecret(key: string): Promise<string | undefined> {
    return this.secrets.get(key);
  }

  async setSecret(key: string, value: string): Promise<void> {
    this.secrets.set(key, value);
    await this.persist();
  }

  async deleteSecret(key: string): Promise<void> {
    if (this.secrets.delete(key)) await this.persist();
  }
}
