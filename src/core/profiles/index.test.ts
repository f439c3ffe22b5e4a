import { describe, expect, it } from 'vitest';
import { findOperation, getScope, scopesForLabel } from '../catalog';
import { InputError } from '../model';
import { isRecognisedScope, parseScopeList } from '../scopes';
import { builtinProfiles, getProfile, parseCustomProfile, requireProfile } from './index';

describe('built-in profiles', () => {
  it('has one profile per configuration in the guides, with the agreed ids', () => {
    expect(builtinProfiles.map((p) => p.id)).toEqual([
      'kendis-cloud-oauth',
      'kendis-user-token',
      'kendis-dc-oauth',
      'oneconnect-classic-token',
      'oneconnect-oauth-readonly',
      'oneconnect-oauth-full',
      'targetprocess',
    ]);
    expect(builtinProfiles.every((p) => p.source === 'builtin')).toBe(true);
  });

  for (const profile of builtinProfiles) {
    it(`${profile.id}: every operation is in the catalog and open to scopes, every scope recognised`, () => {
      for (const capability of profile.capabilities) {
        expect((capability.operations?.length ?? 0) + (capability.scopes?.length ?? 0), capability.name).toBeGreaterThan(0);
        for (const ref of capability.operations ?? []) {
          const operation = findOperation(ref.method, ref.path);
          expect(operation?.path, `${ref.method} ${ref.path}`).toBe(ref.path);
          expect(operation?.scopeSets.length).toBeGreaterThan(0);
        }
        for (const scope of capability.scopes ?? []) expect(isRecognisedScope(scope), scope).toBe(true);
      }
      for (const scope of profile.vendorScopes) expect(isRecognisedScope(scope), scope).toBe(true);
    });

    it(`${profile.id}: its scope list lints clean and survives the custom-profile schema`, () => {
      // offline_access goes in the authorize request, not necessarily in the guide's console list.
      const lint = parseScopeList(profile.vendorScopes.join('\n'));
      const blocking = lint.findings.filter((f) => f.severity !== 'info' && f.problem !== 'mixed-kinds' && f.problem !== 'empty');
      expect(blocking).toEqual([]);
      expect(parseCustomProfile(JSON.stringify(profile))).toEqual({ ...profile, source: 'custom' });
    });
  }

  it('kendis-cloud-oauth: the six console permissions of the guide, as required capabilities and scopes', () => {
    const profile = requireProfile('kendis-cloud-oauth');
    const titles = ['View projects', 'View boards, backlogs, and related items', 'View epics and related issues', 'Update epics', 'View sprints'];
    expect(profile.capabilities.map((c) => [c.name, c.certainty])).toEqual([
      ...titles.map((title) => [title, 'required']),
      // "Update and delete sprints" is write:sprint:jira-software, which updates; deleting needs another scope.
      ['Update sprints', 'required'],
      ['Delete sprints', 'likely'],
    ]);
    expect(profile.vendorScopes).toEqual([...titles, 'Update and delete sprints'].flatMap((title) => scopesForLabel(title)));
    expect(profile.capabilities.at(-1)).toMatchObject({ ask: 'deletes sprints', description: expect.stringContaining('delete:sprint:jira-software') });
  });

  it('every capability says how sure it is, and only Kendis’s sprint deletion is a guess', () => {
    const likely = builtinProfiles.flatMap((p) => p.capabilities.filter((c) => c.certainty !== 'required').map((c) => `${p.id}: ${c.name}`));
    expect(likely).toEqual(['kendis-cloud-oauth: Delete sprints']);
    for (const profile of builtinProfiles) for (const c of profile.capabilities) expect(['required', 'likely']).toContain(c.certainty);
  });

  it('oneconnect OAuth: the API token is asked for the guide’s classic scopes only', () => {
    const full = requireProfile('oneconnect-oauth-full');
    expect(full.tokenScopes).toHaveLength(11);
    expect(full.tokenScopes?.every((scope) => getScope(scope)?.kind === 'classic')).toBe(true);
    expect(requireProfile('oneconnect-oauth-readonly').tokenScopes).toEqual(['read:jira-work', 'read:jira-user', 'read:servicedesk-request', 'read:servicemanagement-insight-objects']);
  });

  it('kendis-user-token: a scoped token with the guide’s 20 scopes', () => {
    const profile = requireProfile('kendis-user-token');
    expect(profile.tokenKind).toBe('scoped-token');
    expect(profile.vendorScopes).toHaveLength(20);
  });

  it('kendis-dc-oauth: a Data Center link with the Admin permission and no Cloud operations', () => {
    const profile = requireProfile('kendis-dc-oauth');
    expect(profile.tokenKind).toBe('dc-oauth');
    expect(profile.vendorScopes).toEqual(['ADMIN']);
    expect(profile.capabilities.flatMap((c) => c.operations ?? [])).toEqual([]);
  });

  it('oneconnect: both callback URLs, 22 scopes for bi-directional sync and their read subset for read-only', () => {
    const full = requireProfile('oneconnect-oauth-full');
    const readOnly = requireProfile('oneconnect-oauth-readonly');
    const urls = ['https://my.oneconnect.ai/oauth/jira/callback', 'https://eu.oneconnect.ai/oauth/jira/callback'];
    expect(full.callbackUrls).toEqual(urls);
    expect(readOnly.callbackUrls).toEqual(urls);
    expect(full.vendorScopes).toHaveLength(22);
    expect(full.vendorScopes).toContain('read:issue:jira');
    expect(full.vendorScopes).toContain('read:board-scope:jira-software');
    expect(readOnly.vendorScopes).toEqual(full.vendorScopes.filter((s) => s.startsWith('read:')));
    expect(requireProfile('oneconnect-classic-token').tokenKind).toBe('classic-token');
  });

  it('targetprocess: 13 scopes plus offline_access, which it needs', () => {
    const profile = requireProfile('targetprocess');
    expect(profile.needsOfflineAccess).toBe(true);
    expect(profile.vendorScopes.filter((s) => s !== 'offline_access')).toHaveLength(13);
  });
});

describe('profile lookup', () => {
  it('finds built-in profiles by id', () => {
    expect(getProfile('targetprocess')?.vendor).toBe('Targetprocess');
    expect(getProfile('nope')).toBeUndefined();
  });

  it('names the valid ids when an id is wrong', () => {
    expect(() => requireProfile('kendis')).toThrow(InputError);
    expect(() => requireProfile('kendis')).toThrow(/unknown profile "kendis"; valid profiles: kendis-cloud-oauth, .*targetprocess/);
  });
});
