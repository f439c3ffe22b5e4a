import { describe, expect, it } from 'vitest';
import { contextFor, testDeps, TEST_PROFILE, USER_ID, withTestProfile } from '../../../test/mocks/app-deps';
import { builtinProfiles } from '../core';
import { listProfiles } from './listProfiles';

describe('listProfiles', () => {
  it('offers the built-in profiles the app can check, then the custom ones', async () => {
    const response = await listProfiles.run({}, contextFor(USER_ID), await withTestProfile(testDeps()));
    if (!response.ok) throw new Error(response.error.message);
    const ids = response.data.map((profile) => profile.id);
    expect(ids).toContain('kendis-cloud-oauth');
    expect(ids.at(-1)).toBe(TEST_PROFILE.id);
    expect(response.data.at(-1)?.source).toBe('custom');
  });

  it('leaves out Jira Data Center profiles: a Forge app cannot reach a Data Center server', async () => {
    expect(builtinProfiles.some((profile) => profile.id === 'kendis-dc-oauth')).toBe(true);
    const response = await listProfiles.run({}, contextFor(USER_ID), testDeps());
    if (!response.ok) throw new Error(response.error.message);
    expect(response.data.map((profile) => profile.id)).not.toContain('kendis-dc-oauth');
    expect(response.data.every((profile) => profile.tokenKind !== 'dc-oauth')).toBe(true);
  });
});
