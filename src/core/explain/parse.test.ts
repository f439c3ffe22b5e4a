import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../model';
import { parseRequests, statusIn } from './parse';
import { tokenizeShell } from './shell';

const CLOUD_ID = '1f0c5d2e-7b3a-4c8e-9d41-6a2b8c0fe9a2';
const GATEWAY = `https://api.atlassian.com/ex/jira/${CLOUD_ID}`;
const HAR = readFileSync(new URL('../../../test/fixtures/traffic/kendis-sync.har', import.meta.url), 'utf8');

describe('parseRequests', () => {
  it('reads a bare gateway URL with a query string: path kept, query dropped, method left open', () => {
    const [request] = parseRequests(`${GATEWAY}/rest/agile/1.0/board/12/sprint?state=active`).requests;
    expect(request).toEqual({
      source: 'url',
      at: 1,
      origin: 'https://api.atlassian.com',
      path: `/ex/jira/${CLOUD_ID}/rest/agile/1.0/board/12/sprint`,
      hadQuery: true,
    });
  });

  it('reads METHOD URL and METHOD /path', () => {
    expect(parseRequests('PUT https://acme.atlassian.net/rest/api/3/issue/ACME-1').requests[0]).toMatchObject({
      source: 'method-url',
      method: 'PUT',
      origin: 'https://acme.atlassian.net',
    });
    expect(parseRequests('delete /rest/agile/1.0/sprint/7').requests[0]).toMatchObject({
      source: 'method-url',
      method: 'DELETE',
      path: '/rest/agile/1.0/sprint/7',
    });
  });

  it('reads a log line: status, method, URL and the gateway’s words, without keeping anything else visible', () => {
    const line = `2026-11-24 09:15:02,118 ERROR [sync-7] Jira call failed: 401 Unauthorized; scope does not match (GET ${GATEWAY}/rest/agile/1.0/board/12/sprint?state=active) took 85 ms`;
    const [request] = parseRequests(line).requests;
    expect(request).toMatchObject({ source: 'log', method: 'GET', status: 401, path: `/ex/jira/${CLOUD_ID}/rest/agile/1.0/board/12/sprint` });
    expect(request?.replyText).toContain('scope does not match');
  });

  it('reads a structured log line with method and status fields', () => {
    const line = `{"level":"error","method":"POST","url":"${GATEWAY}/rest/api/3/issue","statusCode":403,"msg":"request failed"}`;
    expect(parseRequests(line).requests[0]).toMatchObject({ source: 'log', method: 'POST', status: 403 });
  });

  it('adds the status, failure category and body printed on the lines after a request to it', () => {
    const text = [
      `GET ${GATEWAY}/rest/api/3/myself`,
      'HTTP/2 401',
      'x-failure-category: FAILURE_CLIENT_AUTH_MISMATCH',
      '{"code":401,"message":"Unauthorized"}',
    ].join('\n');
    expect(parseRequests(text).requests).toEqual([expect.objectContaining({ method: 'GET', status: 401, failureCategory: 'FAILURE_CLIENT_AUTH_MISMATCH' })]);
  });

  it('does not take a duration, a date or an id for the status', () => {
    expect(statusIn('2026-11-24 09:15:02 took 401 ms')).toBeUndefined();
    expect(statusIn('issue 10401 of 200000')).toBeUndefined();
    expect(statusIn('answered 404 after 12 s')).toBe(404);
    expect(statusIn('HTTP/1.1 503 Service Unavailable')).toBe(503);
    expect(statusIn('status=429')).toBe(429);
    expect(statusIn('Request failed with status code 401')).toBe(401);
  });

  it('reads curl with -u: the method, the URL and only the kind of credential', () => {
    const curl = `curl -s -u ana@acme.example:demo-api-token-secret -X PUT -H 'Content-Type: application/json' \\\n  --data '{"fields":{}}' 'https://acme.atlassian.net/rest/api/3/issue/ACME-1?notifyUsers=false'`;
    const [request] = parseRequests(curl).requests;
    expect(request).toEqual({
      source: 'curl',
      at: 2,
      method: 'PUT',
      origin: 'https://acme.atlassian.net',
      path: '/rest/api/3/issue/ACME-1',
      hadQuery: true,
      credential: 'basic',
    });
    expect(JSON.stringify(request)).not.toContain('demo-api-token');
  });

  it('reads curl with -H Authorization Basic or Bearer, --request=, data implying POST and --url', () => {
    const bearer = parseRequests(`curl --request=GET --header "Authorization: Bearer eyJhbGciOi.demo" ${GATEWAY}/rest/api/3/project/search`).requests[0];
    expect(bearer).toMatchObject({ method: 'GET', credential: 'bearer' });
    const basic = parseRequests(`$ curl -H 'Authorization: Basic YW5hOmRlbW8=' -d '{}' --url ${GATEWAY}/rest/api/3/search/jql`).requests[0];
    expect(basic).toMatchObject({ method: 'POST', credential: 'basic', path: `/ex/jira/${CLOUD_ID}/rest/api/3/search/jql` });
    const none = parseRequests(`curl -sSL -XDELETE https://acme.atlassian.net/rest/agile/1.0/sprint/7`).requests[0];
    expect(none).toMatchObject({ method: 'DELETE', credential: 'none' });
    expect(JSON.stringify([bearer, basic])).not.toMatch(/eyJhbGciOi|YW5hOmRlbW8/);
  });

  it('counts user:password in a URL as Basic credentials and drops it', () => {
    const [request] = parseRequests('GET https://ana%40acme.example:demo-secret@acme.atlassian.net/rest/api/3/myself').requests;
    expect(request).toMatchObject({ credential: 'basic', origin: 'https://acme.atlassian.net' });
    expect(JSON.stringify(request)).not.toContain('demo-secret');
  });

  it('reads a HAR: every Jira REST entry with its method, status, failure category and credential kind', () => {
    const parsed = parseRequests(HAR);
    expect(parsed.skipped).toBe(2);
    expect(parsed.requests.map((r) => [r.method, r.status, r.failureCategory ?? '-', r.credential])).toEqual([
      ['GET', 200, '-', 'basic'],
      ['GET', 401, 'FAILURE_CLIENT_SCOPE_CHECK', 'basic'],
      ['POST', 200, '-', 'basic'],
      ['PUT', 401, 'FAILURE_CLIENT_SCOPE_CHECK', 'basic'],
      ['GET', 404, '-', 'basic'],
      ['GET', 401, 'FAILURE_CLIENT_SCOPE_CHECK', 'basic'],
      ['POST', 204, '-', 'basic'],
    ]);
    expect(JSON.stringify(parsed)).not.toContain('demo-har-secret-token');
    expect(JSON.stringify(parsed)).not.toContain('YW5hQGFjbWUuZXhhbXBsZTpkZW1vLWhhci1zZWNyZXQtdG9rZW4tMWEyYg');
  });

  it('refuses what it cannot read, in one line', () => {
    expect(() => parseRequests('')).toThrow(InputError);
    expect(() => parseRequests('{"log": {}}')).toThrow(/not a HAR/);
    expect(() => parseRequests('{not json')).toThrow(/not valid JSON/);
    expect(() => parseRequests('a\u0000b')).toThrow(/binary/);
  });
});

describe('tokenizeShell', () => {
  it('splits as a shell would for the quoting curl commands use', () => {
    expect(tokenizeShell(`curl -H 'A: b c' -d "{\\"x\\": 1}" $'x\\ty' plain\\ word`)).toEqual(['curl', '-H', 'A: b c', '-d', '{"x": 1}', 'x\ty', 'plain word']);
  });
});
