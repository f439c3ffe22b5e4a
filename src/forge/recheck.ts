/**
 * The daily re-check (scheduled trigger): opted-in tokens, then saved connections. A run stops before the
 * time budget ends and leaves a bookmark; the next run resumes there.
 */
import type { TokenCheckSummary } from './api';
import type { StoredConnection } from './connections';
import type { AppDeps } from './ports';
import { recheckConnection } from './resolvers/checkConnection';
import { keys } from './storage/keys';
import { recheckToken } from './tokens';

/** Scheduled functions get 55 s; one check takes at most ~25 s, so stop starting new ones well before. */
export const DEFAULT_BUDGET_MS = 50_000;
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
  recheck(value: unknown, deps: AppDeps): Promise<boolean>;
}

const PHASES: readonly PhaseSpec[] = [
  {
    phase: 'tokens',
    prefix: keys.tokenCheckPrefix,
    recheck: (value, deps) => recheckToken((value as TokenCheckSummary).accountId, deps),
  },
  {
    phase: 'connections',
    prefix: keys.connectionPrefix,
    recheck: async (value, deps) => {
      await recheckConnection((value as StoredConnection).id, deps);
      return true;
    },
  },
];

export async function recheckAll(deps: AppDeps, budgetMs = DEFAULT_BUDGET_MS): Promise<RecheckSummary> {
  const deadline = deps.clock.now().getTime() + budgetMs;
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
        if (deps.clock.now().getTime() >= deadline) {
          await deps.store.set<Progress>(keys.recheckProgress, { phase: spec.phase, ...(cursor ? { cursor } : {}), done: index });
          return summary;
        }
        try {
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
