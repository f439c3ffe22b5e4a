import { describe, expect, it } from 'vitest';
import { builtinProfiles, requireProfile, type Capability, type Profile } from '../profiles';
import { analyzeCoverage } from './index';

const profileOf = (capabilities: Capability[], extra: Partial<Profile> = {}): Profile => ({
  id: 'test',
  name: 'Test',
  vendor: 'Test',
  tokenKind: 'oauth',
  summary: '',
  capabilities,
  needsOfflineAccess: false,
  callbackUrls: [],
  vendorScopes: [],
  source: 'custom',
  ...extra,
});

const boards: Capability = { name: 'View boards', operations: [{ method: 'GET', path: '/rest/agile/1.0/board' }] };
const issues: Capability = { name: 'Read issues', operations: [{ method: 'GET', path: '/rest/api/3/search/jql' }] };
const user: Capability = { name: 'Read users', operations: [{ method: 'GET', path: '/rest/api/3/user/search' }] };

describe('analyzeCoverage', () => {
  it('needs every scope of a set: the board list wants both scopes', () => {
    const result = analyzeCoverage(profileOf([boards]), ['read:board-scope:jira-software']);
    expect(result.verdict).toBe('fail');
    expect(result.capabilities[0]).toMatchObject({ status: 'missing', covered: false, missing: ['read:project:jira'] });
    expect(analyzeCoverage(profileOf([boards]), ['read:board-scope:jira-software', 'read:project:jira']).verdict).toBe('pass');
  });

  it('says what each named scope allows, and carries the profile’s note on a capability', () => {
    const noted: Capability = { ...boards, description: 'Listing boards needs two scopes.' };
    const result = analyzeCoverage(profileOf([noted]), ['read:board-scope:jira-software', 'read:jira-work']);
    expect(result.capabilities[0]!.note).toBe('Listing boards needs two scopes.');
    expect(Object.keys(result.scopeLabels).sort()).toEqual(['read:board-scope:jira-software', 'read:jira-work', 'read:project:jira']);
    expect(result.scopeLabels['read:project:jira']).toBe('View projects.');
  });

  it('accepts any one set: classic or granular', () => {
    const granularUsers = ['read:application-role:jira', 'read:avatar:jira', 'read:group:jira', 'read:user.property:jira', 'read:user:jira'];
    expect(analyzeCoverage(profileOf([user]), granularUsers).capabilities[0]!.status).toBe('covered');
    expect(analyzeCoverage(profileOf([user]), ['read:jira-user']).capabilities[0]!.status).toBe('covered-by-classic');
  });

  it('never lets classic read:jira-work cover an agile endpoint', () => {
    const result = analyzeCoverage(profileOf([boards]), ['read:jira-work', 'write:jira-work']);
    expect(result.capabilities[0]!.status).toBe('missing');
    expect(result.missing).toEqual(['read:board-scope:jira-software', 'read:project:jira']);
    expect(result.excess).toEqual(['read:jira-work', 'write:jira-work']);
  });

  it('completes a granular grant with granular scopes and a classic grant with classic ones', () => {
    // GET /rest/api/3/user/search: read:jira-user, or five granular scopes.
    const granular = analyzeCoverage(profileOf([user]), ['read:application-role:jira', 'read:avatar:jira', 'read:group:jira', 'read:user:jira']);
    expect(granular.missing).toEqual(['read:user.property:jira']);
    const classic = analyzeCoverage(profileOf([user]), ['read:jira-work']);
    expect(classic.missing).toEqual(['read:jira-user']);
  });

  it('adds the fewest scopes across all of a capability’s operations', () => {
    const sprints: Capability = {
      name: 'Sprints',
      operations: [
        { method: 'GET', path: '/rest/agile/1.0/sprint/{sprintId}' },
        { method: 'GET', path: '/rest/agile/1.0/sprint/{sprintId}/issue' },
        { method: 'PUT', path: '/rest/agile/1.0/sprint/{sprintId}' },
      ],
    };
    const result = analyzeCoverage(profileOf([sprints]), ['read:sprint:jira-software']);
    expect(result.missing).toEqual(['read:issue-details:jira', 'read:jql:jira', 'write:sprint:jira-software']);
  });

  it('reports granted scopes nothing needs, and keeps offline_access when the profile refreshes tokens', () => {
    const granted = ['read:board-scope:jira-software', 'read:project:jira', 'manage:jira-webhook', 'offline_access'];
    expect(analyzeCoverage(profileOf([boards]), granted)).toMatchObject({ verdict: 'warn', excess: ['manage:jira-webhook', 'offline_access'] });
    expect(analyzeCoverage(profileOf([boards], { needsOfflineAccess: true }), granted).excess).toEqual(['manage:jira-webhook']);
  });

  it('lists strings that are not scopes as unknown, without crashing', () => {
    const result = analyzeCoverage(profileOf([boards]), ['read:board-scope:jira-software', 'read:project:jira', 'read:issue:Jira', '', '💥']);
    expect(result.unknown).toEqual(['read:issue:Jira', '', '💥']);
    expect(result.verdict).toBe('warn');
  });

  it('treats an empty scope set as needing nothing', () => {
    const serverInfo: Capability = { name: 'Server info', operations: [{ method: 'GET', path: '/rest/api/3/serverInfo' }] };
    expect(analyzeCoverage(profileOf([serverInfo]), []).verdict).toBe('pass');
  });

  it('covers a capability that needs only explicit scopes', () => {
    const jsm: Capability = { name: 'Requests', scopes: ['read:servicedesk-request'] };
    expect(analyzeCoverage(profileOf([jsm]), []).missing).toEqual(['read:servicedesk-request']);
    expect(analyzeCoverage(profileOf([jsm]), ['read:servicedesk-request']).verdict).toBe('pass');
  });
});

