import type { Evidence } from '../model';

/** Header the api.atlassian.com gateway sets on a 401, saying which of its checks failed. */
export const FAILURE_CATEGORY_HEADER = 'X-Failure-Category';
/** The credentials are fine but lack a scope the endpoint needs. */
export const SCOPE_CHECK_FAILURE = 'FAILURE_CLIENT_SCOPE_CHECK';
/** The gateway did not authenticate the credentials. */
export const AUTH_MISMATCH_FAILURE = 'FAILURE_CLIENT_AUTH_MISMATCH';
/**
 * The gateway's body for a missing scope, `{"code":401,"message":"Unauthorized; scope does not match"}`:
 * clients that keep no headers (jira.js, proxies) see only this, so it proves a scope failure on its own.
 */
export const SCOPE_MISMATCH_MESSAGE = /scope does not match/i;
/**
 * Header Jira Data Center sets when it refused to even try the credentials, e.g.
 * `CAPTCHA_CHALLENGE; login-url=…` after too many failed logins. Only its first word is kept.
 */
export const AUTH_DENIED_REASON_HEADER = 'X-Authentication-Denied-Reason';
const RATE_LIMIT_RESET_HEADER = 'X-RateLimit-Reset';

/** Replies that came back and say something definite. */
export type AnsweredKind = 'bad-request' | 'invalid-credentials' | 'scope-mismatch' | 'expired' | 'forbidden' | 'not-found';

/** Replies (or their absence) that say nothing about the credentials: a check reading them reports unknown. */
export type InconclusiveKind = 'rate-limited' | 'server-error' | 'timeout' | 'network-error' | 'malformed' | 'unexpected';

export type OutcomeKind = 'ok' | AnsweredKind | InconclusiveKind;

interface OutcomeBase {
  /** `GET /rest/api/3/myself`: what was asked, without host, query or credentials. */
  request: string;
  /** HTTP status when a reply came back. */
  status?: number;
  /** How many attempts were made (more than one after 429/503 retries). */
  attempts: number;
}

export interface OkOutcome extends OutcomeBase {
  kind: 'ok';
  status: number;
  /** Parsed JSON, or null for an empty body. */
  body: unknown;
}

export interface FailedOutcome extends OutcomeBase {
  kind: Exclude<OutcomeKind, 'ok'>;
  /** The OAuth `error` code or Jira error text from the body (`access_denied`, `invalid_grant`). */
  errorCode?: string;
  /** The body's description (`Unauthorized`, `Invalid authorization code`). */
  errorMessage?: string;
  failureCategory?: string;
  /** Jira Data Center's reason for not checking the credentials at all (`CAPTCHA_CHALLENGE`). */
  authDeniedReason?: string;
  /** Seconds the server asked us to wait, when it said so. */
  retryAfterSeconds?: number;
  /** The body is Jira's own error JSON (`{"errorMessages":[…],"errors":{…}}`), not a gateway's or proxy's. */
  jiraErrorShape?: boolean;
  /** One readable sentence on what went wrong. */
  reason: string;
}

export type Outcome = OkOutcome | FailedOutcome;

const INCONCLUSIVE: ReadonlySet<OutcomeKind> = new Set<InconclusiveKind>([
  'rate-limited',
  'server-error',
  'timeout',
  'network-error',
  'malformed',
  'unexpected',
]);

export function isInconclusive(outcome: Outcome): outcome is FailedOutcome & { kind: InconclusiveKind } {
  return INCONCLUSIVE.has(outcome.kind);
}

/** What a result may show of an outcome: status, category, error code. Never a credential. */
export function evidenceOf(outcome: Outcome): Evidence {
  const evidence: Evidence = { request: outcome.request, outcome: outcome.kind };
  if (outcome.status !== undefined) evidence.httpStatus = outcome.status;
  if (outcome.kind !== 'ok') {
    if (outcome.errorCode) evidence.error = outcome.errorCode;
    if (outcome.failureCategory) evidence.failureCategory = outcome.failureCategory;
    if (outcome.authDeniedReason) evidence.authDeniedReason = outcome.authDeniedReason;
    if (outcome.retryAfterSeconds !== undefined) evidence.retryAfterSeconds = outcome.retryAfterSeconds;
  }
  if (outcome.attempts > 1) evidence.attempts = outcome.attempts;
  return evidence;
}

export interface RawReply {
  status: number;
  text: string;
  /** A header's value by case-insensitive name, as fetch's `Headers.get`. */
  header(name: string): string | null;
}

