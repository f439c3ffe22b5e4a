import { describe, expect, it } from 'vitest';
import { AUTH_MISMATCH_FAILURE, classifyReply, evidenceOf, parseRetryAfterSeconds, SCOPE_CHECK_FAILURE } from './outcome';

const NOW = Date.parse('2026-11-25T09:00:00Z');
function classify(status: number, body: unknown = '', headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  // Header names are case-insensitive, as in fetch's Headers.
  const byName = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return classifyReply('GET /x', { status, text, header: (n) => byName.get(n.toLowerCase()) ?? null }, 1, NOW);
}
const SCOPE_BODY = { code: 401, message: 'Unauthorized; scope does not match' };

describe('classifyReply', () => {
  it('parses JSON on 2xx and treats an empty body as null', () => {
    expect(classify(200, { a: 1 })).toMatchObject({ kind: 'ok', body: { a: 1 } });
    expect(classify(204)).toMatchObject({ kind: 'ok', body: null });
  });
  it('calls a 2xx that is not JSON malformed', () => {
    expect(classify(200, '<html>').kind).toBe('malformed');
  });
  it.each([
    ['header and body', SCOPE_BODY, { 'X-Failure-Category': SCOPE_CHECK_FAILURE }],
    ['the header alone, any case of its name', '', { 'x-failure-category': SCOPE_CHECK_FAILURE }],
    ['the body alone (a client that kept no headers)', SCOPE_BODY, {}],
  ])('reads a scope mismatch from %s', (_, body, headers) => {
    const outcome = classify(401, body, headers);
    expect(outcome.kind).toBe('scope-mismatch');
    expect(evidenceOf(outcome)).toMatchObject({ outcome: 'scope-mismatch', httpStatus: 401 });
  });
  it('keeps the failure category, and reads the auth-mismatch category as bad credentials', () => {
    expect(evidenceOf(classify(401, SCOPE_BODY, { 'X-Failure-Category': SCOPE_CHECK_FAILURE }))).toMatchObject({ failureCategory: SCOPE_CHECK_FAILURE });
    const badCredentials = classify(401, '', { 'x-failure-category': AUTH_MISMATCH_FAILURE });
    expect(badCredentials).toMatchObject({ kind: 'invalid-credentials', failureCategory: AUTH_MISMATCH_FAILURE });
    expect(evidenceOf(badCredentials)).toMatchObject({ failureCategory: AUTH_MISMATCH_FAILURE });
    // The header says which check failed: a scope sentence in the body does not overrule it.
    expect(classify(401, SCOPE_BODY, { 'X-Failure-Category': AUTH_MISMATCH_FAILURE }).kind).toBe('invalid-credentials');
  });
  it('reads any other 401 as bad credentials', () => {
    expect(classify(401, { error: 'access_denied', error_description: 'Unauthorized' })).toMatchObject({
      kind: 'invalid-credentials',
      errorCode: 'access_denied',
    });
    expect(classify(401, 'Client must be authenticated to access this resource.').kind).toBe('invalid-credentials');
  });
  it('reads OAuth error bodies on 403', () => {
    expect(classify(403, { error: 'invalid_grant', error_description: 'Invalid authorization code' })).toMatchObject({
      kind: 'forbidden',
      errorCode: 'invalid_grant',
    });
    expect(classify(403, { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' }).kind).toBe('expired');
    expect(classify(403, { error: 'unauthorized_client' }).kind).toBe('expired');
  });
  it('tells Jira’s own error JSON from any other body', () => {
    // The recorded answer for an issue that does not exist.
    expect(classify(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} })).toMatchObject({
      kind: 'not-found',
      jiraErrorShape: true,
    });
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
