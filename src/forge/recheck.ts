/**
 * The daily re-check on Forge's async events queue. The hourly trigger only enqueues what is due; each
 * consumer invocation checks one item inside its own deadline, at most RECHECK_CONCURRENCY at a time per
 * rate limit (a site, or the token endpoint). Marks per item and UTC day keep an item from being checked
 * twice in a day; a queued mark that outlives its event lets a later trigger enqueue the item again, so
 * none is skipped. A 429 does not wait inside the consumer: the item goes back on the queue after its
 * Retry-After, and the rate-limited `unknown` is not recorded over the last real verdict.
 */
import type { TokenReport } from '../core/checks/types';
import type { FetchLike } from '../core/ports';
import type { RecheckStatus, TokenCheckSummary } from './api';
import { loadStatus, type StoredConnection } from './connections';
import { withDeadline } from './core';
import { CONSUMER_LIMIT_MS, STORE_MARGIN_MS, TRIGGER_LIMIT_MS } from './limits';
import type { AppDeps, QueuedRecheck, RecheckEvent, RecheckItem, Store } from './ports';
import { recheckConnection } from './resolvers/checkConnection';
import { keys } from './storage/keys';
import { recheckToken } from './tokens';

/** Checked less than this long ago: not due yet (a little under a day, so the hourly runs don't drift). */
export const RECHECK_AFTER_MS = 20 * 60 * 60 * 1000;
/** Forge's limits for one push. */
export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_PUSH_BYTES = 200 * 1024;
/** Forge's longest delay. */
export const MAX_DELAY_SECONDS = 900;
/** Consumers at once per rate limit: enough to use a site's budget, few enough not to burst it. */
export const RECHECK_CONCURRENCY = 4;
/** The limit key of connection checks: they all go to the one token endpoint. */
export const TOKEN_ENDPOINT_LIMIT = 'auth.atlassian.com';
/** After this long a queued event is taken as lost and a later trigger enqueues the item again. */
const QUEUED_MARK_SECONDS = 3 * 60 * 60;
const DONE_MARK_SECONDS = 2 * 24 * 60 * 60;
const PAGE_SIZE = 100;

export interface EnqueueSummary {
  due: number;
  queued: number;
  /** False when the run's time ran out first: the next hourly run goes on (queued marks keep it from doubling). */
  finished: boolean;
}

interface LastRun extends EnqueueSummary {
  at: string;
}

/** UTC day of the clock, `2026-11-25`: the unit of "once a day". */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const itemKey = (item: RecheckItem) => `${item.kind}:${item.id}`;

/**
 * The trigger: enqueues every due item not yet checked or queued today, within `budgetMs` (the trigger's
 * time limit). `all` takes every item as due, however recently it was checked ("Re-check all now").
 */
export async function enqueueDue(deps: AppDeps, options: { all?: boolean; budgetMs?: number } = {}): Promise<EnqueueSummary> {
  const now = deps.clock.now();
  const day = dayOf(now);
  const stopAt = now.getTime() + (options.budgetMs ?? TRIGGER_LIMIT_MS) - STORE_MARGIN_MS;
  const summary: EnqueueSummary = { due: 0, queued: 0, finished: false };
  let batch: QueuedRecheck[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await deps.recheckQueue.push(batch);
    summary.queued += batch.length;
    batch = [];
  };
  const bookmark = await deps.store.get<Bookmark>(keys.recheckBookmark);
  let stoppedAt: Bookmark | undefined;
  for await (const { item, at } of dueItems(deps, now, options.all === true, bookmark)) {
    if (deps.clock.now().getTime() >= stopAt) {
      stoppedAt = at;
      break;
    }
    if (!item) continue;
    summary.due += 1;
    if ((await deps.store.get(keys.recheckDone(day, itemKey(item)))) !== undefined) continue;
    if (!(await deps.store.claim(keys.recheckQueued(day, itemKey(item)), { ttlSeconds: QUEUED_MARK_SECONDS }))) continue;
    const queued: QueuedRecheck = { event: { ...item, attempt: 1 } };
    if (batch.length === MAX_EVENTS_PER_PUSH || pushBytes([...batch, queued]) > MAX_PUSH_BYTES) await flush();
    batch.push(queued);
  }
  await flush();
  // Out of time: the next run starts where this one stopped, not at the top (whose items are queued already).
  if (stoppedAt) await deps.store.set<Bookmark>(keys.recheckBookmark, stoppedAt);
  else if (bookmark) await deps.store.delete(keys.recheckBookmark);
  summary.finished = stoppedAt === undefined;
  await deps.store.set<LastRun>(keys.recheckLastRun, { at: now.toISOString(), ...summary });
  return summary;
}

/** The size Forge measures: the events as JSON. */
export function pushBytes(events: readonly QueuedRecheck[]): number {
  return new TextEncoder().encode(JSON.stringify(events)).length;
}

/** Where a run that ran out of time stopped: the phase, the page (its cursor) and the item on that page. */
interface Bookmark {
  phase: RecheckItem['kind'];
  cursor?: string;
  index: number;
}

const PHASES: readonly RecheckItem['kind'][] = ['token', 'connection'];

