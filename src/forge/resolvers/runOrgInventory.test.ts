/**
 * runOrgInventory against the emulator: every page, a 429 waited out or reported as unknown, a refused key
 * failing with the fix, a pasted key used for the run only, the stored one used when none is pasted, and the
 * inventory joined with the personal-page checks people ran.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emulatorTestDeps } from '../../../test/mocks/app-deps';
import { ADMIN_KEY_FIX } from '../../core/checks';
import { DEMO_ORG, DEMO_ORG_TOKENS, startEmulator, type Emulator } from '../../emulator';
import { DEMO_ACCOUNTS, DEMO_SITE, DEMO_TOKENS } from '../../emulator/demo';
import type { TokenCheckSummary } from '../api';
import type { ResolverContext } from '../ports';
import { checkMyToken } from './checkMyToken';
import { runOrgInventory } from './runOrgInventory';
import { saveOrgInventorySettings } from './saveOrgInventorySettings';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterEach(() => {
  emulator.faults.clear();
  emulator.state.wire.orgTokenNext = 'cursor';
  emulator.state.wire.orgTokenPageSize = 3;
});
afterAll(async () => {
  await emulator.close();
});

const ANA = DEMO_ACCOUNTS.admin;
const asAna: ResolverContext = {
  accountId: ANA.accountId,
  cloudId: DEMO_SITE.cloudId,
  siteUrl: `https://${DEMO_SITE.host}`,
  moduleKey: 'scope-doctor-admin-page',
};

/** Ana is the Jira admin here, as in the demo tenant. */
function deps() {
  const base = emulatorTestDeps(emulator.hosts);
  return { ...base, permissions: { isJiraAdmin: async (accountId: string) => accountId === ANA.accountId } };
}

const tokenRequests = () => emulator.requests.filter((r) => r.host === 'api' && r.path.startsWith('/admin/api-access/')).length;

