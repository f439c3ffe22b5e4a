import type { Outcome } from '../atlassian';

/**
 * How auth.atlassian.com's token endpoint refused an authorization-code exchange, in the recorded forms:
 * `bad-client` for `401 access_denied`, `bad-code` for the code's refusal (today's `400 invalid_request`,
 * the older reports' `403 invalid_grant`), undefined for anything else.
 */
export function tokenRefusal(outcome: Outcome): 'bad-client' | 'bad-code' | undefined {
  if (outcome.kind === 'ok') return undefined;
  if (outcome.status === 401 && outcome.errorCode === 'access_denied') return 'bad-client';
  if (outcome.status === 400 && outcome.errorCode === 'invalid_request') return 'bad-code';
  if (outcome.status === 403 && outcome.errorCode === 'invalid_grant') return 'bad-code';
  return undefined;
}
