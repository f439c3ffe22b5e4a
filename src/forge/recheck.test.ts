import { describe, expect, it } from 'vitest';
import { ADMIN_ID, contextFor, testDeps, TEST_PROFILE, withTestProfile, type TestDeps } from '../../test/mocks/app-deps';
import { fakeFetch } from '../core/atlassian/testing';
import type { OAuthClientReport } from '../core/checks/types';
import type { RecheckEvent } from './ports';
import { consumeRecheck, enqueueDue, MAX_EVENTS_PER_PUSH, recheckStatus, TOKEN_ENDPOINT_LIMIT } from './recheck';
import { saveConnection } from './resolvers/saveConnection';

async function optedInTokens(deps: TestDeps, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `account-${String(i).padStart(4, '0')}`);
  for (const id of ids) {
    await deps.store.set(`token-check:${id}`, { accountId: id, recheck: true });
    await deps.store.set(`token-report:${id}`, { site: `site-${ids.indexOf(id) % 3}.atlassian.net` });
  }
  return ids;
}

async function savedConnection(deps: TestDeps): Promise<string> {
  await withTestProfile(deps);
  const connection = {
    name: 'Slow',
    profileId: TEST_PROFILE.id,
    clientId: 'demo-client',
    callbackUrl: 'https://example.test/cb',
    scopes: 'read:project:jira',
    clientSecret: 'demo-secret-1a2b',
  };
  const saved = await saveConnection.run({ connection }, contextFor(ADMIN_ID), deps);
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.data.id;
}

describe('the trigger', () => {
  it('only queues: at most 50 events a push, each item once a day, with the rate limit it counts against', async () => {
    const deps = testDeps();
    await optedInTokens(deps, 120);
    const pushed: RecheckEvent[] = [];
    const push = deps.recheckQueue.push.bind(deps.recheckQueue);
    deps.recheckQueue.push = async (events) => {
      pushed.push(...events.map((e) => e.event));
      return push(events);
    };

    expect(await enqueueDue(deps)).toEqual({ due: 120, queued: 120, finished: true });
    expect(deps.recheckQueue.pushes).toEqual([50, 50, 20]);
    expect(Math.max(...deps.recheckQueue.pushes)).toBeLessThanOrEqual(MAX_EVENTS_PER_PUSH);
    expect(new Set(pushed.map((e) => e.limitKey))).toEqual(new Set(['site-0.atlassian.net', 'site-1.atlassian.net', 'site-2.atlassian.net']));
    // An hour later the events are still on the queue: nothing is queued twice.
    deps.clock.advance(60 * 60 * 1000);
    expect(await enqueueDue(deps)).toEqual({ due: 120, queued: 0, finished: true });
    expect(await recheckStatus(deps)).toMatchObject({ due: 120, queued: 120, checkedToday: 0, failedToday: 0 });
    // Events lost on the way: once their queued mark has expired, a later run queues them again.
    deps.clock.advance(3 * 60 * 60 * 1000);
    expect(await enqueueDue(deps)).toEqual({ due: 120, queued: 120, finished: true });
  });

  it('stops in its time limit, and the next run queues the rest without doubling any', async () => {
    const deps = testDeps();
    const ids = await optedInTokens(deps, 100);
    const get = deps.store.get.bind(deps.store);
    // Each read takes a second: storage as slow as it gets.
    deps.store.get = async (key) => {
      deps.clock.advance(1000);
      return get(key);
    };
    const pushed: string[] = [];
    deps.recheckQueue.push = async (events) => void pushed.push(...events.map((e) => e.event.id));
    const first = await enqueueDue(deps, { budgetMs: 55_000 });
    expect(first.finished).toBe(false);
    expect(first.queued).toBeGreaterThan(0);
    let runs = 1;
    while (!(await enqueueDue(deps, { budgetMs: 55_000 })).finished) runs += 1;
    expect(runs).toBeGreaterThan(1);
    expect(pushed.sort()).toEqual(ids);
  });

  it('queues connections against the token endpoint, and none checked less than a day ago', async () => {
    const deps = testDeps();
    const id = await savedConnection(deps);
    await deps.store.set(`connection-status:${id}`, { lastReport: { checkedAt: deps.clock.now().toISOString() }, history: [] });
    expect(await enqueueDue(deps)).toEqual({ due: 0, queued: 0, finished: true });
    deps.clock.advance(20 * 60 * 60 * 1000);
    expect(await enqueueDue(deps)).toEqual({ due: 1, queued: 1, finished: true });
  });
});

