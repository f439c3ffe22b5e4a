import { describe, expect, it } from 'vitest';
import { ADMIN_ID, contextFor, testDeps, USER_ID } from '../../../test/mocks/app-deps';
import { DEMO_ORG } from '../../emulator/demo';
import { saveOrgInventorySettings } from './saveOrgInventorySettings';

const KEY = 'demo-org-admin-key-0000-1a2b';
const as = contextFor(ADMIN_ID);

describe('saveOrgInventorySettings', () => {
  it('keeps the org ID as config and stores nothing secret without the opt-in', async () => {
    const deps = testDeps();
    const saved = await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, storeKey: false }, as, deps);
    expect(saved).toEqual({ ok: true, data: { orgId: DEMO_ORG.id, adminKey: { set: false }, savedBy: ADMIN_ID, savedAt: deps.clock.now().toISOString() } });
    expect(deps.secrets.secrets.size).toBe(0);
  });

  it('refuses a key sent without the opt-in, and keeps nothing of it', async () => {
    const deps = testDeps();
    const refused = await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, adminKey: KEY, storeKey: false }, as, deps);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'adminKey' } });
    expect(deps.secrets.secrets.size).toBe(0);
    expect(JSON.stringify(refused)).not.toContain(KEY);
  });

  it('stores the key as a secret with the opt-in, shows only its last four, and keeps it on a save without a new one', async () => {
    const deps = testDeps();
    const saved = await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, adminKey: KEY, storeKey: true }, as, deps);
    expect(saved).toMatchObject({ ok: true, data: { adminKey: { set: true, endsWith: '…1a2b' } } });
    expect(deps.secrets.secrets.get('org-admin-key')).toBe(KEY);
    expect(JSON.stringify(saved) + JSON.stringify([...deps.store.entries])).not.toContain(KEY);

    const kept = await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, storeKey: true }, as, deps);
    expect(kept).toMatchObject({ ok: true, data: { adminKey: { set: true, endsWith: '…1a2b' } } });
    expect(deps.secrets.secrets.get('org-admin-key')).toBe(KEY);
  });

  it('removes a stored key when the admin opts out', async () => {
    const deps = testDeps();
    await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, adminKey: KEY, storeKey: true }, as, deps);
    const optedOut = await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, storeKey: false }, as, deps);
    expect(optedOut).toMatchObject({ ok: true, data: { adminKey: { set: false } } });
    expect(deps.secrets.secrets.size).toBe(0);
  });

  it('says what is wrong in one line: no key to store, a bad org ID, a key with spaces; admins only', async () => {
    const deps = testDeps();
    expect(await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, storeKey: true }, as, deps)).toMatchObject({
      ok: false,
      error: { field: 'adminKey', message: 'Paste the organization admin API key to store it' },
    });
    expect(await saveOrgInventorySettings.run({ orgId: '../orgs', storeKey: false }, as, deps)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'orgId' },
    });
    expect(await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, adminKey: 'two words', storeKey: true }, as, deps)).toMatchObject({
      ok: false,
      error: { field: 'adminKey' },
    });
    expect(await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, adminKey: KEY, storeKey: true }, contextFor(USER_ID), deps)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(deps.secrets.secrets.size).toBe(0);
  });

  it('keeps the key out of the answer and the log when storage fails with it in its message', async () => {
    const deps = testDeps();
    deps.secrets.setSecret = async (_key, value) => {
      throw new Error(`secret storage refused ${value}`);
    };
    const answer = await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, adminKey: KEY, storeKey: true }, as, deps);
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer) + deps.logs.join('\n')).not.toContain(KEY);
    expect(deps.logs.join('\n')).toContain('[redacted]');
  });
});