describe('built-in profiles against their own guides', () => {
  const expectedCatches: Record<string, string[]> = {
    // "Update and delete sprints" is write:sprint; deleting a sprint needs delete:sprint:jira-software.
    'kendis-cloud-oauth': ['delete:sprint:jira-software'],
    // A token without scopes: there is no scope list, so nothing is covered by scopes (see below).
    'oneconnect-classic-token': [],
  };

  for (const profile of builtinProfiles.filter((p) => p.id !== 'oneconnect-classic-token')) {
    it(`${profile.id}: the guide’s scopes cover it${expectedCatches[profile.id] ? ', except the documented catch' : ''}`, () => {
      const result = analyzeCoverage(profile, profile.vendorScopes);
      expect(result.missing).toEqual(expectedCatches[profile.id] ?? []);
      expect(result.unknown).toEqual([]);
    });
  }

  it('kendis-cloud-oauth: only "Update and delete sprints" falls short, by delete:sprint:jira-software', () => {
    const result = analyzeCoverage(requireProfile('kendis-cloud-oauth'), requireProfile('kendis-cloud-oauth').vendorScopes);
    expect(result.capabilities.filter((c) => !c.covered).map((c) => [c.name, c.missing])).toEqual([
      ['Update and delete sprints', ['delete:sprint:jira-software']],
    ]);
    const withDelete = analyzeCoverage(requireProfile('kendis-cloud-oauth'), [...requireProfile('kendis-cloud-oauth').vendorScopes, 'delete:sprint:jira-software']);
    expect(withDelete.verdict).toBe('pass');
  });

  it('kendis-user-token: covered, with delete:comment:jira doing nothing on its own', () => {
    const result = analyzeCoverage(requireProfile('kendis-user-token'), requireProfile('kendis-user-token').vendorScopes);
    expect(result.excess).toEqual(['delete:comment:jira']);
    expect(result.verdict).toBe('warn');
  });

  it('kendis-user-token: the demo token without the two write scopes misses exactly those', () => {
    const profile = requireProfile('kendis-user-token');
    const granted = profile.vendorScopes.filter((s) => s !== 'write:epic:jira-software' && s !== 'write:sprint:jira-software');
    const result = analyzeCoverage(profile, granted);
    expect(result.missing).toEqual(['write:epic:jira-software', 'write:sprint:jira-software']);
    expect(result.capabilities.filter((c) => !c.covered).map((c) => c.name)).toEqual(['Update epics', 'Update sprints']);
  });

  it('kendis-dc-oauth: the Admin permission covers reading and writing too', () => {
    expect(analyzeCoverage(requireProfile('kendis-dc-oauth'), ['ADMIN']).verdict).toBe('pass');
    expect(analyzeCoverage(requireProfile('kendis-dc-oauth'), ['WRITE']).missing).toEqual(['ADMIN']);
  });

  it('oneconnect-classic-token: no scope list to compare; classic scopes alone would not even reach the boards', () => {
    const profile = requireProfile('oneconnect-classic-token');
    expect(profile.vendorScopes).toEqual([]);
    // A token without scopes acts with the account's permissions, so the token check probes the requests
    // instead. Had it been an OAuth grant, classic scopes would leave the agile endpoints out:
    const classic = ['read:jira-work', 'write:jira-work', 'read:jira-user', 'manage:jira-project', 'manage:jira-configuration', 'manage:jira-webhook'];
    const result = analyzeCoverage(profile, classic);
    expect(result.capabilities.filter((c) => !c.covered).map((c) => c.name)).toEqual(['Read boards and sprints']);
  });

  it('targetprocess: covered, the classic half doing the platform work', () => {
    const result = analyzeCoverage(requireProfile('targetprocess'), requireProfile('targetprocess').vendorScopes);
    expect(result.excess).toEqual([]);
    expect(result.capabilities.find((c) => c.name === 'Read issues and projects')?.status).toBe('covered-by-classic');
  });

  it('is fast enough to run on every page load: all profiles × the whole catalog', async () => {
    const { allOperations, allScopes } = await import('../catalog');
    const everything = allScopes().map((s) => s.scope);
    const wholeCatalog = profileOf([
      { name: 'Everything', operations: allOperations().map((o) => ({ method: o.method as 'GET', path: o.path })) },
    ]);
    const profiles = [...builtinProfiles, wholeCatalog];
    for (const p of profiles) analyzeCoverage(p, []); // warm the per-operation memo
    const started = performance.now();
    for (const p of profiles) {
      analyzeCoverage(p, everything);
      analyzeCoverage(p, p.vendorScopes);
      analyzeCoverage(p, []);
    }
    const perProfile = (performance.now() - started) / (profiles.length * 3);
    expect(perProfile).toBeLessThan(20);
  });
});
