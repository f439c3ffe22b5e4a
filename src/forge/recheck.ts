/**
 * The daily re-check (scheduled trigger): opted-in tokens, then saved connections. A run stops before the
 * time budget ends and leaves a bookmark; the next run resumes there.
 */
import type { TokenCheckSummary } from './api';
import type { StoredConnection } from './connections';
import type { AppDeps, Store } from './ports';
import { recheckConnection } from './resolvers/checkConnection';
import { keys } from './storage/keys';
import { recheckToken } from './tokens';

/** Scheduled functions get 55 s; one check takes at most ~25 s, so stop starting new ones well before. */
export const DEFAULT_BUDGET_MS = 50_000;
/** Small pages: when time runs out mid-page the next run redoes at most this many. */
const PAGE_SIZE = 5;

type Phase = 'tokens' | 'connections';
interface Progress {
  phase: Phase;
  cursor?: string;
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
    let cursor = spec.phase === progress.phase ? progress.cursor : undefined;
    do {
      const page = await deps.store.list<unknown>(spec.prefix, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      for (const item of page.items) {
        if (deps.clock.now().getTime() >= deadline) {
          await saveProgress(deps.store, { phase: spec.phase, ...(cursor ? { cursor } : {}) });
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
    } while (cursor);
  }
  await deps.store.delete(keys.recheckProgress);
  summary.finished = true;
  return summary;
}

async function saveProgress(store: Store, progress: Progress): Promise<void> {
  await store.set(keys.recheckProgress, progress);
}
