import { describe, expect, it } from 'vitest';
import { ADMIN_ID, contextFor, testDeps, USER_ID } from '../../../test/mocks/app-deps';
import { DEMO_ORG } from '../../emulator/demo';
import { forgetOrgKey } from './forgetOrgKey';
import { saveOrgInventorySettings } from './saveOrgInventorySettings';

const as = contextFor(ADMIN_ID);

describe('forgetOrgKey', () => {
  it('removes the stored key and keeps the org ID', async () => {
    const deps = testDeps();
    await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, adminKey: 'demo-org-admin-key-to-forget', storeKey: true }, as, deps);
    expect(deps.secrets.secrets.size).toBe(1);
    expect(await forgetOrgKey.run({}, as, deps)).toMatchObject({ ok: true, data: { forgotten: true, orgId: DEMO_ORG.id, adminKey: { set: false } } });
    expect(deps.secrets.secrets.size).toBe(0);
    expect(await forgetOrgKey.run({}, as, deps)).toMatchObject({ ok: true, data: { forgotten: false } });
  });

  it('is for Jira admins only', async () => {
    const deps = testDeps();
    await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, adminKey: 'demo-org-admin-key-to-forget', storeKey: true }, as, deps);
    expect(await forgetOrgKey.run({}, contextFor(USER_ID), deps)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(deps.secrets.secrets.size).toBe(1);
  });
});
