import { describe, expect, it } from 'vitest';
import { parseScopeList } from '../scopes';
import { offlineAccessResult, scopeListResults } from './scope-list';

const results = (text: string, asWritten: boolean) => {
  const parsed = parseScopeList(text);
  return scopeListResults('scopes', parsed.scopes, parsed.findings, { asWritten });
};

describe('scopeListResults', () => {
  it('fails a capital or a stray space when judging as written, and only warns (with the fix) otherwise', () => {
    expect(results('read:issue:Jira\nread: sprint:jira-software', true).map((r) => [r.status, r.fix])).toEqual([
      ['fail', 'Use read:issue:jira'],
      ['fail', 'Use read:sprint:jira-software'],
    ]);
    expect(results('read:issue:Jira', false).map((r) => r.status)).toEqual(['warn']);
  });

  it('puts the scope a fix asks for on the result, and none where the fix is a choice', () => {
    expect(results('read:issue:Jira\nView sprints', true).map((r) => r.scopesToAdd)).toEqual([['read:issue:jira']]);
    expect(results('View issues', true)[0]?.scopesToAdd).toBeUndefined();
    expect(offlineAccessResult('consent', [], true, 'fail')?.scopesToAdd).toEqual(['offline_access']);
  });

  it('asks for the scope string of an ambiguous title, and passes plain titles', () => {
    expect(results('View issues', true)).toEqual([
      expect.objectContaining({
        status: 'warn',
        fix: 'Paste the scope string the console shows under the title instead: read:issue:jira or read:issue:jira-software.',
      }),
    ]);
    expect(results('View sprints', true).map((r) => r.status)).toEqual(['pass']);
  });

  it('gives every warning a fix, an empty list included', () => {
    const parsed = parseScopeList('');
    const [empty] = scopeListResults('scopes', parsed.scopes, parsed.findings);
    expect(empty).toMatchObject({ status: 'warn', fix: expect.stringContaining('Paste the scopes') });
  });
});

describe('offlineAccessResult', () => {
  it('is information for a console list without it, a failure when a consent returned no refresh token', () => {
    expect(offlineAccessResult('oauth.scopes', ['read:jira-work'], true, 'info')).toMatchObject({
      status: 'info',
      detail: expect.stringContaining('consent test'),
    });
    expect(offlineAccessResult('oauth.scopes', ['read:jira-work'], true, 'info')?.fix).toBeUndefined();
    expect(offlineAccessResult('consent', [], true, 'fail')).toMatchObject({ status: 'fail', fix: expect.stringContaining('offline_access') });
    expect(offlineAccessResult('oauth.scopes', ['offline_access'], true, 'info')?.status).toBe('pass');
    expect(offlineAccessResult('oauth.scopes', [], false, 'info')).toBeUndefined();
  });
});
