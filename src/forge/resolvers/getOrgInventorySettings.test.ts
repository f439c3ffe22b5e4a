import { describe, expect, it } from 'vitest';
import { ADMIN_ID, contextFor, testDeps, USER_ID } from '../../../test/mocks/app-deps';
import { DEMO_ORG } from '../../emulator/demo';
import { getOrgInventorySettings } from './getOrgInventorySettings';
import { saveOrgInventorySettings } from './saveOrgInventorySettings';

describe('getOrgInventorySettings', () => {
  it('says nothing is set up yet, then the org ID and a hint of the key, never the key', async () => {
    const deps = testDeps();
    expect(await getOrgInventorySettings.run({}, contextFor(ADMIN_ID), deps)).toEqual({ ok: true, data: { adminKey: { set: false } } });
    // A key too short to spare four characters shows as "set" only.
    await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, adminKey: 'demo-short-key', storeKey: true }, contextFor(ADMIN_ID), deps);
    const answer = await getOrgInventorySettings.run({}, contextFor(ADMIN_ID), deps);
    expect(answer).toMatchObject({ ok: true, data: { orgId: DEMO_ORG.id, adminKey: { set: true } } });
    expect(JSON.stringify(answer)).not.toContain('demo-short-key');
    expect(JSON.stringify(answer)).not.toContain('endsWith');
  });

  it('is for Jira admins only', async () => {
    expect(await getOrgInventorySettings.run({}, contextFor(USER_ID), testDeps())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
