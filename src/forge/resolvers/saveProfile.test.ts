import { describe, expect, it } from 'vitest';
import { ADMIN_ID, contextFor, testDeps, USER_ID } from '../../../test/mocks/app-deps';
import { listProfiles } from './listProfiles';
import { saveProfile } from './saveProfile';

const acme = {
  id: 'acme-sync',
  name: 'Acme Sync',
  vendor: 'Acme',
  tokenKind: 'oauth',
  summary: 'Reads projects and sprints.',
  needsOfflineAccess: true,
  callbackUrls: ['https://acme.example/oauth/callback'],
  vendorScopes: ['read:project:jira', 'read:sprint:jira-software'],
  capabilities: [{ name: 'Everything this integration does', scopes: ['read:project:jira', 'read:sprint:jira-software'] }],
};

const save = (deps: ReturnType<typeof testDeps>, profile: unknown, accountId = ADMIN_ID) =>
  saveProfile.run({ profile: typeof profile === 'string' ? profile : JSON.stringify(profile) }, contextFor(accountId), deps);

describe('saveProfile', () => {
  it('stores a valid profile as custom and lists it after the built-in ones', async () => {
    const deps = testDeps();
    const saved = await save(deps, acme);
    expect(saved).toMatchObject({ ok: true, data: { id: 'acme-sync', source: 'custom', needsOfflineAccess: true } });
    expect(await deps.store.get('profile:acme-sync')).toMatchObject({ id: 'acme-sync', source: 'custom' });

    const listed = await listProfiles.run({}, contextFor(USER_ID), deps);
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.data.at(-1)).toMatchObject({ id: 'acme-sync', source: 'custom' });
    expect(listed.data.some((profile) => profile.source === 'builtin')).toBe(true);
  });

  it('replaces a custom profile saved again under the same id', async () => {
    const deps = testDeps();
    await save(deps, acme);
    expect(await save(deps, { ...acme, name: 'Acme Sync v2' })).toMatchObject({ ok: true, data: { name: 'Acme Sync v2' } });
    expect([...deps.store.entries.keys()].filter((key) => key.startsWith('profile:'))).toEqual(['profile:acme-sync']);
  });

  it('lists every bad field, one per line', async () => {
    const deps = testDeps();
    const response = await save(deps, {
      ...acme,
      id: 'Acme Sync',
      tokenKind: 'magic',
      capabilities: [{ name: 'Read', scopes: ['read:issue:Jira'] }],
    });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'profile' } });
    if (response.ok) return;
    const lines = response.error.message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^id: id must be kebab-case/);
    expect(lines[1]).toMatch(/^tokenKind: tokenKind must be oauth/);
    expect(lines[2]).toMatch(/^capabilities\[0\]\.scopes\[0\]: unknown scope "read:issue:Jira" \(did you mean read:issue:jira\?\)/);
    expect(deps.store.entries.size).toBe(0);
  });

  it('says where JSON text is broken', async () => {
    const response = await save(testDeps(), '{ "id": "acme-sync", }');
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'profile' } });
    if (!response.ok) expect(response.error.message).toMatch(/^profile is not valid JSON: /);
  });

  it('refuses an empty box', async () => {
    expect(await save(testDeps(), '   ')).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'profile', message: 'profile: paste the profile as JSON' },
    });
  });

  it('refuses the id of a built-in profile', async () => {
    const deps = testDeps();
    const response = await save(deps, { ...acme, id: 'kendis-cloud-oauth' });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'profile' } });
    if (!response.ok) expect(response.error.message).toContain('"kendis-cloud-oauth" is the built-in profile');
    expect(deps.store.entries.size).toBe(0);
  });

  it('refuses a Data Center profile and points at the CLI', async () => {
    const deps = testDeps();
    const response = await save(deps, { ...acme, tokenKind: 'dc-oauth' });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!response.ok) expect(response.error.message).toContain('scope-doctor dc');
    expect(deps.store.entries.size).toBe(0);
  });

  it('is for Jira administrators only', async () => {
    expect(await save(testDeps(), acme, USER_ID)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