/** Classifies one reply. Pure, so every mapping rule is unit-tested without a server. */
export function classifyReply(request: string, reply: RawReply, attempts: number, nowMs: number): Outcome {
  const { status } = reply;
  if (status >= 200 && status < 300) {
    const parsed = parseJson(reply.text);
    if (parsed === INVALID_JSON) {
      return failed('malformed', `${request} answered ${status} with a body that is not JSON`);
    }
    return { kind: 'ok', request, status, body: parsed, attempts };
  }

  const parsed = parseJson(reply.text);
  const { errorCode, errorMessage } = errorFields(parsed === INVALID_JSON ? null : parsed);
  const failureCategory = reply.header(FAILURE_CATEGORY_HEADER) ?? undefined;
  const authDeniedReason = firstWord(reply.header(AUTH_DENIED_REASON_HEADER));
  const jiraErrorShape = isJiraErrorBody(parsed);
  const base = { request, status, attempts, errorCode, errorMessage, failureCategory, jiraErrorShape, ...(authDeniedReason ? { authDeniedReason } : {}) };
  const make = (kind: FailedOutcome['kind'], reason: string): FailedOutcome => ({ kind, ...base, reason });

  if (status === 400) return make('bad-request', `${request} was rejected as a bad request (400)`);
  if (status === 401) {
    // The header, when there, says which check failed; without it the body alone can say "scope".
    const scopeFailed =
      failureCategory === SCOPE_CHECK_FAILURE || (failureCategory !== AUTH_MISMATCH_FAILURE && SCOPE_MISMATCH_MESSAGE.test(errorMessage ?? ''));
    if (scopeFailed) {
      return make('scope-mismatch', `${request} needs a scope the credentials do not have (401 scope mismatch)`);
    }
    return make('invalid-credentials', `${request} did not accept the credentials (401${failureCategory ? ` ${failureCategory}` : ''})`);
  }
  if (status === 403) {
    if (errorCode === 'unauthorized_client' || /expired|revoked|refresh token/i.test(errorMessage ?? '')) {
      return make('expired', `${request}: the grant is expired or revoked (403 ${errorCode ?? ''})`.trim());
    }
    return make('forbidden', `${request} was refused (403${errorCode ? ` ${errorCode}` : ''})`);
  }
  if (status === 404) return make('not-found', `${request} found nothing (404)`);
  if (status === 429) {
    return { ...make('rate-limited', `${request} is rate limited (429); try again later`), retryAfterSeconds: retryAfterOf(reply, nowMs) };
  }
  if (status >= 500) {
    return {
      ...make('server-error', `${request} failed on Atlassian's side (${status}); try again later`),
      retryAfterSeconds: retryAfterOf(reply, nowMs),
    };
  }
  if (status > 400 && status < 500) return make('bad-request', `${request} was rejected (${status})`);
  return make('unexpected', `${request} answered an unexpected ${status}`);

  function failed(kind: FailedOutcome['kind'], reason: string): FailedOutcome {
    return { kind, request, status, attempts, reason };
  }
}

function firstWord(value: string | null): string | undefined {
  const word = value?.split(/[;,\s]/)[0]?.trim();
  return word ? word.slice(0, 64) : undefined;
}

/** Retry-After, else the time X-RateLimit-Reset names (Atlassian: request time plus the retry period). */
function retryAfterOf(reply: RawReply, nowMs: number): number | undefined {
  const value = reply.header('Retry-After') ?? reply.header(RATE_LIMIT_RESET_HEADER);
  return value === null ? undefined : parseRetryAfterSeconds(value, nowMs);
}

/** Delay-seconds, an HTTP date or an ISO 8601 time (X-RateLimit-Reset); undefined when it is none of them. */
export function parseRetryAfterSeconds(value: string, nowMs: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

const INVALID_JSON = Symbol('invalid-json');

function parseJson(text: string): unknown {
  if (!text.trim()) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

/** OAuth errors are `{error, error_description}`; Jira's are `{errorMessages: []}` or `{message}`. */
function errorFields(body: unknown): { errorCode?: string; errorMessage?: string } {
  if (!isRecord(body)) return {};
  const errorCode = typeof body.error === 'string' ? body.error : undefined;
  const messages = Array.isArray(body.errorMessages) ? body.errorMessages.filter((m) => typeof m === 'string') : [];
  const errorMessage = typeof body.error_description === 'string' ? body.error_description : typeof body.message === 'string' ? body.message : messages[0];
  return { errorCode, errorMessage: errorMessage?.slice(0, 200) };
}

/** Jira's ErrorCollection: both fields, as Jira always writes them. */
function isJiraErrorBody(body: unknown): boolean {
  return isRecord(body) && Array.isArray(body.errorMessages) && isRecord(body.errors);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
