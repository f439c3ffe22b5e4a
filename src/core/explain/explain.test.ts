import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requireProfile } from '../profiles';
import { explainText, type ExplainContext, type RequestExplanation } from './explain';

const CLOUD_ID = '1f0c5d2e-7b3a-4c8e-9d41-6a2b8c0fe9a2';
const OTHER_CLOUD_ID = '7c3e9a10-2d4b-4f6a-8b1c-0e5d7f9a3b64';
const GATEWAY = `https://api.atlassian.com/ex/jira/${CLOUD_ID}`;
const SITE = { host: 'acme.atlassian.net', cloudId: CLOUD_ID };
const NOW = new Date('2026-11-24T10:00:00Z');
const HAR = readFileSync(new URL('../../../test/fixtures/traffic/kendis-sync.har', import.meta.url), 'utf8');

function one(text: string, context: ExplainContext = {}): RequestExplanation {
  const report = explainText(text, context, NOW);
  expect(report.requests).toHaveLength(1);
  return report.requests[0]!;
}

function result(explanation: RequestExplanation, id: string) {
  return explanation.results.find((r) => r.id === id);
}

describe('explain: the issue’s log line', () => {
  const line = `ERROR 401 Unauthorized; scope does not match on GET ${GATEWAY}/rest/agile/1.0/board/12/sprint?state=active`;

  it('names the operation, its granular-only scope and the scope failure; the query is ignored', () => {
    const explanation = one(line, { site: SITE });
    expect(explanation).toMatchObject({
      request: `GET ${GATEWAY}/rest/agile/1.0/board/12/sprint`,
      operation: { method: 'GET', path: '/rest/agile/1.0/board/{boardId}/sprint', operationId: 'getAllSprints' },
      scopeSets: [{ kind: 'granular', scopes: ['read:sprint:jira-software'] }],
      granularOnly: true,
      verdict: 'fail',
    });
    expect(result(explanation, 'explain.operation')?.detail).toContain('Query string ignored');
    expect(result(explanation, 'explain.scopes')?.detail).toContain(
      'classic scopes (read:jira-work, write:jira-work…) do not allow Jira Software (agile) endpoints',
    );
    expect(result(explanation, 'explain.reply')).toMatchObject({ status: 'fail', title: '401: refused for a missing scope' });
    expect(result(explanation, 'explain.reply')?.fix).toContain('read:sprint:jira-software');
    expect(result(explanation, 'explain.cloud-id')).toMatchObject({ status: 'pass' });
  });

  it('with a granted list, names exactly the scope to add and the token fix', () => {
    const explanation = one(`curl -u ana@acme.example:demo-token ${GATEWAY}/rest/agile/1.0/board/12/sprint?state=active`, {
      granted: { scopes: ['read:board-scope:jira-software', 'read:project:jira', 'read:jira-work'], source: 'the pasted scopes' },
    });
    expect(explanation.missing).toEqual(['read:sprint:jira-software']);
    expect(result(explanation, 'explain.grant')).toMatchObject({
      status: 'fail',
      fix: 'Create a new API token with read:sprint:jira-software added (the scopes of an existing token cannot change).',
    });
  });

  it('with a granted list that covers it, says so', () => {
    const explanation = one(`GET ${GATEWAY}/rest/agile/1.0/board`, {
      granted: { scopes: ['read:board-scope:jira-software', 'read:project:jira'], source: 'the grant' },
    });
    expect(result(explanation, 'explain.grant')).toMatchObject({ status: 'pass', title: 'Allowed by the grant' });
    expect(explanation.verdict).toBe('pass');
  });

  it('with a profile, reads the guide’s list and asks the vendor about a gap', () => {
    const explanation = one(`GET ${GATEWAY}/rest/agile/1.0/board/12/sprint/7/issue`, { profile: requireProfile('kendis-user-token') });
    expect(explanation.missing).toEqual(['read:issue-details:jira', 'read:jql:jira']);
    expect(result(explanation, 'explain.grant')).toMatchObject({ status: 'warn' });
    expect(result(explanation, 'explain.grant')?.fix).toMatch(
      /^Create a new API token with read:issue-details:jira, read:jql:jira added .*Ask Kendis whether its guide should list them\.$/,
    );
  });
});

