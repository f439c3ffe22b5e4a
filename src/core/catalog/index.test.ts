import { describe, expect, it } from 'vitest';
import { allOperations, allScopes, findOperation, getScope, operationsForScope, probesForScope, scopeKind, scopeSetsFor, scopesForLabel } from './index';

describe('scope catalog', () => {
  it('holds every operation and scope of the specs', () => {
    expect(allOperations()).toHaveLength(724);
    expect(allScopes().length).toBeGreaterThanOrEqual(239);
  });

  it('resolves template paths, concrete paths and other parameter names to the same operation', () => {
    expect(findOperation('GET', '/rest/agile/1.0/sprint/{sprintId}')?.operationId).toBe('getSprint');
    expect(findOperation('get', '/rest/agile/1.0/sprint/42?fields=name')?.operationId).toBe('getSprint');
    expect(findOperation('GET', '/rest/agile/1.0/sprint/{id}')?.operationId).toBe('getSprint');
    expect(findOperation('DELETE', '/rest/agile/1.0/sprint/7')?.operationId).toBe('deleteSprint');
  });

  it('prefers a literal segment over a parameter', () => {
    expect(findOperation('GET', '/rest/api/3/issue/picker')?.operationId).toBe('getIssuePickerResource');
    expect(findOperation('GET', '/rest/api/3/issue/ACME-1')?.operationId).toBe('getIssue');
  });

  it('returns undefined for paths and methods the specs do not have', () => {
    expect(findOperation('GET', '/rest/api/3/nothing-here')).toBeUndefined();
    expect(findOperation('PATCH', '/rest/agile/1.0/board')).toBeUndefined();
    expect(findOperation('GET', '')).toBeUndefined();
  });

  it('keeps all-of sets: the board list needs board scope and project scope together', () => {
    expect(scopeSetsFor('GET', '/rest/agile/1.0/board')).toEqual([{ kind: 'granular', scopes: ['read:board-scope:jira-software', 'read:project:jira'] }]);
  });

  it('maps console titles and spec descriptions to scopes, ignoring case and punctuation', () => {
    expect(scopesForLabel('View sprints')).toEqual(['read:sprint:jira-software']);
    expect(scopesForLabel('view boards backlogs and related items')).toEqual(['read:board-scope:jira-software']);
    expect(scopesForLabel('Update and delete sprints')).toEqual(['write:sprint:jira-software']);
    expect(scopesForLabel('View projects.')).toEqual(['read:project:jira']);
    expect(scopesForLabel('nonsense title')).toEqual([]);
  });

  it('tells a scope kind, product and action', () => {
    expect(scopeKind('read:jira-work')).toBe('classic');
    expect(scopeKind('read:sprint:jira-software')).toBe('granular');
    expect(scopeKind('read:sprint:jira')).toBeUndefined();
    expect(getScope('write:epic:jira-software')).toMatchObject({ product: 'jira-software', action: 'write' });
  });

  it('lists operations per scope and probes for read scopes', () => {
    const ops = operationsForScope('read:sprint:jira-software');
    expect(ops.some((op) => op.operationId === 'getSprint')).toBe(true);
    expect(probesForScope('read:sprint:jira-software')[0]).toMatchObject({ method: 'GET' });
    expect(probesForScope('write:sprint:jira-software')).toEqual([]);
  });
});
