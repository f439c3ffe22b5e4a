/**
 * The daily re-check: opted-in tokens, then saved connections, each at most once a day. The trigger runs
 * hourly so that a site with many tokens is still covered daily; every check of a run shares one deadline
 * inside the function's time limit, a run starts no check with too little of it left, and it leaves a
 * bookmark where it stopped for the next run to resume.
 */
import type { TokenCheckSummary } from './api';
import { loadStatus, type StoredConnection } from './connections';
import { timeLeft, withDeadline } from './core';
import { RESOLVER_CHECK_MS, STORE_MARGIN_MS, TRIGGER_LIMIT_MS } from './limits';
import type { AppDeps } from './ports';
import { recheckConnection } from './resolvers/checkConnection';
import { keys } from './storage/keys';
import { recheckToken } from './tokens';

/** Checked less than this long ago: not due yet (a little under a day, so the hourly runs don't drift). */
export const RECHECK_AFTER_MS = 20 * 60 * 60 * 1000;
const PAGE_SIZE = 5;

type Phase = 'tokens' | 'connections';
/** Where the last run stopped: the page it was on and how many of that page's items it had done. */
interface Progress {
  phase: Phase;
  cursor?: string;
  done?: number;
}

export interface RecheckSummary {
  checked: number;
  failed: number;
  /** True when every item was visited; false when the budget ran out and the next run continues. */
  finished: boolean;
}

interface PhaseSpec {
  phase: Phase;
  prefix: string;
  /** When the item was last checked (ISO), if ever. */
  lastChecked(value: unknown, deps: AppDeps): Promise<string | undefined>;
  recheck(value: unknown, deps: AppDeps): Promise<boolean>;
}

const PHASES: readonly PhaseSpec[] = [
  {
    phase: 'tokens',
    prefix: keys.tokenCheckPrefix,
    lastChecked: async (value) => (value as TokenCheckSummary).checkedAt,
    recheck: (value, deps) => recheckToken((value as TokenCheckSummary).accountId, deps),
  },
  {
    phase: 'connections',
    prefix: keys.connectionPrefix,
    lastChecked: async (value, deps) => (await loadStatus(deps.store, (value as StoredConnection).id)).lastReport?.checkedAt,
    recheck: async (value, deps) => {
      await recheckConnection((value as StoredConnection).id, deps);
      return true;
    },
  },
];

export async function recheckAll(appDeps: AppDeps, budgetMs = TRIGGER_LIMIT_MS): Promise<RecheckSummary> {
  // Every check of this run is done by then, leaving time to store the last result.
  const deps = { ...appDeps, checkDeps: withDeadline(appDeps.checkDeps, budgetMs - STORE_MARGIN_MS) };
  const summary: RecheckSummary = { checked: 0, failed: 0, finished: false };
  const progress = (await deps.store.get<Progress>(keys.recheckProgress)) ?? { phase: 'tokens' };
  const start = PHASES.findIndex((p) => p.phase === progress.phase);
  for (const spec of PHASES.slice(Math.max(start, 0))) {
    const resuming = spec.phase === progress.phase;
    let cursor = resuming ? progress.cursor : undefined;
    let skip = resuming ? (progress.done ?? 0) : 0;
    do {
      const page = await deps.store.list<unknown>(spec.prefix, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      for (const [index, item] of page.items.entries()) {
        if (index < skip) continue;
        // With less time left than a check from the page gets, it would mostly run out of time: the next run does it.
        if (timeLeft(deps.checkDeps) < RESOLVER_CHECK_MS) {
          await deps.store.set<Progress>(keys.recheckProgress, { phase: spec.phase, ...(cursor ? { cursor } : {}), done: index });
          return summary;
        }
        try {
          if (!isDue(await spec.lastChecked(item.value, deps), deps.clock.now())) continue;
          if (await spec.recheck(item.value, deps)) summary.checked += 1;
        } catch (error) {
          summary.failed += 1;
          deps.log(`recheck of ${item.key} failed: ${error instanceof Error ? error.name : 'error'}`);
        }
      }
      cursor = page.cursor;
      skip = 0;
    } while (cursor);
  }
  await deps.store.delete(keys.recheckProgress);
  summary.finished = true;
  return summary;
}

function isDue(lastChecked: string | undefined, now: Date): boolean {
  const last = lastChecked ? Date.parse(lastChecked) : Number.NaN;
  return Number.isNaN(last) || now.getTime() - last >= RECHECK_AFTER_MS;
}
