/**
 * AppDeps for resolver unit tests: in-memory storage, a fixed list of admins, a clock that only moves when
 * told, and a fetch that refuses (unit tests never reach a network; integration tests use the emulator).
 */
import type { AtlassianHosts } from '../../src/core/ports';
import { FakeClock } from '../../src/emulator/fake-clock';
import type { AppDeps, Notifier, ResolverContext } from '../../src/forge/ports';
import { InProcessQueue } from '../../src/local/adapters/in-process-queue';
import { MemorySecretStore, MemoryStore } from '../../src/local/adapters/memory';

export const ADMIN_ID = 'account-admin';
export const USER_ID = 'account-user';

export function contextFor(accountId: string): ResolverContext {
  return { accountId, cloudId: 'demo-cloud-id', siteUrl: 'https://acme.atlassian.net', moduleKey: 'scope-doctor-admin-page' };
}

/** Keeps every post; answers with `status`, or rejects as a network failure when `status` is undefined. */
export class RecordingNotifier implements Notifier {
  readonly posts: { url: string; body: string; status: number }[] = [];
  status: number | undefined = 200;
  async post(url: string, body: string): Promise<{ status: number }> {
    if (this.status === undefined) throw new TypeError('fetch failed');
    this.posts.push({ url, body, status: this.status });
    return { status: this.status };
  }
}

export interface TestDeps extends AppDeps {
  notifier: RecordingNotifier;
  store: MemoryStore;
  secrets: MemorySecretStore;
  clock: FakeClock;
  logs: string[];
  /** Holds what is pushed until a test drains it. */
  recheckQueue: InProcessQueue;
}

export function testDeps(): TestDeps {
  const clock = new FakeClock('2026-11-25T09:00:00Z');
  const logs: string[] = [];
  return {
    recheckQueue: new InProcessQueue(clock),
    notifier: new RecordingNotifier(),
    store: new MemoryStore(undefined, undefined, clock),
    secrets: new MemorySecretStore(),
    permissions: { isJiraAdmin: async (accountId) => accountId === ADMIN_ID },
    directory: { person: async (accountId) => ({ displayName: accountId === ADMIN_ID ? 'Ana Admin' : 'Uri User' }) },
    checkDeps: {
      fetch: async (url) => {
        throw new Error(`unit tests do not fetch ${url}`);
      },
      hosts: { auth: 'http://auth.invalid', api: 'http://api.invalid', site: (host) => `http://${host}.invalid` },
      clock,
    },
    clock,
    log: (line) => logs.push(line),
    logs,
  };
}

/**
 * testDeps whose checks talk to an emulator on loopback, on real time (the emulator dates its demo data by
 * it); Retry-After waits are recorded in `sleeps` instead of slept.
 */
export function emulatorTestDeps(hosts: AtlassianHosts): TestDeps & { sleeps: number[] } {
  const sleeps: number[] = [];
  const deps = testDeps();
  return {
    ...deps,
    checkDeps: { fetch: (url, init) => fetch(url, init), hosts, clock: { now: () => new Date(), sleep: async (ms) => void sleeps.push(ms) } },
    sleeps,
  };
}

/** A custom profile saved the way the admin page would, so tests do not depend on the built-in ones. */
export const TEST_PROFILE = {
  id: 'test-oauth',
  name: 'Test OAuth app',
  vendor: 'Test',
  tokenKind: 'oauth',
  summary: 'Reads projects.',
  capabilities: [{ name: 'Read projects', scopes: ['read:project:jira'] }],
  needsOfflineAccess: false,
  callbackUrls: [],
  vendorScopes: ['read:project:jira'],
  source: 'custom',
} as const;

export async function withTestProfile<T extends AppDeps>(deps: T): Promise<T> {
  await deps.store.set(`profile:${TEST_PROFILE.id}`, TEST_PROFILE);
  return deps;
}
