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

const boards: Capability = { name: 'View boards', certainty: 'required', operations: [{ method: 'GET', path: '/rest/agile/1.0/board' }] };
const user: Capability = { name: 'Read users', certainty: 'required', operations: [{ method: 'GET', path: '/rest/api/3/user/search' }] };

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
    // Classic-only coverage works: information, not a warning.
    expect(analyzeCoverage(profileOf([user]), ['read:jira-user'])).toMatchObject({ verdict: 'pass', capabilities: [{ status: 'covered-by-classic' }] });
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
      certainty: 'required',
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

  it('keeps apart, and never calls excess, a scope no capability uses that the vendor lists', () => {
    const granted = ['read:board-scope:jira-software', 'read:project:jira', 'manage:jira-webhook', 'read:jql:jira'];
    const result = analyzeCoverage(profileOf([boards], { vendorScopes: ['read:jql:jira'] }), granted);
    expect(result).toMatchObject({ verdict: 'warn', excess: ['manage:jira-webhook'], keptForVendor: ['read:jql:jira'] });
    expect(analyzeCoverage(profileOf([boards], { vendorScopes: ['read:jql:jira'] }), granted.slice(0, 2).concat('read:jql:jira')).verdict).toBe('pass');
  });

  it('reads a capability without certainty (a custom profile stored before the field) as required', () => {
    const legacy = { name: 'View boards', operations: boards.operations } as unknown as Capability;
    expect(analyzeCoverage(profileOf([legacy]), [])).toMatchObject({ verdict: 'fail', capabilities: [{ certainty: 'required' }] });
  });

  it('lists strings that are not scopes as unknown, without crashing', () => {
    const result = analyzeCoverage(profileOf([boards]), ['read:board-scope:jira-software', 'read:project:jira', 'read:issue:Jira', '', '💥']);
    expect(result.unknown).toEqual(['read:issue:Jira', '', '💥']);
    expect(result.verdict).toBe('warn');
  });

  it('treats an empty scope set as needing nothing', () => {
    const serverInfo: Capability = { name: 'Server info', certainty: 'required', operations: [{ method: 'GET', path: '/rest/api/3/serverInfo' }] };
    expect(analyzeCoverage(profileOf([serverInfo]), []).verdict).toBe('pass');
  });

  it('covers a capability that needs only explicit scopes', () => {
    const jsm: Capability = { name: 'Requests', certainty: 'required', scopes: ['read:servicedesk-request'] };
    expect(analyzeCoverage(profileOf([jsm]), []).missing).toEqual(['read:servicedesk-request']);
    expect(analyzeCoverage(profileOf([jsm]), ['read:servicedesk-request']).verdict).toBe('pass');
  });
});

describe('built-in profiles against their own guides', () => {
  const likelyCatches: Record<string, string[]> = {
    // "Update and delete sprints" is write:sprint; deleting a sprint needs delete:sprint:jira-software.
    'kendis-cloud-oauth': ['delete:sprint:jira-software'],
  };

  for (const profile of builtinProfiles.filter((p) => p.id !== 'oneconnect-classic-token')) {
    it(`${profile.id}: the guide’s scopes cover every required capability, and nothing is advised for removal`, () => {
      const result = analyzeCoverage(profile, profile.vendorScopes);
      expect(result.missing).toEqual([]);
      expect(result.likelyMissing).toEqual(likelyCatches[profile.id] ?? []);
      expect(result.excess).toEqual([]);
      expect(result.unknown).toEqual([]);
      expect(result.verdict).toBe(likelyCatches[profile.id] ? 'warn' : 'pass');
    });
  }

  it('kendis-cloud-oauth: only the likely "Delete sprints" falls short, a warning; a guide scope missing fails', () => {
    const profile = requireProfile('kendis-cloud-oauth');
    const result = analyzeCoverage(profile, profile.vendorScopes);
    expect(result.capabilities.filter((c) => !c.covered).map((c) => [c.name, c.certainty, c.ask, c.missing])).toEqual([
      ['Delete sprints', 'likely', 'deletes sprints', ['delete:sprint:jira-software']],
    ]);
    expect(result.verdict).toBe('warn');
    expect(analyzeCoverage(profile, [...profile.vendorScopes, 'delete:sprint:jira-software']).verdict).toBe('pass');
    const withoutWrite = analyzeCoverage(
      profile,
      profile.vendorScopes.filter((s) => s !== 'write:sprint:jira-software'),
    );
    expect(withoutWrite).toMatchObject({ verdict: 'fail', missing: ['write:sprint:jira-software'] });
  });

  it('a scope both a required and a likely capability miss is missing, not merely likely', () => {
    const remove: Capability = { name: 'Delete sprints', certainty: 'likely', operations: [{ method: 'DELETE', path: '/rest/agile/1.0/sprint/{sprintId}' }] };
    const deleteProperty: Capability = {
      name: 'Delete sprint properties',
      certainty: 'required',
      operations: [{ method: 'DELETE', path: '/rest/agile/1.0/sprint/{sprintId}/properties/{propertyKey}' }],
    };
    const result = analyzeCoverage(profileOf([remove, deleteProperty]), []);
    expect(result).toMatchObject({ verdict: 'fail', missing: ['delete:sprint:jira-software'], likelyMissing: [] });
  });

  it('kendis-user-token: covered; delete:comment:jira does nothing on its own but is kept, the guide lists it', () => {
    const result = analyzeCoverage(requireProfile('kendis-user-token'), requireProfile('kendis-user-token').vendorScopes);
    expect(result.excess).toEqual([]);
    expect(result.keptForVendor).toEqual(['delete:comment:jira']);
    expect(result.verdict).toBe('pass');
  });

  it('oneconnect-oauth-full: read:issue:jira and read:jira-user are kept for the vendor, never excess', () => {
    const profile = requireProfile('oneconnect-oauth-full');
    const result = analyzeCoverage(profile, [...profile.vendorScopes, 'manage:jira-webhook', 'write:sprint:jira-software']);
    expect(result.keptForVendor).toEqual(['read:issue:jira', 'read:jira-user']);
    expect(result.excess).toEqual(['write:sprint:jira-software']);
    expect(result.vendor).toBe('OnePlan');
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
      { name: 'Everything', certainty: 'required', operations: allOperations().map((o) => ({ method: o.method as 'GET', path: o.path })) },
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
