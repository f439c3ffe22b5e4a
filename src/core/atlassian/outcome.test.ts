import { describe, expect, it } from 'vitest';
import { classifyReply, evidenceOf, parseRetryAfterSeconds, SCOPE_CHECK_FAILURE } from './outcome';

const NOW = Date.parse('2026-11-25T09:00:00Z');
function classify(status: number, body: unknown = '', headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return classifyReply('GET /x', { status, text, header: (n) => headers[n] ?? null }, 1, NOW);
}

describe('classifyReply', () => {
  it('parses JSON on 2xx and treats an empty body as null', () => {
    expect(classify(200, { a: 1 })).toMatchObject({ kind: 'ok', body: { a: 1 } });
    expect(classify(204)).toMatchObject({ kind: 'ok', body: null });
  });
  it('calls a 2xx that is not JSON malformed', () => {
    expect(classify(200, '<html>').kind).toBe('malformed');
  });
  it('tells a scope mismatch from bad credentials by the failure category header', () => {
    expect(classify(401, { code: 401, message: 'Unauthorized; scope does not match' }, { 'X-Failure-Category': SCOPE_CHECK_FAILURE }).kind).toBe('scope-mismatch');
    expect(classify(401, { error: 'access_denied', error_description: 'Unauthorized' })).toMatchObject({ kind: 'invalid-credentials', errorCode: 'access_denied' });
  });
  it('reads OAuth error bodies on 403', () => {
    expect(classify(403, { error: 'invalid_grant', error_description: 'Invalid authorization code' })).toMatchObject({ kind: 'forbidden', errorCode: 'invalid_grant' });
    expect(classify(403, { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' }).kind).toBe('expired');
    expect(classify(403, { error: 'unauthorized_client' }).kind).toBe('expired');
  });
  it('tells Jira’s own error JSON from any other body', () => {
    // The recorded answer for an issue that does not exist.
    expect(classify(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} })).toMatchObject({ kind: 'not-found', jiraErrorShape: true });
    expect(classify(400, { errorMessages: [], errors: { jql: 'The JQL query is required.' } })).toMatchObject({ jiraErrorShape: true });
    expect(classify(404)).toMatchObject({ jiraErrorShape: false });
    expect(classify(404, { message: 'Not Found' })).toMatchObject({ jiraErrorShape: false });
    expect(classify(404, { errorMessages: ['No errors object'] })).toMatchObject({ jiraErrorShape: false });
    expect(classify(404, '<html>Not Found</html>')).toMatchObject({ jiraErrorShape: false });
  });
  it.each([
    [400, 'bad-request'],
    [404, 'not-found'],
    [409, 'bad-request'],
    [429, 'rate-limited'],
    [500, 'server-error'],
    [503, 'server-error'],
    [302, 'unexpected'],
  ])('%i → %s', (status, kind) => {
    expect(classify(status).kind).toBe(kind);
  });
  it('keeps Retry-After and shows no body text in evidence', () => {
    const outcome = classify(429, { message: 'slow down' }, { 'Retry-After': '3' });
    expect(outcome).toMatchObject({ retryAfterSeconds: 3 });
    expect(evidenceOf(outcome)).toEqual({ request: 'GET /x', outcome: 'rate-limited', httpStatus: 429, retryAfterSeconds: 3 });
  });
});

describe('parseRetryAfterSeconds', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfterSeconds('7', NOW)).toBe(7);
    expect(parseRetryAfterSeconds('Wed, 25 Nov 2026 09:00:05 GMT', NOW)).toBe(5);
    expect(parseRetryAfterSeconds('Wed, 25 Nov 2026 08:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfterSeconds('soon', NOW)).toBeUndefined();
  });
});