describe('explain: what the status and headers say', () => {
  it('bad credentials on the gateway: the auth-mismatch category, not a scope', () => {
    const explanation = one([`GET ${GATEWAY}/rest/api/3/myself`, 'HTTP/2 401', 'x-failure-category: FAILURE_CLIENT_AUTH_MISMATCH'].join('\n'));
    expect(result(explanation, 'explain.reply')).toMatchObject({
      status: 'fail',
      title: '401: the credentials were not accepted (X-Failure-Category: FAILURE_CLIENT_AUTH_MISMATCH)',
    });
    expect(result(explanation, 'explain.reply')?.detail).toContain('Whether it accepts classic (unscoped) API tokens is not known');
  });

  it('the auth-mismatch category wins over scope words anywhere else in the log', () => {
    const explanation = one(`401 FAILURE_CLIENT_AUTH_MISMATCH GET ${GATEWAY}/rest/api/3/myself retry after "scope does not match" check`);
    expect(result(explanation, 'explain.reply')?.title).toMatch(/credentials were not accepted/);
  });

  it('a scoped token on the site URL: 401 says use the gateway, with this site’s Cloud ID', () => {
    const explanation = one(
      `curl -u ana@acme.example:demo https://acme.atlassian.net/rest/api/3/myself\nHTTP/1.1 401\nClient must be authenticated to access this resource.`,
      { site: SITE },
    );
    expect(result(explanation, 'explain.reply')).toMatchObject({ status: 'fail', title: '401: a scoped API token on the site URL, or wrong credentials' });
    expect(result(explanation, 'explain.reply')?.fix).toContain(`${GATEWAY}/rest/api/3/myself`);
  });

  it('an OAuth 2.0 access token on the site URL fails before any reply is read', () => {
    const explanation = one(`curl -H 'Authorization: Bearer eyJ.demo' https://acme.atlassian.net/rest/api/3/project/search`);
    expect(result(explanation, 'explain.entry')).toMatchObject({ status: 'fail', title: 'An OAuth 2.0 access token on the site URL' });
    expect(result(explanation, 'explain.entry')?.fix).toContain('scope-doctor cloud-id acme.atlassian.net');
  });

  it('a 404 in Jira’s own words may be a permission; on the site URL also a scoped token', () => {
    const body = '{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}';
    const site = one(`GET https://acme.atlassian.net/rest/api/3/issue/ACME-7?fields=summary 404 ${body}`, { site: SITE });
    expect(result(site, 'explain.reply')).toMatchObject({ status: 'warn', title: '404 from Jira: missing, or not visible to this account' });
    expect(result(site, 'explain.reply')?.detail).toContain('scoped API token used on the site URL also gets 404');
    const gateway = one(`GET ${GATEWAY}/rest/api/3/issue/ACME-7 404 ${body}`);
    expect(result(gateway, 'explain.reply')?.detail).not.toContain('scoped API token');
  });

  it('a gateway 404 that is not Jira’s error JSON is not decided: the path or Cloud ID may be wrong', () => {
    const explanation = one(`GET ${GATEWAY}/rest/api/3/myself\nHTTP/2 404\n{}`);
    expect(result(explanation, 'explain.reply')).toMatchObject({ status: 'unknown' });
  });

  it('403 is a Jira permission, 429 and 5xx are unknown, 400 is the request itself, 2xx passes', () => {
    const status = (code: number) => result(one(`GET ${GATEWAY}/rest/api/3/myself ${code}`), 'explain.reply')?.status;
    expect(status(403)).toBe('fail');
    expect(status(429)).toBe('unknown');
    expect(status(503)).toBe('unknown');
    expect(status(400)).toBe('warn');
    expect(status(200)).toBe('pass');
  });

  it('says nothing about the reply when the paste has no status', () => {
    expect(result(one(`GET ${GATEWAY}/rest/api/3/myself`), 'explain.reply')).toBeUndefined();
  });
});

