/**
 * Forge's async events queue in-process, for local mode and tests: the same push limits (50 events, 200 KB,
 * delays up to 900 s), delays on the app's clock (a fake clock jumps to the next due event), and at most
 * RECHECK_CONCURRENCY events of one limit key at a time, like Forge's concurrency key.
 */
import type { Clock } from '../../core/ports';
import type { QueuedRecheck, RecheckEvent, RecheckQueue } from '../../forge/ports';
import { MAX_DELAY_SECONDS, MAX_EVENTS_PER_PUSH, MAX_PUSH_BYTES, pushBytes, RECHECK_CONCURRENCY } from '../../forge/recheck';

interface Pending {
  event: RecheckEvent;
  readyAt: number;
}

export type Consume = (event: RecheckEvent) => Promise<unknown>;

export class InProcessQueue implements RecheckQueue {
  private pending: Pending[] = [];
  private draining: Promise<void> | undefined;
  private consume: Consume | undefined;
  /** Events per push, in order: tests check the limits were kept. */
  readonly pushes: number[] = [];
  /** Most events of one limit key that ran at once. */
  readonly peakConcurrency = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly concurrency = RECHECK_CONCURRENCY,
  ) {}

  /** From now on every push is consumed in the background with `consume` (local mode). */
  consumeWith(consume: Consume): void {
    this.consume = consume;
  }

  async push(events: readonly QueuedRecheck[]): Promise<void> {
    if (events.length === 0) throw new Error('no events to push');
    if (events.length > MAX_EVENTS_PER_PUSH) throw new Error(`at most ${MAX_EVENTS_PER_PUSH} events per push`);
    if (pushBytes(events) > MAX_PUSH_BYTES) throw new Error(`at most ${MAX_PUSH_BYTES} bytes per push`);
    const now = this.clock.now().getTime();
    for (const { event, delayInSeconds = 0 } of events) {
      if (delayInSeconds < 0 || delayInSeconds > MAX_DELAY_SECONDS) throw new Error(`delayInSeconds must be 0…${MAX_DELAY_SECONDS}`);
      this.pending.push({ event: structuredClone(event), readyAt: now + delayInSeconds * 1000 });
    }
    this.pushes.push(events.length);
    const consume = this.consume;
    if (consume && !this.draining) {
      this.draining = this.drain(consume)
        .catch((error: unknown) => console.error(`re-check queue stopped: ${error instanceof Error ? error.name : 'error'}`))
        .finally(() => (this.draining = undefined));
    }
  }

  /** Settles when the background consumer (consumeWith) has nothing left to run. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  get size(): number {
    return this.pending.length;
  }

  /** Runs events until none is left, delayed ones once the clock reaches them. */
  async drain(consume: Consume): Promise<void> {
    const running = new Map<Promise<void>, string>();
    const perKey = new Map<string, number>();
    while (this.pending.length > 0 || running.size > 0) {
      const now = this.clock.now().getTime();
      for (const item of [...this.pending]) {
        const key = item.event.limitKey;
        const busy = perKey.get(key) ?? 0;
        if (item.readyAt > now || busy >= this.concurrency) continue;
        this.pending.splice(this.pending.indexOf(item), 1);
        perKey.set(key, busy + 1);
        this.peakConcurrency.set(key, Math.max(this.peakConcurrency.get(key) ?? 0, busy + 1));
        const run: Promise<void> = consume(item.event)
          .then(() => undefined)
          .finally(() => {
            running.delete(run);
            perKey.set(key, (perKey.get(key) ?? 1) - 1);
          });
        running.set(run, key);
      }
      if (running.size > 0) {
        await Promise.race(running.keys());
        continue;
      }
      const next = Math.min(...this.pending.map((p) => p.readyAt));
      if (Number.isFinite(next)) await this.clock.sleep(Math.max(0, next - now));
    }
  }
}
