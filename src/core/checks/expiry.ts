import { API_TOKENS_PAGE } from '../atlassian/pages';
import { countdown, expiryState } from '../expiry';
import type { CheckResult } from '../model';
import type { TokenKindDetected } from './types';
import { pluralise } from '../text';

/**
 * The expiry date the person entered, read against what the token itself just did: a date past for a token
 * that works is a wrong date, not an expired token; a refused token's future date says nothing. Undefined
 * when the date adds nothing to the report.
 */
export function expiryResult(expiresOn: string, days: number, kind: TokenKindDetected): CheckResult | undefined {
  const base = { id: 'token.expiry', evidence: { expiresOn, daysToExpiry: days } } satisfies Partial<CheckResult>;
  const renew = `Create a new API token at ${API_TOKENS_PAGE} and update it in the integration.`;
  const ago = `${pluralise(-days, 'day')} ago`;
  const works = kind === 'classic' || kind === 'scoped';
  if (days < 0) {
    if (works) {
      return {
        ...base,
        title: 'The expiry date you entered seems wrong',
        status: 'warn',
        detail: `${expiresOn} was ${ago}, but Jira accepted the token just now, so it has not expired.`,
        fix: `Look the token up at ${API_TOKENS_PAGE} and enter the expiry date shown there.`,
        urls: [API_TOKENS_PAGE],
      };
    }
    if (kind === 'invalid') {
      return {
        ...base,
        title: `Expired on ${expiresOn}`,
        status: 'fail',
        detail: `Jira refused the token, and it expired ${ago}.`,
        fix: renew,
        urls: [API_TOKENS_PAGE],
      };
    }
    // Whether the token works is not known here, so the date alone cannot fail the check.
    return {
      ...base,
      title: `Expired on ${expiresOn}, by the date you entered`,
      status: 'warn',
      detail: `By that date it expired ${ago}.`,
      fix: renew,
      urls: [API_TOKENS_PAGE],
    };
  }
  if (kind === 'invalid') return undefined;
  // Atlassian's own reminder comes a day before, to the owner only: warn from the first reminder threshold on.
  if (expiryState(days) !== 'ok') {
    return {
      ...base,
      title: `Expires ${countdown(days)} (${expiresOn})`,
      status: 'warn',
      detail: 'The integration stops working when it expires.',
      fix: `Before then: ${renew}`,
      urls: [API_TOKENS_PAGE],
    };
  }
  return {
    ...base,
    title: `Expires in ${days} days (${expiresOn})`,
    status: 'pass',
    detail: 'Atlassian cannot be asked for the expiry; this is the date you entered.',
  };
}
