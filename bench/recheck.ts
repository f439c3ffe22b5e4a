/**
 * Re-check throughput against an Atlassian that rate-limits each site: how much of the sites' rate limit
 * the queue's consumers use (requests the emulator let through per second ÷ the limit; goal ≥ 0.9), beside
 * the serial loop the hourly trigger used to run (one check after another inside its 55 s), and the peak
 * memory of one consumer invocation. Real time on loopback, scaled down; prints, never asserts.
 */
import { performance } from 'node:perf_hooks';
import { systemClock } from '../src/core/ports';
import { TRIGGER_LIMIT_MS, STORE_MARGIN_MS } from '../src/forge/limits';
import { enqueueDue } from '../src/forge/recheck';
import { startFleet, type Fleet } from '../test/support/recheck-fleet';

const SITES = 3;
const RATE_PER_SECOND = 20;
const LATENCY_MS = 50;
const TOKENS = 600;

export interface RecheckBenchResult {
  queue: { checks: number; seconds: number; ofLimit: number; requeued: number };
  serial: { checks: number; seconds: number; ofLimitWhileRunning: number; ofLimitPerHour: number };
  consumerPeakRssMb: number;
  consumerHeapGrowthMb: number;
}

async function fleet(): Promise<Fleet> {
  const started = await startFleet({ tokens: TOKENS, connections: 0, sites: SITES, ratePerSecond: RATE_PER_SECOND, requestMs: 0, clock: systemClock });
  started.emulator.faults.latency(LATENCY_MS);
  return started;
}

/** Requests the emulator let through per second and site, ÷ the limit. */
function ofLimit(run: Fleet, seconds: number): number {
  const admitted = [...run.emulator.faults.admitted.values()].reduce((a, b) => a + b, 0);
  return admitted / seconds / SITES / RATE_PER_SECOND;
}

export async function runRecheckBench(log: (line: string) => void = console.log): Promise<RecheckBenchResult> {
  const queued = await fleet();
  let start = performance.now();
  await enqueueDue(queued.deps);
  await queued.deps.recheckQueue.drain((event) => queued.consume(event));
  let seconds = (performance.now() - start) / 1000;
  const queue = {
    checks: queued.invocations.filter((i) => i.outcome === 'checked').length,
    seconds,
    ofLimit: ofLimit(queued, seconds),
    requeued: queued.invocations.filter((i) => i.outcome === 'rate-limited').length,
  };
  await queued.close();

  // The old trigger: the same checks one after another. 10 s of it tell its rate; it ran 50 s of each hour.
  const serialFleet = await fleet();
  const events = serialFleet.items.map((item) => ({ kind: 'token' as const, id: item.slice('token:'.length), limitKey: 'serial', attempt: 1 }));
  start = performance.now();
  const budgetMs = Math.min(10_000, TRIGGER_LIMIT_MS - STORE_MARGIN_MS);
  for (const event of events) {
    if (performance.now() - start > budgetMs) break;
    await serialFleet.consume(event);
  }
  seconds = (performance.now() - start) / 1000;
  const whileRunning = ofLimit(serialFleet, seconds);
  const serial = {
    checks: serialFleet.invocations.filter((i) => i.outcome === 'checked').length,
    seconds,
    ofLimitWhileRunning: whileRunning,
    ofLimitPerHour: (whileRunning * (TRIGGER_LIMIT_MS - STORE_MARGIN_MS)) / 3_600_000,
  };

  // One consumer invocation on its own: the process's resident memory sampled while it runs.
  const [one] = events;
  let peak = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 1);
  await serialFleet.consume({ ...one!, id: events.at(-1)!.id });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const consumerHeapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  await serialFleet.close();

  const result = { queue, serial, consumerPeakRssMb: peak / 2 ** 20, consumerHeapGrowthMb };
  log(`\nRe-checks, ${TOKENS} opted-in tokens on ${SITES} sites, each site limited to ${RATE_PER_SECOND} requests/s, ${LATENCY_MS} ms per answer`);
  log(
    `  queue (${queue.checks} checked in ${queue.seconds.toFixed(1)} s, ${queue.requeued} put back after a 429): ${queue.ofLimit.toFixed(2)} of the rate limit`,
  );
  log(
    `  serial loop (${serial.checks} checked in ${serial.seconds.toFixed(1)} s): ${serial.ofLimitWhileRunning.toFixed(2)} of the rate limit while it runs, ${serial.ofLimitPerHour.toFixed(3)} over each hour (50 s of its 3,600)`,
  );
  log(
    `  one consumer invocation: peak RSS ${result.consumerPeakRssMb.toFixed(0)} MB (the whole bench process; Forge allows 512 MB), heap growth ${consumerHeapGrowthMb.toFixed(1)} MB`,
  );
  return result;
}
