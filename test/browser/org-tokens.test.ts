/**
 * The admin page's Organization tokens tab in headless Chromium against the local server: the opt-in notice
 * before any key is pasted, one inventory with a key that is not stored, joined with a demo person's token
 * check, a refused key failing with the fix, then the key stored on opt-in, used, and forgotten.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_ORG, DEMO_ORG_TOKENS, DEMO_TOKENS } from '../../src/emulator/demo';
import type { TokenCheckSummary } from '../../src/forge/api';
import { invokeAs, screenshot, seriousAxeViolations, startUiHarness, type UiHarness } from '../support/browser';

const ORG_KEY_SECRET = 'org-admin-key';
/** Someone who checked a token on the personal page, though no token of the organization is theirs. */
const CONTRACTOR: TokenCheckSummary = {
  accountId: '5b10contractor0000000001',
  displayName: 'Cy Contractor',
  email: 'cy@contractor.example',
  profileId: 'kendis-user-token',
  kind: 'scoped',
  verdict: 'pass',
  missing: [],
  checkedAt: new Date().toISOString(),
  recheck: false,
};

let ui: UiHarness;
let page: Page;

beforeAll(async () => {
  ui = await startUiHarness();
  page = await ui.newPage();
  // Ana checks her Kendis token on the personal page: scoped, two write scopes missing.
  await invokeAs(ui.server.url, 'admin', 'checkMyToken', {
    email: DEMO_ACCOUNTS.admin.email,
    token: DEMO_TOKENS.kendisScopedAna.token,
    profileId: 'kendis-user-token',
    recheck: false,
  });
  await ui.server.deps.store.set(`token-check:${CONTRACTOR.accountId}`, CONTRACTOR);
});

afterAll(async () => {
  await ui?.close();
});

async function openTab(): Promise<void> {
  await page.goto(`${ui.server.url}/admin?as=admin`);
  await page.getByRole('tab', { name: 'Organization tokens' }).click();
  await page.locator('#org-id').waitFor();
}

async function runInventory(): Promise<void> {
  const answered = page.waitForResponse(
    (response) => response.url().endsWith('/api/invoke') && (response.request().postData() ?? '').includes('"runOrgInventory"'),
    { timeout: 20_000 },
  );
  await page.getByRole('button', { name: 'Run inventory' }).click();
  await answered;
  await page.getByTestId('org-inventory').waitFor();
}

const tokenRow = (label: string) => page.getByTestId(/^org-token-row-/).filter({ has: page.getByText(label, { exact: true }) });