describe('runOrgInventory', () => {
  it('reads every page with a pasted key and stores nothing: not the key, not the org ID, not the list', async () => {
    const d = deps();
    const before = tokenRequests();
    const answer = await runOrgInventory.run({ orgId: DEMO_ORG.id, adminKey: DEMO_ORG.adminKey }, asAna, d);
    if (!answer.ok) throw new Error(answer.error.message);
    expect(tokenRequests() - before).toBe(3);
    expect(answer.data.report.pages).toBe(3);
    expect(answer.data.rows.map((row) => row.token.label)).toEqual(DEMO_ORG_TOKENS.map((t) => t.label));
    expect(answer.data.keyUsed).toBe('pasted');
    expect(d.secrets.secrets.size).toBe(0);
    expect((await d.store.list('')).items).toEqual([]);
    expect(JSON.stringify(answer)).not.toContain(DEMO_ORG.adminKey);
  });

  it('follows whole-URL links one token a page', async () => {
    emulator.state.wire.orgTokenNext = 'url';
    emulator.state.wire.orgTokenPageSize = 1;
    const answer = await runOrgInventory.run({ orgId: DEMO_ORG.id, adminKey: DEMO_ORG.adminKey }, asAna, deps());
    expect(answer).toMatchObject({ ok: true, data: { report: { pages: DEMO_ORG_TOKENS.length } } });
  });

  it('waits out one 429, and says unknown (never fail) when the rate limit does not lift', async () => {
    const d = deps();
    emulator.faults.add({ host: 'api', pathPrefix: '/admin/api-access/', kind: '429', retryAfter: 2, times: 1 });
    const once = await runOrgInventory.run({ orgId: DEMO_ORG.id, adminKey: DEMO_ORG.adminKey }, asAna, d);
    expect(d.sleeps).toEqual([2000]);
    if (!once.ok) throw new Error(once.error.message);
    expect(once.data.report.results[0]).toMatchObject({ id: 'tokens.list', status: 'pass' });

    emulator.faults.add({ host: 'api', pathPrefix: '/admin/api-access/', kind: '429', retryAfter: 1 });
    const stuck = await runOrgInventory.run({ orgId: DEMO_ORG.id, adminKey: DEMO_ORG.adminKey }, asAna, deps());
    if (!stuck.ok) throw new Error(stuck.error.message);
    expect(stuck.data.report.verdict).toBe('unknown');
    expect(stuck.data.report.results[0]).toMatchObject({ status: 'unknown', evidence: { httpStatus: 429 } });
    // Not read whole: nobody can be said to have no token in it.
    expect(stuck.data).not.toHaveProperty('checkedNotInInventory');
  });

  it('fails a refused key with the fix that fits the page, and never echoes the key', async () => {
    const d = deps();
    const pasted = await runOrgInventory.run({ orgId: DEMO_ORG.id, adminKey: 'demo-not-an-org-key' }, asAna, d);
    expect(pasted).toMatchObject({
      ok: true,
      data: { report: { verdict: 'fail', results: [{ status: 'fail', fix: `${ADMIN_KEY_FIX}, and paste it here.` }] } },
    });
    expect(JSON.stringify(pasted)).not.toContain('demo-not-an-org-key');

    await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, adminKey: 'demo-revoked-org-key', storeKey: true }, asAna, d);
    const stored = await runOrgInventory.run({}, asAna, d);
    expect(stored).toMatchObject({
      ok: true,
      data: { keyUsed: 'stored', report: { results: [{ status: 'fail', fix: `${ADMIN_KEY_FIX}, and store it here in place of this one (or Forget key).` }] } },
    });
    expect(JSON.stringify(stored) + d.logs.join('\n')).not.toContain('demo-revoked-org-key');
  });

  it('uses the stored key and org ID when none is pasted, and asks for a key when none is stored', async () => {
    const d = deps();
    expect(await runOrgInventory.run({ orgId: DEMO_ORG.id }, asAna, d)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'adminKey' } });
    expect(await runOrgInventory.run({ adminKey: DEMO_ORG.adminKey }, asAna, d)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'orgId' } });
    await saveOrgInventorySettings.run({ orgId: DEMO_ORG.id, adminKey: DEMO_ORG.adminKey, storeKey: true }, asAna, d);
    expect(await runOrgInventory.run({}, asAna, d)).toMatchObject({ ok: true, data: { keyUsed: 'stored', report: { orgId: DEMO_ORG.id, verdict: 'warn' } } });
  });

  it('joins each token with its owner’s personal-page check, and lists who checked but owns no token in it', async () => {
    const d = deps();
    // Ana checks her Kendis token on the personal page, for real, against the emulated site.
    const checked = await checkMyToken.run(
      { email: ANA.email, token: DEMO_TOKENS.kendisScopedAna.token, profileId: 'kendis-user-token', recheck: false },
      { ...asAna, moduleKey: 'scope-doctor-personal-page' },
      d,
    );
    expect(checked).toMatchObject({ ok: true, data: { verdict: 'fail' } });
    const outsider: TokenCheckSummary = {
      accountId: 'acc-contractor',
      displayName: 'Cy Contractor',
      email: 'cy@contractor.example',
      profileId: 'kendis-user-token',
      kind: 'scoped',
      verdict: 'pass',
      missing: [],
      checkedAt: new Date().toISOString(),
      recheck: false,
    };
    await d.store.set(`token-check:${outsider.accountId}`, outsider);

    const answer = await runOrgInventory.run({ orgId: DEMO_ORG.id, adminKey: DEMO_ORG.adminKey }, asAna, d);
    if (!answer.ok) throw new Error(answer.error.message);
    const anasRows = answer.data.rows.filter((row) => row.token.user.id === ANA.accountId);
    expect(anasRows.map((row) => row.token.label)).toEqual(['Kendis sync', 'Old CI script', 'Backup export']);
    for (const row of anasRows) {
      expect(row).toMatchObject({
        matchedBy: 'accountId',
        lastCheck: { verdict: 'fail', kind: 'scoped', email: ANA.email, missing: DEMO_TOKENS.kendisScopedAna.omittedFromKendisProfile },
      });
    }
    expect(answer.data.rows.filter((row) => row.lastCheck === undefined)).toHaveLength(DEMO_ORG_TOKENS.length - anasRows.length);
    expect(answer.data.checkedNotInInventory?.map((c) => c.displayName)).toEqual(['Cy Contractor']);
  });

  it('is for Jira admins only, before any request', async () => {
    const before = tokenRequests();
    const answer = await runOrgInventory.run(
      { orgId: DEMO_ORG.id, adminKey: DEMO_ORG.adminKey },
      { ...asAna, accountId: DEMO_ACCOUNTS.user.accountId },
      deps(),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(tokenRequests()).toBe(before);
  });
});
