import type { CheckDeps } from '../ports';
import { systemClock } from '../ports';
import { OUT_OF_TIME, timeLeft } from './deadline';
import { classifyReply, type FailedOutcome, type Outcome } from './outcome';

export const DEFAULT_TIMEOUT_MS = 8000;
export const DEFAULT_MAX_RETRIES = 2;
const BACKOFF_BASE_MS = 500;
/** Longer waits than this are not worth it inside a 25 s resolver: report rate-limited instead. */
const MAX_RETRY_WAIT_MS = 5000;
/** A retry with less time than this before the deadline would hardly get an answer: it is not sent. */
const MIN_ATTEMPT_MS = 500;

export type Credentials = { basic: { email: string; token: string } } | { bearer: string } | { none: true };

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  /** What evidence shows: method and path, never host, query or credentials. */
  label: string;
  auth: Credentials;
  json?: unknown;
  /** An `application/x-www-form-urlencoded` body (OAuth 2.0 token endpoints per RFC 6749); not with `json`. */
  form?: Record<string, string>;
}

/**
 * Sends one request and classifies the reply; never throws. Retries 429 and 503 with `Retry-After` or an
 * exponential backoff with jitter, at most `maxRetries` times. With a deadline, each attempt is cut off at
 * it and no retry starts that could not get an answer before it: the outcome is then a `timeout` that
 * says it ran out of time, keeping the last status seen.
 */
export async function send(deps: CheckDeps, request: ApiRequest): Promise<Outcome> {
  const clock = deps.clock ?? systemClock;
  const maxRetries = deps.maxRetries ?? DEFAULT_MAX_RETRIES;
  const random = deps.random ?? Math.random;
  let last: FailedOutcome | undefined;
  for (let attempt = 1; ; attempt++) {
    if (timeLeft(deps) <= 0) return outOfTime(request, last);
    const outcome = await sendOnce(deps, request, attempt);
    const retryable = outcome.kind === 'rate-limited' || (outcome.kind === 'server-error' && outcome.status === 503);
    if (!retryable || attempt > maxRetries) return outcome;
    const waitMs = retryWaitMs(outcome, attempt, random);
    if (waitMs > MAX_RETRY_WAIT_MS) return outcome;
    if (waitMs + MIN_ATTEMPT_MS > timeLeft(deps)) return outOfTime(request, outcome);
    last = outcome;
    await clock.sleep(waitMs);
  }
}

/** The deadline came before an answer worth having: inconclusive, with the last answer's status kept. */
function outOfTime(request: ApiRequest, last: FailedOutcome | undefined): FailedOutcome {
  if (!last) return { kind: 'timeout', request: request.label, attempts: 0, reason: `${request.label} was not sent: the check ${OUT_OF_TIME}` };
  return { ...last, kind: 'timeout', reason: `${request.label} answered ${last.status ?? last.kind} and the check ${OUT_OF_TIME} to retry` };
}

/** Retry-After when the server gave one, else 500 ms · 2^(n-1) with "equal jitter" (half fixed, half random). */
export function retryWaitMs(outcome: FailedOutcome, attempt: number, random: () => number): number {
  if (outcome.retryAfterSeconds !== undefined) return outcome.retryAfterSeconds * 1000;
  const ceiling = BACKOFF_BASE_MS * 2 ** (attempt - 1);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

async function sendOnce(deps: CheckDeps, request: ApiRequest, attempt: number): Promise<Outcome> {
  const controller = new AbortController();
  const left = timeLeft(deps);
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cutByDeadline = left < timeoutMs;
  const timer = setTimeout(() => controller.abort(), Math.max(0, cutByDeadline ? left : timeoutMs));
  try {
    const response = await deps.fetch(request.url, {
      method: request.method,
      headers: headersFor(request),
      body: bodyOf(request),
      signal: controller.signal,
      redirect: 'manual',
    });
    const text = await response.text();
    const nowMs = (deps.clock ?? systemClock).now().getTime();
    return classifyReply(request.label, { status: response.status, text, header: (n) => response.headers.get(n) }, attempt, nowMs);
  } catch {
    // The error itself is not kept: some fetch implementations echo the request, credentials included.
    if (controller.signal.aborted) {
      const reason = cutByDeadline ? `${request.label} got no answer before the check ${OUT_OF_TIME}` : `${request.label} got no answer within ${timeoutMs} ms`;
      return { kind: 'timeout', request: request.label, attempts: attempt, reason };
    }
    return { kind: 'network-error', request: request.label, attempts: attempt, reason: `${request.label} could not reach the server` };
  } finally {
    clearTimeout(timer);
  }
}

function bodyOf(request: ApiRequest): string | undefined {
  if (request.form !== undefined) return new URLSearchParams(request.form).toString();
  return request.json === undefined ? undefined : JSON.stringify(request.json);
}

function headersFor(request: ApiRequest): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.form !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  else if (request.json !== undefined) headers['Content-Type'] = 'application/json';
  if ('basic' in request.auth) {
    const { email, token } = request.auth.basic;
    headers.Authorization = `Basic ${base64Utf8(`${email}:${token}`)}`;
  } else if ('bearer' in request.auth) {
    headers.Authorization = `Bearer ${request.auth.bearer}`;
  }
  return headers;
}

/** Base64 of UTF-8 bytes with web APIs only, so core runs the same in Node, Forge and a browser. */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