describe('Organization tokens tab', () => {
  it('says plainly, before any key is pasted, what storing it means; the opt-in is off', async () => {
    await openTab();
    const notice = (await page.getByTestId('org-key-notice').textContent()) ?? '';
    for (const part of [
      'Nothing is stored unless you turn on “Store the key” and save',
      'Forge secret storage of this app on this Jira site',
      'every Jira administrator of this site, through this page',
      'every managed user in your organization',
      '“Forget key” deletes it',
      'revoke the key in Atlassian Administration → Settings → API keys',
    ]) {
      expect(notice).toContain(part);
    }
    expect(await page.locator('#org-store-key').isChecked()).toBe(false);
    expect(await page.getByRole('button', { name: 'Forget key' }).count()).toBe(0);
  });

  it('runs one inventory with a pasted key it never stores, joined with Ana’s token check', async () => {
    await openTab();
    await page.locator('#org-id').fill(DEMO_ORG.id);
    await page.locator('#org-admin-key').fill(DEMO_ORG.adminKey);
    await runInventory();

    expect(await page.locator('#org-admin-key').inputValue()).toBe('');
    expect(await page.getByTestId('org-token-table--body').getByRole('row').count()).toBe(DEMO_ORG_TOKENS.length);
    expect(await page.getByTestId('org-inventory').textContent()).toContain('with the key pasted for this run (not stored)');
    expect(await page.getByTestId('result-tokens.list').textContent()).toContain('7 API tokens of 3 people');

    const kendis = (await tokenRow('Kendis sync').textContent()) ?? '';
    for (const part of [
      'Ana Admin',
      'Expires within 7 days',
      'Fail',
      'Scoped',
      'write:epic:jira-software',
      'write:sprint:jira-software',
      'Ana Admin’s check',
    ]) {
      expect(kendis).toContain(part);
    }
    expect(await tokenRow('Targetprocess import').textContent()).toContain('Expired');
    expect(await tokenRow('Weekly report').textContent()).toContain('No check on the personal page yet');
    const outsiders = (await page.getByTestId('org-not-in-inventory').textContent()) ?? '';
    expect(outsiders).toContain('1 person checked a token but owns none in this organization');
    expect(outsiders).toContain('Cy Contractor · cy@contractor.example');

    expect(await ui.server.deps.secrets.getSecret(ORG_KEY_SECRET)).toBeUndefined();
    expect(await ui.server.deps.store.get('org-inventory-settings')).toBeUndefined();
    expect(await page.content()).not.toContain(DEMO_ORG.adminKey);
    await screenshot(page, 'admin-org-tokens');
    await mkdir(resolve('test-output/screenshots'), { recursive: true });
    await page.getByRole('tabpanel').screenshot({ path: resolve('test-output/screenshots/section-admin-org-tokens.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('fails a key Atlassian refuses with the fix, and keeps nothing of it', async () => {
    await openTab();
    await page.locator('#org-id').fill(DEMO_ORG.id);
    await page.locator('#org-admin-key').fill('demo-revoked-org-admin-key');
    await runInventory();
    const refused = page.getByTestId('result-tokens.list');
    expect(await refused.textContent()).toContain('The organization API key was refused');
    expect(await page.getByTestId('result-detail-tokens.list').textContent()).toContain(
      'Fix: Create a key in Atlassian Administration → Settings → API keys (it shows the organization ID with it), and paste it here.',
    );
    expect(await page.getByTestId('org-token-table--body').count()).toBe(0);
    expect(await page.content()).not.toContain('demo-revoked-org-admin-key');
    expect(await ui.server.deps.secrets.getSecret(ORG_KEY_SECRET)).toBeUndefined();
  });

  it('stores the key only on opt-in and save, shows its last four, uses it, and forgets it', async () => {
    await openTab();
    await page.locator('#org-id').fill(DEMO_ORG.id);
    await page.locator('#org-admin-key').fill(DEMO_ORG.adminKey);
    await page.locator('#org-store-key').check({ force: true });
    const saved = page.waitForResponse((response) => (response.request().postData() ?? '').includes('"saveOrgInventorySettings"'));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await saved;
    expect(await ui.server.deps.secrets.getSecret(ORG_KEY_SECRET)).toBe(DEMO_ORG.adminKey);
    await expect.poll(() => page.textContent('body')).toContain('Stored key: set · ends in …acme');

    // A fresh page: the org ID is a setting, the key only a hint; the inventory runs with the stored key.
    await openTab();
    expect(await page.locator('#org-id').inputValue()).toBe(DEMO_ORG.id);
    expect(await page.locator('#org-store-key').isChecked()).toBe(true);
    await runInventory();
    expect(await page.getByTestId('org-inventory').textContent()).toContain('with the stored key');
    expect(await page.content()).not.toContain(DEMO_ORG.adminKey);
    await screenshot(page, 'admin-org-tokens-stored-key');

    const forgotten = page.waitForResponse((response) => (response.request().postData() ?? '').includes('"forgetOrgKey"'));
    await page.getByRole('button', { name: 'Forget key' }).click();
    await forgotten;
    await page.getByRole('button', { name: 'Forget key' }).waitFor({ state: 'detached' });
    expect(await ui.server.deps.secrets.getSecret(ORG_KEY_SECRET)).toBeUndefined();
    expect(await page.locator('#org-store-key').isChecked()).toBe(false);
  });
});
