import { describe, expect, it } from 'vitest';
import { exploreCatalog, RESULT_LIMIT } from './explore';

describe('exploreCatalog', () => {
  it('explains an endpoint with its all-of scope sets', () => {
    const { endpoints, scopes } = exploreCatalog('GET /rest/agile/1.0/board');
    expect(scopes).toEqual([]);
    expect(endpoints[0]).toMatchObject({
      method: 'GET',
      path: '/rest/agile/1.0/board',
      scopeSets: [{ kind: 'granular', scopes: ['read:board-scope:jira-software', 'read:project:jira'] }],
    });
  });

  it('matches a concrete path to its template', () => {
    const { endpoints } = exploreCatalog('GET /rest/agile/1.0/sprint/42');
    expect(endpoints[0]).toMatchObject({ path: '/rest/agile/1.0/sprint/{sprintId}' });
  });

  it('finds a scope by its string, exact match first, with console titles and operations', () => {
    const { scopes } = exploreCatalog('read:sprint:jira-software');
    expect(scopes[0]).toMatchObject({ scope: 'read:sprint:jira-software', kind: 'granular' });
    expect(scopes[0]!.consoleTitles.length).toBeGreaterThan(0);
    expect(scopes[0]!.operations.length).toBeGreaterThan(0);
  });

  it('finds a scope by a console title', () => {
    const { scopes } = exploreCatalog('View boards, backlogs');
    expect(scopes.map((s) => s.scope)).toContain('read:board-scope:jira-software');
  });

  it('caps every list at the result limit', () => {
    const { scopes } = exploreCatalog('jira');
    expect(scopes).toHaveLength(RESULT_LIMIT);
    expect(exploreCatalog('/rest/api/3').endpoints).toHaveLength(RESULT_LIMIT);
    for (const scope of scopes) expect(scope.operations.length).toBeLessThanOrEqual(RESULT_LIMIT);
  });
});

describe('exploreCatalog did-you-mean', () => {
  it.each([
    ['read:sprnt:jira-software', 'read:sprint:jira-software'],
    ['read: board-scope:jira-software', 'read:board-scope:jira-software'],
    ['read:issue:Jra', 'read:issue:jira'],
    ['View sprnts', 'View sprints'],
  ])('suggests %s → %s when nothing matches', (query, suggestion) => {
    expect(exploreCatalog(query)).toEqual({ scopes: [], endpoints: [], didYouMean: suggestion });
  });
  it('suggests nothing when something matches, or nothing is close', () => {
    expect(exploreCatalog('read:sprint:jira-software').didYouMean).toBeUndefined();
    expect(exploreCatalog('zzzz:qqqq').didYouMean).toBeUndefined();
  });
});
