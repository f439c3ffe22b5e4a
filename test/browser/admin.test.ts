import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_OAUTH_APPS, DEMO_SITE, DEMO_TOKENS } from '../../src/emulator/demo';
import type { ProfileSummary } from '../../src/forge/api';
import {
  invokeAs,
  luminance,
  screenshot,
  seriousAxeViolations,
  startUiHarness,
  type UiHarness,
} from '../support/browser';

const MISSING_SCOPE = 'write:sprint:jira-software';

let ui: UiHarness;
let page: Page;

beforeAll(async () => {
  ui = await startUiHarness();
  page = await ui.newPage();
});

afterAll(async () => {
  await ui?.close();
});

async function openAdmin(query = 'as=admin'): Promise<void> {
  await page.goto(`${ui.server.url}/admin?${query}`);
}

async function chooseProfile(name: string): Promise<void> {
  await page.locator('#connection-profile').click();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

describe('admin page', () => {
  it('shows the Cloud ID at the top and copies it', async () => {
    await openAdmin();
    await expect.poll(() => page.getByTestId('cloud-id').textContent()).toBe(DEMO_SITE.cloudId);
    await page.getByTestId('copy-cloud-id').click();
    await expect.poll(() => page.getByTestId('copy-cloud-id').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(DEMO_SITE.cloudId);
  });

  it('adds the Kendis connection, checks it and names the missing sprint scope with its fix', async () => {
    const profiles = await invokeAs<ProfileSummary[]>(ui.server.url, 'admin', 'listProfiles', {});
    const kendis = profiles.find((profile) => profile.id === 'kendis-cloud-oauth');
    expect(kendis, 'kendis-cloud-oauth profile').toBeDefined();
    const app = DEMO_OAUTH_APPS.kendis;

    await openAdmin();
    await page.getByRole('button', { name: 'Add connection' }).first().click();
    await chooseProfile(kendis!.name);
    await page.locator('#connection-name').fill('Kendis');
    await page.locator('#connection-client-id').fill(app.clientId);
    await page.locator('#connection-client-secret').fill(app.clientSecret);
    await page.locator('#connection-callback').fill(app.callbackUrl);
    const scopes = kendis!.vendorScopes.filter((scope) => scope !== MISSING_SCOPE);
    await page.locator('#connection-scopes').fill(scopes.join('\n'));
    await screenshot(page, 'admin-kendis-form');
    await page.getByRole('button', { name: 'Save' }).click();

    const row = page.getByTestId(/^connection-row-/).filter({ hasText: 'Kendis' });
    await row.getByRole('button', { name: 'Check now' }).click();
    const report = page.getByTestId('connection-report');
    await expect.poll(() => report.getByTestId('report-verdict').textContent(), { timeout: 20_000 }).toBe('Fail');
    const reportText = (await report.textContent()) ?? '';
    expect(reportText).toContain(MISSING_SCOPE);
    expect(reportText).toContain('Fix:');
    expect(reportText).not.toContain(app.clientSecret);
    await screenshot(page, 'admin-kendis-report');

    // The problem naming the scope offers to copy exactly that scope.
    const problem = page.getByTestId('result-messages').locator('section').filter({ hasText: MISSING_SCOPE }).first();
    await problem.getByRole('button', { name: /^Copy/ }).first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(MISSING_SCOPE);
  });

  it('keeps the stored client secret hidden when editing', async () => {
    await openAdmin();
    const row = page.getByTestId(/^connection-row-/).filter({ hasText: 'Kendis' });
    await row.getByRole('button', { name: 'Edit' }).click();
    const hint = (await page.getByTestId('secret-hint').textContent()) ?? '';
    expect(hint).toMatch(/^set · ends in …/);
    expect(await page.content()).not.toContain(DEMO_OAUTH_APPS.kendis.clientSecret);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('lists people’s token checks without any token value', async () => {
    await invokeAs(ui.server.url, 'user', 'checkMyToken', {
      email: DEMO_ACCOUNTS.user.email,
      token: DEMO_TOKENS.kendisScopedUri.token,
      profileId: 'kendis-user-token',
      recheck: false,
    });
    await openAdmin();
    await page.getByRole('tab', { name: 'Tokens' }).click();
    await expect.poll(() => page.getByTestId('token-table--table').textContent()).toContain(DEMO_ACCOUNTS.user.displayName);
    expect(await page.content()).not.toContain(DEMO_TOKENS.kendisScopedUri.token);
    await screenshot(page, 'admin-tokens');
  });

  it('explains a console title in the scope explorer', async () => {
    await openAdmin();
    await page.getByRole('tab', { name: 'Scope explorer' }).click();
    await page.locator('#explore-query').fill('View sprints');
    await page.getByRole('button', { name: 'Explore' }).click();
    await expect.poll(() => page.getByTestId('explore-scopes').textContent()).toContain('read:sprint:jira-software');
    await screenshot(page, 'admin-explorer');
  });

  it('has no serious or critical accessibility violations', async () => {
    await openAdmin();
    const row = page.getByTestId(/^connection-row-/).filter({ hasText: 'Kendis' });
    await row.getByRole('button', { name: 'Show results' }).click();
    await page.getByTestId('connection-report').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('refuses a regular user with a readable message', async () => {
    await openAdmin('as=user');
    await expect.poll(() => page.getByTestId('error-message').textContent()).toBeTruthy();
    expect(await page.textContent('body')).toContain('Only Jira administrators can use this page');
    await screenshot(page, 'admin-refused');
  });

  it('renders with dark tokens when asked for the dark theme', async () => {
    await openAdmin('as=admin&theme=dark');
    await page.getByTestId('site-header').waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(background)).toBeLessThan(0.1);
    await screenshot(page, 'admin-dark');
  });
});
