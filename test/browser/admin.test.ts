import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_OAUTH_APPS, DEMO_OTHER_SITE, DEMO_SITE, DEMO_TOKENS } from '../../src/emulator/demo';
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
    // Entra-style row: the missing scope, its kind, what it allows in Atlassian's words, and the status.
    const sprintRow = report.getByRole('row').filter({ hasText: 'Update and delete sprints' }).first();
    const sprintRowText = (await sprintRow.textContent()) ?? '';
    for (const part of [MISSING_SCOPE, 'granular', 'move issues to sprints', 'Missing']) expect(sprintRowText).toContain(part);
    await screenshot(page, 'admin-kendis-report');

    // The problem naming the scope offers to copy exactly that scope.
    const problem = page.getByTestId('result-messages').locator('section').filter({ hasText: MISSING_SCOPE }).first();
    await problem.getByRole('button', { name: /^Copy/ }).first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(MISSING_SCOPE);
  });

  it('looks up the Cloud ID of another site and refuses a host that is not Atlassian', async () => {
    await openAdmin();
    const lookup = async (site: string) => {
      await page.locator('#lookup-site').fill(site);
      await page.getByRole('button', { name: 'Look up' }).click();
    };
    await lookup(DEMO_OTHER_SITE.host);
    await expect.poll(() => page.getByTestId('lookup-result').textContent()).toContain(DEMO_OTHER_SITE.cloudId);
    expect(await page.getByTestId('lookup-result').textContent()).toContain(DEMO_OTHER_SITE.host);
    await screenshot(page, 'admin-cloud-id-lookup');

    await lookup('evil.example.com');
    const refusal = page.getByTestId('site-header').getByTestId('error-message');
    await expect.poll(() => refusal.textContent()).toMatch(/atlassian\.net/);
    expect(await page.getByTestId('site-header').textContent()).toContain('Please check what you entered');
    await screenshot(page, 'admin-cloud-id-refused');
  });

  it('runs the live consent test on the Kendis connection and shows what Atlassian really granted', async () => {
    const emulator = ui.server.emulator;
    expect(emulator, 'the harness starts its own emulator').toBeDefined();
    await openAdmin();
    const row = page.getByTestId(/^connection-row-/).filter({ hasText: 'Kendis' });
    await row.getByRole('button', { name: 'Show results' }).click();
    const report = page.getByTestId('connection-report');
    await report.getByRole('button', { name: 'Start consent test' }).click();

    const link = report.getByRole('link', { name: 'Open the Atlassian consent screen' });
    const authorizeUrl = new URL((await link.getAttribute('href')) ?? '');
    expect(authorizeUrl.origin).toBe(new URL(ui.server.emulatorUrl).origin);
    expect(authorizeUrl.pathname).toMatch(/\/authorize$/);
    expect(authorizeUrl.searchParams.get('client_id')).toBe(DEMO_OAUTH_APPS.kendis.clientId);
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(DEMO_OAUTH_APPS.kendis.callbackUrl);
    await screenshot(page, 'admin-consent-started');

    // Stand in for the admin clicking Accept: the emulator consents as the demo admin and redirects.
    emulator!.consent.autoAccept('admin');
    try {
      const redirect = await fetch(authorizeUrl, { redirect: 'manual' });
      const location = redirect.headers.get('location') ?? '';
      expect(location.startsWith(DEMO_OAUTH_APPS.kendis.callbackUrl)).toBe(true);
      await page.locator('#consent-redirect').fill(location);
    } finally {
      emulator!.consent.showPage();
    }
    await page.getByRole('button', { name: 'Finish consent test' }).click();

    const result = page.getByTestId('consent-result');
    await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain(DEMO_SITE.host);
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('read:sprint:jira-software');
    // The app in the console lacks the sprint write scope, so consent cannot grant it either.
    expect(await result.getByRole('row').filter({ hasText: 'Update and delete sprints' }).textContent()).toContain(MISSING_SCOPE);
    expect(await page.content()).not.toContain(DEMO_OAUTH_APPS.kendis.clientSecret);
    await screenshot(page, 'admin-consent-result');
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
