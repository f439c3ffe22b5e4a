/**
 * What the resolvers need from their host. Forge supplies @forge/kvs and @forge/api adapters
 * (src/forge/adapters); local mode supplies file-backed ones over the emulator (src/local/adapters).
 */
import type { CheckDeps } from '../core/checks/types';
import type { Clock } from '../core/ports';

/** Who is calling and from where: Forge puts these in the resolver context. */
export interface ResolverContext {
  accountId: string;
  cloudId: string;
  /** e.g. `https://acme.atlassian.net` */
  siteUrl: string;
  moduleKey: string;
}

export interface StoredItem<T> {
  key: string;
  value: T;
}

export interface StorePage<T> {
  items: StoredItem<T>[];
  /** Present when more items follow; pass it back to get the next page. */
  cursor?: string;
}

/** JSON entities by key. Keys are at most 500 characters (the Forge limit). */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  /** `ttlSeconds` lets short-lived records (pending consent) expire on their own. */
  set<T>(key: string, value: T, options?: { ttlSeconds?: number }): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Creates the key only if it does not exist yet: true when this call created it, false when it was there.
   * The one atomic write storage offers; versioned saves claim their next version with it.
   */
  claim(key: string, options?: { ttlSeconds?: number }): Promise<boolean>;
  /** Items whose key starts with `prefix`, in key order, one page at a time. */
  list<T>(prefix: string, options?: { cursor?: string; limit?: number }): Promise<StorePage<T>>;
}

/** Where secrets live: Forge secret storage, or a 0600 file locally. Kept apart from the Store on purpose. */
export interface SecretStore {
  getSecret(key: string): Promise<string | undefined>;
  setSecret(key: string, value: string): Promise<void>;
  deleteSecret(key: string): Promise<void>;
}

export interface PermissionChecker {
  /** Asked of Jira as the calling user on every admin call: display conditions are client-side only. */
  isJiraAdmin(accountId: string): Promise<boolean>;
}

export interface Person {
  displayName: string;
  /** Present when the person's profile shares it. */
  email?: string;
}

export interface Directory {
  /** The calling person as Jira shows them (`/rest/api/3/myself`). */
  person(accountId: string): Promise<Person>;
}

/** One line per event; callers never pass secrets, and error lines are redacted before they get here. */
export type Log = (line: string) => void;

export interface AppDeps {
  store: Store;
  secrets: SecretStore;
  permissions: PermissionChecker;
  directory: Directory;
  checkDeps: CheckDeps;
  clock: Clock;
  log: Log;
}