describe('the consumer', () => {
  it('checks an item at most once a day, however often its event arrives', async () => {
    const deps = testDeps();
    const [id] = await optedInTokens(deps, 1);
    let looked = 0;
    deps.secrets.getSecret = async () => {
      looked += 1;
      return undefined;
    };
    const event: RecheckEvent = { kind: 'token', id: id!, limitKey: 'site-0.atlassian.net', attempt: 1 };
    expect(await consumeRecheck(event, deps)).toBe('nothing-to-check');
    expect(await consumeRecheck(event, deps)).toBe('already-checked');
    expect(looked).toBe(1);
    deps.clock.advance(24 * 60 * 60 * 1000);
    expect(await consumeRecheck(event, deps)).toBe('nothing-to-check');
    expect(looked).toBe(2);
  });

  it('puts a rate-limited item back on the queue after Retry-After (at most 900 s), keeping the last verdict', async () => {
    const deps = testDeps();
    const id = await savedConnection(deps);
    deps.checkDeps.fetch = fakeFetch(() => ({ status: 429, headers: { 'Retry-After': '1200' } }));
    const event: RecheckEvent = { kind: 'connection', id, limitKey: TOKEN_ENDPOINT_LIMIT, attempt: 1 };
    const pushed: unknown[] = [];
    deps.recheckQueue.push = async (events) => void pushed.push(...events);

    expect(await consumeRecheck(event, deps)).toBe('rate-limited');
    expect(pushed).toEqual([{ event: { ...event, attempt: 2 }, delayInSeconds: 900 }]);
    expect(await deps.store.get(`connection-status:${id}`)).toBeUndefined();
    // Not marked done: the re-enqueued event checks it.
    deps.checkDeps.fetch = fakeFetch(() => ({ status: 400, body: { error: 'invalid_request', error_description: 'authorization_code is invalid' } }));
    expect(await consumeRecheck({ ...event, attempt: 2 }, deps)).toBe('checked');
    expect(await deps.store.get(`connection-status:${id}`)).toMatchObject({ lastReport: { checkedAt: expect.any(String) } });
  });

  it('gives its check a deadline inside the consumer’s time limit: a slow Atlassian is recorded as unknown in time', async () => {
    const deps = testDeps();
    const id = await savedConnection(deps);
    const start = deps.clock.now().getTime();
    const sentAt: number[] = [];
    // Every answer takes 20 s and is a 500.
    deps.checkDeps.fetch = fakeFetch(() => {
      sentAt.push(deps.clock.now().getTime() - start);
      deps.clock.advance(20_000);
      return { status: 500, body: {} };
    });

    expect(await consumeRecheck({ kind: 'connection', id, limitKey: TOKEN_ENDPOINT_LIMIT, attempt: 1 }, deps, 55_000)).toBe('checked');
    expect(sentAt.length).toBeGreaterThan(0);
    for (const at of sentAt) expect(at).toBeLessThan(50_000);
    const status = await deps.store.get<{ lastReport: OAuthClientReport }>(`connection-status:${id}`);
    expect(status?.lastReport.verdict).toBe('unknown');
    expect(status?.lastReport.results.filter((r) => r.status === 'fail')).toEqual([]);
  });

  it('counts an error as failed for the status line, and logs no more than its name', async () => {
    const deps = testDeps();
    const [id] = await optedInTokens(deps, 1);
    deps.secrets.getSecret = async () => {
      throw new TypeError('secret store down: token abc');
    };
    expect(await consumeRecheck({ kind: 'token', id: id!, limitKey: 'x', attempt: 1 }, deps)).toBe('failed');
    expect(await recheckStatus(deps)).toMatchObject({ failedToday: 1, checkedToday: 1 });
    expect(deps.logs).toEqual([`recheck of token:${id} failed: TypeError`]);
  });
});
