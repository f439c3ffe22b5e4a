/**
 * How close a date is, the one way both pages, the timeline and the reminders read it. "Today" is the UTC
 * calendar day of `now`; a date counts in whole UTC days from it. An expiry date of today is `expired`: the
 * date says nothing of the hour, and by some hour of that day the token stops working.
 */
import { InputError } from '../model';
import { parseIsoDate } from '../checks/input';
import { pluralise } from '../text';

const DAY_MS = 86_400_000;

/** Days before the date at which its state changes, and at which a reminder goes out: the one source of both. */
export const EXPIRY_THRESHOLDS = [30, 7, 1] as const;
export type ExpiryThreshold = (typeof EXPIRY_THRESHOLDS)[number];

export type ExpiryState = 'ok' | 'due-30' | 'due-7' | 'tomorrow' | 'expired';

export interface Expiry {
  /** `YYYY-MM-DD` */
  date: string;
  /** Whole days from today; 0 or less is expired. */
  days: number;
  state: ExpiryState;
  /** "in 6 days", "tomorrow", "today", "expired 2 days ago". */
  countdown: string;
}

/** Whole days from today (UTC) to the date; negative once it has passed. */
export function daysUntil(date: string, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((parseIsoDate(date, 'expiresOn').getTime() - today) / DAY_MS);
}

const STATE_AT: Record<ExpiryThreshold, ExpiryState> = { 30: 'due-30', 7: 'due-7', 1: 'tomorrow' };

export function expiryState(days: number): ExpiryState {
  if (days <= 0) return 'expired';
  // The tightest threshold the date is within.
  const threshold = [...EXPIRY_THRESHOLDS].reverse().find((limit) => days <= limit);
  return threshold === undefined ? 'ok' : STATE_AT[threshold];
}

/** The reminder a state calls for: its threshold, 0 for expired, none for `ok`. */
export function reminderThreshold(state: ExpiryState): ExpiryThreshold | 0 | undefined {
  if (state === 'expired') return 0;
  const entry = Object.entries(STATE_AT).find(([, value]) => value === state);
  return entry ? (Number(entry[0]) as ExpiryThreshold) : undefined;
}

export function countdown(days: number): string {
  if (days > 1) return `in ${days} days`;
  if (days === 1) return 'tomorrow';
  if (days === 0) return 'today';
  return `expired ${pluralise(-days, 'day')} ago`;
}

/** "expires in 6 days", "expires today", "expired 2 days ago": the countdown as what the item does. */
export function expiresPhrase(days: number): string {
  return days < 0 ? countdown(days) : `expires ${countdown(days)}`;
}

/** Throws InputError for a date that is not `YYYY-MM-DD` or does not exist. */
export function expiryOf(date: string, now: Date): Expiry {
  const days = daysUntil(date, now);
  return { date, days, state: expiryState(days), countdown: countdown(days) };
}

/** A stored date read again: undefined when it no longer reads (edited by hand, an old format), never a throw. */
export function readExpiry(date: string, now: Date): Expiry | undefined {
  try {
    return expiryOf(date, now);
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

/** Atlassian lets an API token live 1 to 365 days. */
export const TOKEN_LIFETIME_DAYS = { min: 1, max: 365 } as const;

/** The expiry date a person enters for their token: a real date, 1 to 365 days from today. */
export function requireTokenExpiry(date: string, now: Date): string {
  const days = daysUntil(date, now);
  if (days < TOKEN_LIFETIME_DAYS.min || days > TOKEN_LIFETIME_DAYS.max) {
    const first = isoDay(now, TOKEN_LIFETIME_DAYS.min);
    const last = isoDay(now, TOKEN_LIFETIME_DAYS.max);
    throw new InputError(
      `An API token expires 1 to 365 days after today: enter a date from ${first} to ${last}, as shown at id.atlassian.com → Security → API tokens`,
      'expiresOn',
    );
  }
  return date.trim();
}

/** Atlassian's refresh tokens: they lapse after 90 days unused, and 365 days after consent whatever happens. */
export const REFRESH_TOKEN_DAYS = { idle: 90, absolute: 365 } as const;

export interface RefreshTokenWindows {
  /** When the consent test got its refresh token (the test's time). */
  issuedAt: string;
  /** A refresh token issued then lapses on this day at the latest: consent again before it. */
  reconsentBy: string;
  /** It lapses on this day already if it is never used. */
  idleBy: string;
}

/** The windows of a refresh token issued at `issuedAt` (an ISO time), as UTC days. */
export function refreshTokenWindows(issuedAt: string): RefreshTokenWindows {
  const issued = new Date(issuedAt);
  if (Number.isNaN(issued.getTime())) throw new InputError(`"${issuedAt}" is not a time`, 'issuedAt');
  return { issuedAt, reconsentBy: isoDay(issued, REFRESH_TOKEN_DAYS.absolute), idleBy: isoDay(issued, REFRESH_TOKEN_DAYS.idle) };
}

/**
 * A consent test's refresh-token windows read against now: undefined when it got no refresh token. Scope
 * Doctor dropped that token at once; the dates are when one issued at that consent would lapse.
 */
export function refreshTokenExpiry(consent: { checkedAt: string; refreshTokenIssued?: boolean }, now: Date): (RefreshTokenWindows & Expiry) | undefined {
  if (!consent.refreshTokenIssued || Number.isNaN(Date.parse(consent.checkedAt))) return undefined;
  const windows = refreshTokenWindows(consent.checkedAt);
  return { ...windows, ...expiryOf(windows.reconsentBy, now) };
}

/** The UTC day `days` after `from`'s, as `YYYY-MM-DD`. */
export function isoDay(from: Date, days: number): string {
  return new Date(from.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** One line of the expiry timeline: a person's API token, or the refresh token a connection's consent test got. */
export interface ExpiringItem extends Expiry {
  kind: 'token' | 'refresh-token';
  /** The person's accountId, or the connection's id. */
  id: string;
  /** The person's display name, or the connection's name. */
  name: string;
  /** Refresh tokens: when the consent test got it, and when it lapses if never used. */
  issuedAt?: string;
  idleBy?: string;
}

/** Soonest first; one day's items by name. */
export function byDate(a: ExpiringItem, b: ExpiringItem): number {
  return a.date.localeCompare(b.date) || a.name.localeCompare(b.name);
}

/** What an item is, in words a reminder and a banner both use. */
export function describeExpiring(item: ExpiringItem): string {
  if (item.kind === 'token') {
    return `${item.name}’s API token ${expiresPhrase(item.days)} (${item.date})`;
  }
  const lapse = item.days < 0 ? `lapsed ${item.countdown.replace('expired ', '')}` : `lapses ${item.countdown}`;
  return `${item.name}: a refresh token issued at its consent test ${lapse} (${item.date}); consent again before then`;
}
