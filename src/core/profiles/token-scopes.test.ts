import { describe, expect, it } from 'vitest';
import { analyzeCoverage } from '../scope-coverage';
import { vendorFix } from './fixes';
import { requireProfile } from './index';
import { profileScopes, profileTokenScopes, tokenView } from './token-scopes';

describe('profileScopes', () => {
  it('is the vendor list, then the capabilities’ explicit scopes (Kendis DC: its one permission)', () => {
    const dc = requireProfile('kendis-dc-oauth');
    expect(profileScopes(dc).slice(0, dc.vendorScopes.length)).toEqual(dc.vendorScopes);
    expect(profileScopes(dc)).toEqual(['ADMIN', 'READ', 'WRITE', 'ADMIN']);
  });
});

describe('profileTokenScopes', () => {
  it('is the guide’s token list where it has one (OneConnect: classic scopes only)', () => {
    const full = requireProfile('oneconnect-oauth-full');
    expect(profileTokenScopes(full)).toEqual([...(full.tokenScopes ?? [])].sort());
    expect(profileTokenScopes(full)).not.toContain('read:board-scope:jira-software');
  });

  it('is otherwise the vendor list plus explicit capability scopes, without offline_access', () => {
    const kendis = requireProfile('kendis-user-token');
    expect(profileTokenScopes(kendis)).toEqual([...kendis.vendorScopes].sort());
    expect(profileTokenScopes(requireProfile('targetprocess'))).not.toContain('offline_access');
  });
});

describe('tokenView', () => {
  it('judges a OneConnect token by its own list: holding it all, nothing is missing', () => {
    const full = requireProfile('oneconnect-oauth-full');
    const view = tokenView(full);
    expect(view).toBe(tokenView(full));
    expect(analyzeCoverage(view, full.tokenScopes ?? [])).toMatchObject({ verdict: 'pass', missing: [] });
    expect(analyzeCoverage(view, (full.tokenScopes ?? []).filter((s) => s !== 'write:jira-work')).missing).toEqual(['write:jira-work']);
  });

  it('leaves a profile without a token list as it is', () => {
    const kendis = requireProfile('kendis-user-token');
    expect(tokenView(kendis)).toBe(kendis);
  });
});

describe('vendorFix', () => {
  const values = { gatewayUrl: 'https://api.atlassian.com/ex/jira/c1', cloudId: 'c1', site: 'acme.atlassian.net' };
  it('speaks the vendor’s language: Kendis has "Using Scope API", OneConnect a Cloud ID field', () => {
    expect(vendorFix(requireProfile('kendis-user-token'), 'scopedTokenBaseUrl', values)).toContain('enable "Using Scope API"');
    expect(vendorFix(requireProfile('oneconnect-oauth-full'), 'scopedTokenBaseUrl', values)).toContain('enter the Cloud ID c1');
    expect(vendorFix(requireProfile('targetprocess'), 'scopedTokenBaseUrl', values)).toBeUndefined();
    expect(vendorFix(undefined, 'scopedTokenBaseUrl', values)).toBeUndefined();
  });
});
