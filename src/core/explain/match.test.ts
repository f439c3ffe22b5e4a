import { describe, expect, it } from 'vitest';
import { entryOf, matchOperation, normalisePath, suggestOperations } from './match';

const CLOUD_ID = '1f0c5d2e-7b3a-4c8e-9d41-6a2b8c0fe9a2';

describe('entryOf', () => {
  it('tells the gateway, a site, another product, a missing Cloud ID and other hosts apart', () => {
    expect(entryOf('https://api.atlassian.com', `/ex/jira/${CLOUD_ID}/rest/api/3/myself`)).toEqual({
      kind: 'gateway',
      cloudId: CLOUD_ID,
      jiraPath: '/rest/api/3/myself',
    });
    expect(entryOf('https://api.atlassian.com', `/ex/confluence/${CLOUD_ID}/rest/api/content`)).toEqual({
      kind: 'gateway-other-product',
      product: 'confluence',
    });
    expect(entryOf('https://api.atlassian.com', '/rest/api/3/myself')).toEqual({ kind: 'gateway-no-cloud-id', jiraPath: '/rest/api/3/myself' });
    expect(entryOf('https://acme.atlassian.net', '/rest/api/3/myself')).toEqual({ kind: 'site', host: 'acme.atlassian.net', jiraPath: '/rest/api/3/myself' });
    expect(entryOf('https://legacy.jira.com', '/rest/api/3/myself')).toMatchObject({ kind: 'site' });
    expect(entryOf('https://jira.acme.com', '/rest/api/2/myself')).toMatchObject({ kind: 'other-host', host: 'jira.acme.com' });
    expect(entryOf(undefined, '/rest/api/3/myself')).toEqual({ kind: 'path', jiraPath: '/rest/api/3/myself' });
  });
});

describe('normalisePath', () => {
  it('reads v2 and latest as the catalog’s version, and drops trailing and doubled slashes', () => {
    expect(normalisePath('/rest/api/2/issue/ACME-1')).toMatchObject({ path: '/rest/api/3/issue/ACME-1', note: expect.stringContaining('v2') });
    expect(normalisePath('/rest/api/latest/myself')).toMatchObject({ path: '/rest/api/3/myself' });
    expect(normalisePath('/rest/agile/latest/board/')).toMatchObject({ path: '/rest/agile/1.0/board' });
    expect(normalisePath('/rest//api/3/myself/')).toEqual({ path: '/rest/api/3/myself' });
  });
});

describe('matchOperation', () => {
  it('resolves templates and takes GET when no method is given', () => {
    expect(matchOperation('GET', '/rest/agile/1.0/board/12/sprint').operation?.operationId).toBe('getAllSprints');
    const assumed = matchOperation(undefined, '/rest/api/3/issue/ACME-1');
    expect(assumed).toMatchObject({ assumedMethod: 'GET', otherMethods: ['PUT', 'DELETE'] });
    expect(assumed.operation?.operationId).toBe('getIssue');
  });

  it('takes the only method a path has, and names the methods when the given one has none', () => {
    expect(matchOperation(undefined, '/rest/api/3/search/approximate-count')).toMatchObject({ assumedMethod: 'POST' });
    expect(matchOperation('PATCH', '/rest/agile/1.0/board')).toMatchObject({ otherMethods: ['GET', 'POST'], suggestions: [] });
  });

  it('suggests the nearest templates for a typo, a plural or a wrong version', () => {
    expect(suggestOperations('GET', '/rest/api/3/isue/ACME-1').map((op) => `${op.method} ${op.path}`)[0]).toBe('GET /rest/api/3/issue/{issueIdOrKey}');
    expect(suggestOperations('GET', '/rest/agile/1.0/boards/12/sprints').map((op) => op.path)).toContain('/rest/agile/1.0/board/{boardId}/sprint');
    expect(suggestOperations('GET', '/rest/agile/1/board').map((op) => op.path)[0]).toBe('/rest/agile/1.0/board');
    expect(suggestOperations('GET', '/rest/nothing/at/all/here')).toEqual([]);
  });
});
