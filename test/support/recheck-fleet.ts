/**
 * A site's worth of re-checks against the emulator on a fake clock: opted-in classic tokens spread over
 * sites, OAuth connections, the emulator rate-limiting each site. Drives the hourly trigger, the in-process
 * queue and the consumers the way Forge would, and records what each consumer invocation did. Shared by the
 * integration test and the benchmark.
 */
import type { Clock } from '../../src/core/ports';
import { FakeClock, startEmulator, type Emulator } from '../../src/emulator';
import type { AppDeps, RecheckEvent } from '../../src/forge/ports';
import { consumeRecheck, dayOf, enqueueDue, type ConsumeOutcome } from '../../src/forge/recheck';
import { InProcessQueue } from '../../src/local/adapters/in-process-queue';
import { MemorySecretStore, MemoryStore } from '../../src/local/adapters/memory';

export interface FleetOptions {
  tokens: number;
  connections: number;
  sites: number;
  /** Requests per site per second that the emulator lets through. */
  ratePerSecond: number;
  /** Fake time each request takes, so deadlines and rate windows see time pass. */
  requestMs: number;
  /** The benchmark's real clock; default a fake one starting past midnight. */
  clock?: Clock;
}

export interface Invocation {
  event: RecheckEvent;
  day: string;
  outcome: ConsumeOutcome;
  /** On the fake clock. */
  startedAt: number;
  ms: number;
}

export interface Fleet {
  emulator: Emulator;
  clock: Clock;
  deps: AppDeps & { recheckQueue: InProcessQueue };
  invocations: Invocation[];
  items: string[];
  /** Runs one event through the consumer, recording it. */
  consume(event: RecheckEvent): Promise<void>;
  /** One hourly trigger run and everything it queued drained (delays included). */
  hour(): Promise<void>;
  close(): Promise<void>;
}

export const FLEET_PROFILE = {
  id: 'fleet-classic',
  name: 'Fleet classic token',
  vendor: 'Fleet',
  tokenKind: 'classic-token',
  summary: 'Reads the user.',
  capabilities: [{ name: 'Read the user', scopes: ['read:jira-user'] }],
  needsOfflineAccess: false,
  callbackUrls: [],
  vendorScopes: ['read:jira-user'],
  source: 'custom',
} as const;

const LONG_AGO = '2025-12-01T00:00:00.000Z';

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const clock = options.clock ?? new FakeClock('2026-01-15T00:30:00Z');
  const emulator = await startEmulator({ clock, seed: false });
  emulator.faults.rateLimitPerSite({ limit: options.ratePerSecond, windowMs: 1000 });
  const store = new MemoryStore(undefined, undefined, clock);
  const secrets = new MemorySecretStore();
  const recheckQueue = new InProcessQueue(clock);
  const deps: AppDeps & { recheckQueue: InProcessQueue } = {
    recheckQueue,
    notifier: { post: async (url) => Promise.reject(new Error(`the fleet posts no reminders, not to ${url}`)) },
    store,
    secrets,
    permissions: { isJiraAdmin: async () => true },
    directory: { person: async () => ({ displayName: 'Fleet admin' }) },
    checkDeps: {
      fetch: async (url, init) => {
        if (options.requestMs > 0) await clock.sleep(options.requestMs);
        return fetch(url, init);
      },
      hosts: emulator.hosts,
      clock,
    },
    clock,
    log: (line) => {
      throw new Error(`unexpected log: ${line}`);
    },
  };
  await store.set(`profile:${FLEET_PROFILE.id}`, FLEET_PROFILE);

  const sites = Array.from({ length: options.sites }, (_, i) =>
    emulator.state.addSite({ host: `fleet-${i}.atlassian.net`, name: `Fleet ${i}`, cloudId: `fleet-cloud-${i}` }),
  );
  const items: string[] = [];
  for (let i = 0; i < options.tokens; i++) {
    const site = sites[i % sites.length]!;
    const accountId = `fleet-account-${i}`;
    const email = `person-${i}@fleet.example`;
    const token = `fleet-token-${i}-${'x'.repeat(16)}`;
    emulator.state.addAccount({ accountId, displayName: `Person ${i}`, email, isAdmin: false, siteHosts: [site.host] });
    emulator.state.addApiToken({ token, accountId, kind: 'classic', scopes: [] });
    await store.set(`token-check:${accountId}`, {
      accountId,
      displayName: `Person ${i}`,
      profileId: FLEET_PROFILE.id,
      kind: 'classic',
      verdict: 'pass',
      missing: [],
      checkedAt: LONG_AGO,
      recheck: true,
    });
    await store.set(`token-report:${accountId}`, { site: site.host, cloudId: site.cloudId, checkedAt: LONG_AGO });
    await secrets.setSecret(`user-token:${accountId}`, JSON.stringify({ email, token }));
    items.push(`token:${accountId}`);
  }
  for (let i = 0; i < options.connections; i++) {
    const id = `fleet-connection-${i}`;
    const app = {
      name: `App ${i}`,
      clientId: `fleet-client-${i}`,
      clientSecret: `fleet-secret-${i}-${'y'.repeat(16)}`,
      callbackUrls: ['https://app.fleet.example/callback'],
      scopes: ['read:jira-user'],
    };
    emulator.state.addOAuthApp(app);
    await store.set(`connection:${id}`, {
      id,
      version: 1,
      name: app.name,
      profileId: FLEET_PROFILE.id,
      clientId: app.clientId,
      callbackUrl: app.callbackUrls[0],
      scopes: 'read:jira-user',
      updatedAt: LONG_AGO,
      updatedBy: 'fleet',
      secretSet: true,
    });
    await secrets.setSecret(`client-secret:${id}`, app.clientSecret);
    items.push(`connection:${id}`);
  }

  const invocations: Invocation[] = [];
  const consume = async (event: RecheckEvent) => {
    const startedAt = clock.now().getTime();
    const day = dayOf(clock.now());
    const outcome = await consumeRecheck(event, deps);
    invocations.push({ event, day, outcome, startedAt, ms: clock.now().getTime() - startedAt });
  };

  return {
    emulator,
    clock,
    deps,
    invocations,
    items,
    consume,
    async hour() {
      const started = clock.now().getTime();
      await enqueueDue(deps);
      await recheckQueue.drain(consume);
      // The next run an hour after this one started, or at once if draining took longer.
      await clock.sleep(Math.max(0, started + 60 * 60 * 1000 - clock.now().getTime()));
    },
    close: () => emulator.close(),
  };
}
