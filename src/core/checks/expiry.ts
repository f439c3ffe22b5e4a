import type { CheckResult } from '../model';
import { parseIsoDate } from './input';

const DAY_MS = 86_400_000;
/** Atlassian's own reminder comes a day before, to the owner only: warn two weeks ahead. */
export const EXPIRY_WARNING_DAYS = 14;

/** Whole days from today (UTC) to the expiry date; negative once it has passed. */
export function daysUntil(expiresOn: string, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((parseIsoDate(expiresOn, 'expiresOn').getTime() - today) / DAY_MS);
}

export function expiryResult(expiresOn: string, days: number): CheckResult {
  const base = { id: 'token.expiry', evidence: { expiresOn, daysToExpiry: days } };
  const renew = 'Create a new API token at https://id.atlassian.com/manage-profile/security/api-tokens and update it in the integration.';
  if (days < 0) return { ...base, title: `Expired on ${expiresOn}`, status: 'fail', detail: `The token expired ${-days} day${-days === 1 ? '' : 's'} ago.`, fix: renew };
  if (days <= EXPIRY_WARNING_DAYS) {
    const when = days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`;
    return { ...base, title: `Expires ${when} (${expiresOn})`, status: 'warn', detail: 'The integration stops working when it expires.', fix: `Before then: ${renew}` };
  }
  return { ...base, title: `Expires in ${days} days (${expiresOn})`, status: 'pass', detail: 'Atlassian cannot be asked for the expiry; this is the date you entered.' };
}
