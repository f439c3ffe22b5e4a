import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../model';
import type { ResultId } from './result-ids';
import { requireProfile } from '../profiles';
import { parseScopeList } from '../scopes';
import { grantFromConsent, scopeSourceResults } from './scope-source';
import type { ConsentReport, ConsentedGrant } from './types';

const kendis = requireProfile('kendis-cloud-oauth');
const targetprocess = requireProfile('targetprocess');
const READ_AT = '2026-11-25T09:00:00.000Z';
const withoutSprintWrite = kendis.vendorScopes.filter((s) => s !== 'write:sprint:jira-software');
const grant = (scopes: readonly string[], refreshTokenIssued = true): ConsentedGrant => ({ scopes: [...scopes].sort(), readAt: READ_AT, refreshTokenIssued });
const byId = (results: readonly CheckResult[], id: ResultId) => results.find((r) => r.id === id);

describe('scopeSourceResults', () => {
  it('judges the consented grant over the pasted list, and names the scopes that differ', () => {
    const outcome = scopeSourceResults({ pasted: parseScopeList(kendis.vendorScopes.join('\n')), profile: kendis, grant: grant(withoutSprintWrite) });
    expect(outcome.source).toMatchObject({ used: 'consent', readAt: READ_AT, onlyPasted: ['write:sprint:jira-software'], onlyGranted: [] });
    expect(byId(outcome.results, 'oauth.scopes.source')).toMatchObject({ status: 'info', title: 'Scopes judged from the consented grant' });
    expect(byId(outcome.results, 'oauth.scopes.difference')?.detail).toContain('Pasted but not granted: write:sprint:jira-software');
    // The pasted list holds the scope, the grant does not: the grant decides.
    expect(outcome.coverage?.missing).toEqual(['write:sprint:jira-software']);
    expect(byId(outcome.results, 'oauth.coverage.missing')?.fix).toContain('run the consent test again');
    expect(byId(outcome.results, 'oauth.coverage.missing')?.scopesToAdd).toEqual(['write:sprint:jira-software']);
  });

  it('says the pasted list is unverified when there is no grant', () => {
    const outcome = scopeSourceResults({ pasted: parseScopeList(kendis.vendorScopes.join(' ')), profile: kendis });
    expect(outcome.source).toEqual({ used: 'pasted', pasted: [...kendis.vendorScopes] });
    expect(byId(outcome.results, 'oauth.scopes.source')).toMatchObject({ status: 'info', title: 'Scopes judged from the pasted list (unverified)' });
    expect(byId(outcome.results, 'oauth.scopes.source')?.detail).toContain('consent test');
    expect(outcome.coverage?.missing).toEqual([]);
  });

  it('is unknown, never fail, with neither a grant nor a pasted list, and says how to find out', () => {
    const outcome = scopeSourceResults({ pasted: parseScopeList(''), profile: kendis });
    expect(outcome.source.used).toBe('none');
    expect(outcome.coverage).toBeUndefined();
    expect(outcome.results).toEqual([expect.objectContaining({ id: 'oauth.scopes.source', status: 'unknown', fix: expect.stringContaining('consent test') })]);
  });

  it('judges a grant alone, with no lint of a list nobody pasted', () => {
    const outcome = scopeSourceResults({ pasted: parseScopeList(''), profile: kendis, grant: grant(kendis.vendorScopes) });
    expect(outcome.source.onlyPasted).toBeUndefined();
    expect(outcome.results.some((r) => r.id.startsWith('oauth.scopes.lint'))).toBe(false);
    expect(outcome.coverage?.missing).toEqual([]);
  });

  it('keeps the pasted list’s typos as notes once the grant decides', () => {
    const pasted = parseScopeList('read:project:Jira\nread: board-scope:jira-software');
    const alone = scopeSourceResults({ pasted, profile: kendis });
    expect(alone.results.filter((r) => r.id.startsWith('oauth.scopes.lint')).map((r) => r.status)).toEqual(['warn', 'warn']);
    const withGrant = scopeSourceResults({ pasted, profile: kendis, grant: grant(kendis.vendorScopes) });
    const notes = withGrant.results.filter((r) => r.id.startsWith('oauth.scopes.lint'));
    expect(notes.map((r) => r.status)).toEqual(['info', 'info']);
    expect(notes.every((r) => r.fix === undefined)).toBe(true);
  });

  it('settles offline_access with the consent test’s refresh token', () => {
    const console = targetprocess.vendorScopes.filter((s) => s !== 'offline_access');
    const pasted = parseScopeList(console.join(' '));
    expect(byId(scopeSourceResults({ pasted, profile: targetprocess }).results, 'oauth.scopes.offline-access')?.status).toBe('info');
    expect(byId(scopeSourceResults({ pasted, profile: targetprocess, grant: grant(console) }).results, 'oauth.scopes.offline-access')).toMatchObject({
      status: 'pass',
      title: 'offline_access granted',
    });
    expect(byId(scopeSourceResults({ pasted, profile: targetprocess, grant: grant(console, false) }).results, 'oauth.scopes.offline-access')?.status).toBe(
      'fail',
    );
  });

  it('says when the two lists agree', () => {
    const outcome = scopeSourceResults({
      pasted: parseScopeList(kendis.vendorScopes.join(',')),
      profile: kendis,
      grant: grant([...kendis.vendorScopes, 'offline_access']),
    });
    expect(byId(outcome.results, 'oauth.scopes.difference')).toMatchObject({ status: 'pass', title: 'The pasted list matches the consented grant' });
  });
});

describe('grantFromConsent', () => {
  const consent: ConsentReport = {
    subject: 'Consent test for demo-client',
    verdict: 'fail',
    checkedAt: READ_AT,
    results: [],
    clientId: 'demo-client',
    resources: [
      { id: 'a', name: 'Acme', url: 'https://acme.atlassian.net', scopes: ['read:sprint:jira-software', 'read:project:jira'] },
      { id: 'b', name: 'Globex', url: 'https://globex.atlassian.net', scopes: ['read:project:jira'] },
    ],
    refreshTokenIssued: true,
  };
  it('takes the union of the sites’ scopes and when they were read', () => {
    expect(grantFromConsent(consent, 'demo-client')).toEqual({
      scopes: ['read:project:jira', 'read:sprint:jira-software'],
      readAt: READ_AT,
      refreshTokenIssued: true,
    });
  });
  it('has none for another app, a consent that read no site, or none at all', () => {
    expect(grantFromConsent(consent, 'another-client')).toBeUndefined();
    expect(grantFromConsent({ ...consent, resources: [] }, 'demo-client')).toBeUndefined();
    expect(grantFromConsent(undefined, 'demo-client')).toBeUndefined();
  });
});
