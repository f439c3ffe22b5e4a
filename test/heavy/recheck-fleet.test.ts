/**
 * Issue 11's done-means: 2,000 opted-in tokens and 50 connections on 3 sites, the emulator rate-limiting each
 * site with 429s, the hourly trigger, the queue and its consumers on a fake clock over two days. Every item
 * is checked exactly once a day, no consumer runs past its deadline, and no verdict is a false `fail`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenCheckSummary } from '../../src/forge/api';
import type { ConnectionStatus } from '../../src/forge/connections';
import { CONSUMER_LIMIT_MS } from '../../src/forge/limits';
import { RECHECK_CONCURRENCY } from '../../src/forge/recheck';
import { startFleet, type Fleet } from '../support/recheck-fleet';

const TOKENS = Number(process.env.FLEET_TOKENS ?? 2000);
const CONNECTIONS = 50;
/**
 * 10 ms a request: the sites' limits are hit thousands of times. 100 ms: fewer 429s, but each invocation's
 * checks take long enough on the shared fake clock for the deadline to matter.
 */
describe.each([10, 100])('re-checks on the queue, at the size of a large site, %i ms a request', (requestMs) => {
  let fleet: Fleet;

  beforeAll(async () => {
    fleet = await startFleet({ tokens: TOKENS, connections: CONNECTIONS, sites: 3, ratePerSecond: 10, requestMs });
  });
  afterAll(async () => {
    expect(fleet.emulator.requests.every((r) => !r.mutated)).toBe(true);
    await fleet.close();
  });

  it('checks every item exactly once a day for two days, within each consumer’s deadline, never a false fail', async () => {
    const days = [fleet.clock.now().toISOString().slice(0, 10)];
    for (let hour = 0; hour < 24; hour++) await fleet.hour();
    days.push(fleet.clock.now().toISOString().slice(0, 10));
    for (let hour = 0; hour < 24; hour++) await fleet.hour();

    const checked = fleet.invocations.filter((i) => i.outcome === 'checked');
    for (const day of days) {
      const items = checked.filter((i) => i.day === day).map((i) => `${i.event.kind}:${i.event.id}`);
      expect(items.length, day).toBe(fleet.items.length);
      expect(new Set(items).size, day).toBe(fleet.items.length);
    }
    const outcomes = new Set(fleet.invocations.map((i) => i.outcome));
    expect(outcomes.has('failed')).toBe(false);
    expect(outcomes.has('nothing-to-check')).toBe(false);
    // The rate limit was really hit, and what it refused went back on the queue.
    expect(fleet.emulator.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(fleet.invocations.some((i) => i.outcome === 'rate-limited')).toBe(true);
    expect(Math.max(...fleet.invocations.map((i) => i.ms))).toBeLessThanOrEqual(CONSUMER_LIMIT_MS);
    expect(Math.max(...fleet.deps.recheckQueue.peakConcurrency.values())).toBeLessThanOrEqual(RECHECK_CONCURRENCY);
    expect(Math.max(...fleet.deps.recheckQueue.pushes)).toBeLessThanOrEqual(50);

    for (const item of fleet.items) {
      const [kind, id] = item.split(/:(.*)/s) as [string, string];
      if (kind === 'token') {
        const summary = await fleet.deps.store.get<TokenCheckSummary>(`token-check:${id}`);
        expect(summary?.verdict, item).not.toBe('fail');
        expect(summary?.checkedAt.slice(0, 10)).toBe(days[1]);
      } else {
        const status = await fleet.deps.store.get<ConnectionStatus>(`connection-status:${id}`);
        expect(status?.lastReport?.verdict, item).not.toBe('fail');
      }
    }
    console.log(
      `${requestMs} ms a request: ${checked.length} checks over two days, ${fleet.emulator.requests.filter((r) => r.status === 429).length} 429s, ` +
        `${fleet.invocations.filter((i) => i.outcome === 'rate-limited').length} put back, longest invocation ${Math.max(...fleet.invocations.map((i) => i.ms))} ms`,
    );
  }, 600_000);
});
