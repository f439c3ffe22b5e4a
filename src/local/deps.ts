/**
 * The resolvers' dependencies in local mode: file-backed storage and every Atlassian host served by the
 * emulator. The same handlers run here as in Forge.
 */
import type { AtlassianHosts, Clock, FetchLike } from '../core/ports';
import { systemClock } from '../core/ports';
import { DEMO_ACCOUNTS, DEMO_SITE, type DemoRole } from '../emulator/demo';
import type { AppDeps, Log, ResolverContext, SecretStore, Store } from '../forge/ports';
import { fetchNotifier } from '../forge/adapters/notifier';
import { consumeRecheck } from '../forge/recheck';
import { emulatorPeople } from './adapters/emulator-people';
import { InProcessQueue } from './adapters/in-process-queue';

export const ADMIN_MODULE_KEY = 'scope-doctor-admin-page';
export const PERSONAL_MODULE_KEY = 'scope-doctor-personal-page';

export interface LocalDepsOptions {
  store: Store;
  secrets: SecretStore;
  hosts: AtlassianHosts;
  fetch?: FetchLike;
  clock?: Clock;
  log?: Log;
}

/** Local mode's queue is in-process, so a test or the CLI can wait for it. */
export interface LocalAppDeps extends AppDeps {
  recheckQueue: InProcessQueue;
}

export function localDeps(options: LocalDepsOptions): LocalAppDeps {
  const fetch = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? systemClock;
  const recheckQueue = new InProcessQueue(clock);
  const deps: LocalAppDeps = {
    recheckQueue,
    // Local mode runs no scheduled trigger, so nothing is posted unless a caller runs one.
    notifier: fetchNotifier(fetch),
    store: options.store,
    secrets: options.secrets,
    ...emulatorPeople(options.hosts, fetch, { clock }),
    checkDeps: { fetch, hosts: options.hosts, clock },
    clock,
    log: options.log ?? ((line) => console.error(line)),
  };
  // Locally the queue's consumer is this process: "Re-check all now" runs the same consumer code as Forge.
  recheckQueue.consumeWith((event) => consumeRecheck(event, deps));
  return deps;
}

/** What Forge would put in the resolver context for a demo person on the demo site. */
export function demoContext(role: DemoRole): ResolverContext {
  return {
    accountId: DEMO_ACCOUNTS[role].accountId,
    cloudId: DEMO_SITE.cloudId,
    siteUrl: `https://${DEMO_SITE.host}`,
    moduleKey: role === 'admin' ? ADMIN_MODULE_KEY : PERSONAL_MODULE_KEY,
  };
}