describe('explain: where the request went', () => {
  it('a Cloud ID that is not this site’s fails, with the URL to use', () => {
    const explanation = one(`GET https://api.atlassian.com/ex/jira/${OTHER_CLOUD_ID}/rest/api/3/myself`, { site: SITE });
    expect(result(explanation, 'explain.cloud-id')).toMatchObject({ status: 'fail', fix: `Use ${GATEWAY}/rest/api/3/myself.` });
  });

  it('a site name where the Cloud ID goes, and a gateway URL without /ex/jira, fail with the fix', () => {
    const named = one('GET https://api.atlassian.com/ex/jira/acme.atlassian.net/rest/api/2/myself');
    expect(result(named, 'explain.cloud-id')).toMatchObject({ status: 'fail', title: '"acme.atlassian.net" is not a Cloud ID' });
    expect(result(named, 'explain.cloud-id')?.fix).toContain('scope-doctor cloud-id acme.atlassian.net');
    expect(result(named, 'explain.operation')?.detail).toContain('read as /rest/api/3');
    const bare = one('GET https://api.atlassian.com/rest/api/3/myself', { site: SITE });
    expect(result(bare, 'explain.entry')).toMatchObject({ status: 'fail', fix: `Use ${GATEWAY}/rest/api/3/myself.` });
  });

  it('another site than this one fails', () => {
    expect(result(one('GET https://globex.atlassian.net/rest/api/3/myself', { site: SITE }), 'explain.site')).toMatchObject({ status: 'fail' });
  });

  it('a host that is not Jira Cloud is information, and the scopes are still explained', () => {
    const explanation = one('GET https://jira.acme.com/rest/api/2/myself');
    expect(result(explanation, 'explain.entry')).toMatchObject({ status: 'info' });
    expect(explanation.operation?.operationId).toBe('getCurrentUser');
  });

  it('another product through the gateway is not guessed at', () => {
    expect(one(`GET https://api.atlassian.com/ex/confluence/${CLOUD_ID}/rest/api/content`).verdict).toBe('unknown');
  });
});

describe('explain: unknown endpoints and methods', () => {
  it('offers did-you-mean over templates', () => {
    const explanation = one('GET https://acme.atlassian.net/rest/api/3/isue/ACME-1');
    expect(explanation.suggestions[0]).toBe('GET /rest/api/3/issue/{issueIdOrKey}');
    expect(result(explanation, 'explain.operation')).toMatchObject({
      status: 'unknown',
      fix: expect.stringContaining('Did you mean GET /rest/api/3/issue/{issueIdOrKey}'),
    });
  });

  it('reads a bare URL as GET and says so; names the methods a path has for a wrong one', () => {
    expect(result(one(`${GATEWAY}/rest/api/3/issue/ACME-1`), 'explain.operation')?.detail).toContain(
      'No method given: read as GET (the path also has PUT, DELETE)',
    );
    expect(result(one(`PATCH ${GATEWAY}/rest/agile/1.0/board`), 'explain.operation')).toMatchObject({
      status: 'unknown',
      detail: 'Jira has GET, POST for this path.',
    });
  });

  it('an apps-only endpoint warns: no scope allows it', () => {
    expect(result(one('GET /rest/atlassian-connect/1/service-registry'), 'explain.scopes')).toMatchObject({ status: 'warn' });
  });
});

describe('explain: a HAR with mixed methods', () => {
  it('explains each distinct request once, and the fewest scopes to add for all of them', () => {
    const granted = ['read:board-scope:jira-software', 'read:project:jira', 'read:jira-work'];
    const report = explainText(HAR, { site: SITE, granted: { scopes: granted, source: 'the token’s scopes' } }, NOW);
    expect(report.skipped).toBe(2);
    expect(report.requests.map((r) => `${r.method} ${r.operation?.path} ${r.status}`)).toEqual([
      'GET /rest/agile/1.0/board 200',
      'GET /rest/agile/1.0/board/{boardId}/sprint 401',
      'POST /rest/api/3/search/jql 200',
      'PUT /rest/agile/1.0/sprint/{sprintId} 401',
      'GET /rest/api/3/issue/{issueIdOrKey} 404',
      'POST /rest/agile/1.0/sprint/{sprintId}/issue 204',
    ]);
    // Two scope refusals of the same endpoint (state=active, state=future) are one explanation.
    expect(report.requests[1]?.at).toEqual([3, 8]);
    expect(report.missing).toEqual(['read:sprint:jira-software', 'write:sprint:jira-software']);
    expect(report.results.find((r) => r.id === 'explain.missing')).toMatchObject({ status: 'fail', title: '2 scopes to add for all 6 requests' });
    expect(report.verdict).toBe('fail');
    expect(JSON.stringify(report)).not.toMatch(/demo-har-secret-token|YW5hQGFjbWUu|demo-cookie/);
  });
});