/** Every item from the bookmark on, each with its own position; `item` is absent for one not due. */
async function* dueItems(
  deps: AppDeps,
  now: Date,
  all: boolean,
  from: Bookmark | undefined,
): AsyncGenerator<{ item?: RecheckItem & { limitKey: string }; at: Bookmark }> {
  const due = (checkedAt: string | undefined) => all || isDue(checkedAt, now);
  for (const phase of PHASES.slice(from ? PHASES.indexOf(from.phase) : 0)) {
    const resume = from?.phase === phase ? from : undefined;
    let cursor = resume?.cursor;
    let skip = resume?.index ?? 0;
    do {
      const page = await deps.store.list<unknown>(phase === 'token' ? keys.tokenCheckPrefix : keys.connectionPrefix, {
        limit: PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      });
      for (const [index, { value }] of page.items.entries()) {
        if (index < skip) continue;
        const at: Bookmark = { phase, ...(cursor ? { cursor } : {}), index };
        yield { at, ...(await dueItem(deps, phase, value, due)) };
      }
      cursor = page.cursor;
      skip = 0;
    } while (cursor);
  }
}

async function dueItem(
  deps: AppDeps,
  phase: RecheckItem['kind'],
  value: unknown,
  due: (checkedAt: string | undefined) => boolean,
): Promise<{ item?: RecheckItem & { limitKey: string } }> {
  if (phase === 'token') {
    const token = value as TokenCheckSummary;
    if (!token.recheck || !due(token.checkedAt)) return {};
    const report = await deps.store.get<TokenReport>(keys.tokenReport(token.accountId));
    return report ? { item: { kind: 'token', id: token.accountId, limitKey: report.site } } : {};
  }
  const connection = value as StoredConnection;
  if (!due((await loadStatus(deps.store, connection.id)).lastReport?.checkedAt)) return {};
  return { item: { kind: 'connection', id: connection.id, limitKey: TOKEN_ENDPOINT_LIMIT } };
}

async function* listAll<T>(store: Store, prefix: string): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await store.list<T>(prefix, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    for (const item of page.items) yield item.value;
    cursor = page.cursor;
  } while (cursor);
}

function isDue(lastChecked: string | undefined, now: Date): boolean {
  const last = lastChecked ? Date.parse(lastChecked) : Number.NaN;
  return Number.isNaN(last) || now.getTime() - last >= RECHECK_AFTER_MS;
}

export type ConsumeOutcome = 'checked' | 'already-checked' | 'rate-limited' | 'nothing-to-check' | 'failed';

/** One consumer invocation: checks one item within `budgetMs` (the consumer's timeout), or puts it back after a 429. */
export async function consumeRecheck(event: RecheckEvent, appDeps: AppDeps, budgetMs = CONSUMER_LIMIT_MS): Promise<ConsumeOutcome> {
  const day = dayOf(appDeps.clock.now());
  const done = keys.recheckDone(day, itemKey(event));
  if (!(await appDeps.store.claim(done, { ttlSeconds: DONE_MARK_SECONDS }))) return 'already-checked';
  const limit = { retryAfterSeconds: undefined as number | undefined };
  const deps: AppDeps = {
    ...appDeps,
    // No retry waits here: the queue waits instead, and the invocation's time goes to checks.
    checkDeps: { ...withDeadline(appDeps.checkDeps, budgetMs - STORE_MARGIN_MS), fetch: watchRateLimit(appDeps.checkDeps.fetch, limit), maxRetries: 0 },
  };
  const keep = () => limit.retryAfterSeconds === undefined;
  try {
    const checked = event.kind === 'token' ? await recheckToken(event.id, deps, keep) : (await recheckConnection(event.id, deps, keep), true);
    if (!keep()) {
      await appDeps.store.delete(done);
      const delayInSeconds = Math.min(MAX_DELAY_SECONDS, Math.max(1, limit.retryAfterSeconds ?? 1));
      await appDeps.recheckQueue.push([{ event: { ...event, attempt: event.attempt + 1 }, delayInSeconds }]);
      return 'rate-limited';
    }
    return checked ? 'checked' : 'nothing-to-check';
  } catch (error) {
    await appDeps.store.set(keys.recheckFailed(day, itemKey(event)), { at: appDeps.clock.now().toISOString() }, { ttlSeconds: DONE_MARK_SECONDS });
    appDeps.log(`recheck of ${itemKey(event)} failed: ${error instanceof Error ? error.name : 'error'}`);
    return 'failed';
  }
}

/** Notes the longest Retry-After of any 429 (or 503 with one) the check saw; the answer itself goes on unchanged. */
function watchRateLimit(fetch: FetchLike, limit: { retryAfterSeconds: number | undefined }): FetchLike {
  return async (url, init) => {
    const response = await fetch(url, init);
    if (response.status === 429 || (response.status === 503 && response.headers.get('retry-after') !== null)) {
      const seconds = Number(response.headers.get('retry-after'));
      limit.retryAfterSeconds = Math.max(limit.retryAfterSeconds ?? 1, Number.isFinite(seconds) ? Math.ceil(seconds) : 1);
    }
    return response;
  };
}

export async function recheckStatus(deps: AppDeps): Promise<RecheckStatus> {
  const day = dayOf(deps.clock.now());
  const last = await deps.store.get<LastRun>(keys.recheckLastRun);
  const checkedToday = await count(deps.store, keys.recheckDonePrefix(day));
  const queuedToday = await count(deps.store, keys.recheckQueuedPrefix(day));
  return {
    ...(last ? { lastRun: last.at } : {}),
    due: last?.due ?? 0,
    queued: Math.max(0, queuedToday - checkedToday),
    checkedToday,
    failedToday: await count(deps.store, keys.recheckFailedPrefix(day)),
  };
}

async function count(store: Store, prefix: string): Promise<number> {
  let n = 0;
  for await (const _ of listAll(store, prefix)) n += 1;
  return n;
}
