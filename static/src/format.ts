/** Small formatting helpers shared by both pages. */
import { pluralise } from '../../src/core/text';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "2 min ago", "3 h ago", "5 days ago". */
export function timeAgo(iso: string, now: number = Date.now()): string {
  const elapsed = now - Date.parse(iso);
  if (Number.isNaN(elapsed)) return 'at an unknown time';
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  const days = Math.floor(elapsed / DAY);
  return `${pluralise(days, 'day')} ago`;
}

/** "set · ends in …1a2b": all the UI ever shows of a stored secret. */
export function describeSecret(hint: { set: boolean; endsWith?: string }): string {
  if (!hint.set) return 'not set';
  if (!hint.endsWith) return 'set';
  return `set · ends in ${hint.endsWith.startsWith('…') ? hint.endsWith : `…${hint.endsWith}`}`;
}
