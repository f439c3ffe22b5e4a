import { Queue } from '@forge/events';
import type { QueuedRecheck, RecheckQueue } from '../ports';
import { RECHECK_CONCURRENCY } from '../recheck';

/** The queue's key in manifest.yml (modules.consumer[].queue). */
export const RECHECK_QUEUE_KEY = 'scope-doctor-recheck';

/** Forge's concurrency keys take letters, digits, `-` and `_`: a site host is spelled with those. */
export function concurrencyKey(limitKey: string): string {
  return `limit-${limitKey.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** Forge's async events queue: one push per call, each event limited per site by its concurrency key. */
export function forgeRecheckQueue(queue: Pick<Queue, 'push'> = new Queue({ key: RECHECK_QUEUE_KEY })): RecheckQueue {
  return {
    async push(events: readonly QueuedRecheck[]) {
      await queue.push(
        events.map(({ event, delayInSeconds }) => ({
          body: { ...event },
          ...(delayInSeconds ? { delayInSeconds } : {}),
          concurrency: { key: concurrencyKey(event.limitKey), limit: RECHECK_CONCURRENCY },
        })),
      );
    },
  };
}
