/**
 * What the resolvers need from their host. Forge supplies @forge/kvs and @forge/api adapters
 * (src/forge/adapters); local mode supplies file-backed ones over the emulator (src/local/adapters).
 */
import type { CheckDeps } from '../core/ports';
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

/** One item the daily re-check looks at. */
export interface RecheckItem {
  kind: 'token' | 'connection';
  /** The person's accountId for a token, the connection's id for a connection. */
  id: string;
}

/** One queued re-check: the item, and which rate limit it counts against (a site's, or the token endpoint's). */
export interface RecheckEvent extends RecheckItem {
  limitKey: string;
  /** 1 for the first try; each re-enqueue after a 429 adds one. */
  attempt: number;
}

export interface QueuedRecheck {
  event: RecheckEvent;
  /** Seconds before it may run (at most 900, Forge's limit). */
  delayInSeconds?: number;
}

/**
 * Forge's async events queue, or an in-process one locally and in tests. One push is at most 50 events and
 * 200 KB (Forge's limits; src/forge/recheck.ts splits what it pushes). Events of one `limitKey` run at most
 * `RECHECK_CONCURRENCY` at a time.
 */
export interface RecheckQueue {
  push(events: readonly QueuedRecheck[]): Promise<void>;
}

/** Posts a reminder to a chat incoming webhook; resolves with the HTTP status, rejects when nothing came back. */
export interface Notifier {
  post(url: string, body: string): Promise<{ status: number }>;
}

export interface AppDeps {
  recheckQueue: RecheckQueue;
  /** Outgoing reminders, sent only by the scheduled trigger. */
  notifier: Notifier;
  store: Store;
  secrets: SecretStore;
  permissions: PermissionChecker;
  directory: Directory;
  checkDeps: CheckDeps;
  clock: Clock;
  log: Log;
}
