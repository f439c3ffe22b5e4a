import type { FetchLike } from '../../core/ports';
import type { Notifier } from '../ports';

/** Long enough for a chat app's webhook; short enough to leave the trigger its time for the re-checks. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * A Notifier over a fetch: Forge's egress-controlled `fetch` (only the webhook hosts manifest.yml declares),
 * or Node's locally. Redirects are not followed, so a post cannot end up on another host.
 */
export function fetchNotifier(fetch: FetchLike): Notifier {
  return {
    async post(url, body) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      return { status: response.status };
    },
  };
}
