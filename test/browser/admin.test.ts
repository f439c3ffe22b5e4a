import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_OAUTH_APPS, DEMO_OTHER_SITE, DEMO_SITE, DEMO_TOKENS } from '../../src/emulator/demo';
import type { ProfileSummary } from '../../src/forge/api';
import { invokeAs, luminance, screenshot, seriousAxeViolations, startUiHarness, type UiHarness } from '../support/browser';

/** The scope the demo Kendis app lacks in the developer console: only the consent test can tell. */
const MISSING_SCOPE = 'write:sprint:jira-software';

let ui: UiHarness;
let page: Page;
let kendis: ProfileSummary;

beforeAll(async () => {
  ui = await startUiHarness();
  page = await ui.newPage();
  const profiles = await invokeAs<ProfileSummary[]>(ui.server.url, 'admin', 'listProfiles', {});
  const profile = profiles.find((candidate) => candidate.id === 'kendis-cloud-oauth');
  if (!profile) throw new Error('kendis-cloud-oauth profile missing');
  kendis = profile;
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

const row = (name: string) => page.getByTestId(/^connection-row-/).filter({ has: page.getByText(name, { exact: true }) });
const report = () => page.getByTestId('connection-report');

/** Waits for the report's verdict after a check, which runs against the emulator. */
async function verdictBecomes(verdict: string): Promise<void> {
  await expect.poll(() => report().getByTestId('report-verdict').textContent(), { timeout: 20_000 }).toBe(verdict);
}

/** Stands in for the admin clicking Accept on Atlassian's consent screen, and pastes where it lands. */
async function consentAndPaste(): Promise<void> {
  const emulator = ui.server.emulator;
  if (!emulator) throw new Error('the harness starts its own emulator');
  await report().getByRole('button', { name: 'Start consent test' }).click();
  const link = report().getByRole('link', { name: 'Open the Atlassian consent screen' });
  const authorizeUrl = new URL((await link.getAttribute('href')) ?? '');
  expect(authorizeUrl.origin).toBe(new URL(ui.server.emulatorUrl).origin);
  expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(DEMO_OAUTH_APPS.kendis.callbackUrl);
  // The consent asks for what Kendis asks for, so the grant shows which of those the app really has.
  expect(authorizeUrl.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining([...kendis.vendorScopes]));
  emulator.consent.autoAccept('admin');
  try {
    const redirect = await fetch(authorizeUrl, { redirect: 'manual' });
    const location = redirect.headers.get('location') ?? '';
    expect(location.startsWith(DEMO_OAUTH_APPS.kendis.callbackUrl)).toBe(true);
    await page.locator('#consent-redirect').fill(location);
  } finally {
    emulator.consent.showPage();
  }
  await page.getByRole('button', { name: 'Finish consent test' }).click();
}

describe('admin page', () => {
  it('shows the Cloud ID at the top and copies it', async () => {
    await openAdmin();
    await expect.poll(() => page.getByTestId('cloud-id').textContent()).toBe(DEMO_SITE.cloudId);
    await page.getByTestId('copy-cloud-id').click();
    await expect.poll(() => page.getByTestId('copy-cloud-id').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(DEMO_SITE.cloudId);
  });

  it('shows the demo secret rotated yesterday: what changed, highlighted on its row and in its report, and the verdicts as a strip', async () => {
    await openAdmin();
    const rotated = row('OnePlan OneConnect (US)');
    const change = rotated.getByTestId('latest-change');
    await expect.poll(() => change.textContent()).toBe('Changed 1 day agoverdict pass → fail · secret no longer accepted');
    expect(await rotated.getByTestId('verdict-strip').getAttribute('aria-label')).toBe('Verdicts of the last 3 checks, oldest first: pass, pass, fail');
    // The others were checked on the same days and did not change.
    for (const name of ['OnePlan OneConnect (EU)', 'Targetprocess']) {
      expect(await row(name).getByTestId('verdict-strip').getAttribute('aria-label'), name).toMatch(/^Verdicts of the last 3 checks/);
      expect(await row(name).getByTestId('latest-change').count(), name).toBe(0);
    }
    await rotated.getByRole('button', { name: 'Show results' }).click();
    const history = report().getByTestId('report-history');
    expect(await history.getByTestId('report-latest-change').textContent()).toBe('Changed 1 day agoverdict pass → fail · secret no longer accepted');
    expect(await history.getByTestId('report-verdict-strip').getAttribute('aria-label')).toBe('Verdicts of the last 3 checks, oldest first: pass, pass, fail');
    expect(await report().getByTestId('result-oauth.credentials').textContent()).toBeTruthy();
    await screenshot(page, 'admin-rotated-secret');
  });

  it('shows each person’s verdicts as a strip on the Tokens tab: Uri’s daily checks of a token six days from expiry', async () => {
    await openAdmin();
    await page.getByRole('tab', { name: 'Tokens', exact: true }).click();
    const uri = page.getByTestId('token-table--table').getByRole('row').filter({ hasText: DEMO_ACCOUNTS.user.displayName });
    await expect
      .poll(() => uri.getByTestId('token-verdict-strip').getAttribute('aria-label'))
      .toBe('Verdicts of the last 3 checks, oldest first: warn, warn, warn');
    expect(await uri.textContent()).toContain('6 days');
    expect(await uri.getByTestId('token-latest-change').count()).toBe(0);
    await screenshot(page, 'admin-tokens-strip');
  });

  it('judges a new Kendis connection from nothing pre-filled: no scopes yet, then the pasted list (unverified)', async () => {
    const app = DEMO_OAUTH_APPS.kendis;
    await openAdmin();
    await page.getByRole('button', { name: 'Add connection' }).first().click();
    await chooseProfile(kendis.name);
    // Nothing comes from the vendor's guide unasked: the box is empty, with where to paste from.
    const scopes = page.locator('#connection-scopes');
    expect(await scopes.inputValue()).toBe('');
    expect(await scopes.getAttribute('placeholder')).toBe('Paste from developer.atlassian.com → your app → Permissions');
    expect(await page.locator('#connection-callback').inputValue()).toBe('');
    expect(await page.textContent('body')).toContain('https://{your-kendis}.kendis.io/…');
    await page.locator('#connection-name').fill('Kendis');
    await page.locator('#connection-client-id').fill(app.clientId);
    await page.locator('#connection-client-secret').fill(app.clientSecret);
    await page.locator('#connection-callback').fill(app.callbackUrl);
    await screenshot(page, 'admin-kendis-form');
    await page.getByRole('button', { name: 'Save and check' }).click();

    // Save runs the check; with no scopes to judge, the scopes are unknown, never failed.
    await verdictBecomes('Unknown');
    expect(await report().getByTestId('verdict-source').textContent()).toContain('Scopes not checked yet');
    expect(await report().textContent()).toContain('Client ID and secret accepted');

    await row('Kendis').getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Use the vendor’s list' }).click();
    expect((await scopes.inputValue()).split('\n')).toEqual([...kendis.vendorScopes]);
    await page.getByRole('button', { name: 'Save and check' }).click();
    // The guide's list as pasted hides the missing scope: a warning (ask Kendis about deleting sprints).
    await verdictBecomes('Warning');
    expect(await report().getByTestId('verdict-source').textContent()).toBe('From the pasted list (unverified) — run the consent test to confirm');
    expect(await row('Kendis').textContent()).toContain('from the pasted list (unverified)');
  });

  it('runs the consent test: the verdict follows the grant, with the pasted list beside it and the missing scope', async () => {
    await openAdmin();
    await row('Kendis').getByRole('button', { name: 'Show results' }).click();
    await consentAndPaste();
    await verdictBecomes('Fail');
    expect(await report().getByTestId('verdict-source').textContent()).toBe('Verdict from the consented grant, read just now');

    // Side by side: the grant lacks the scope the pasted list has.
    const sources = report().getByTestId('scope-sources');
    expect(await sources.getByTestId('scope-source-granted').textContent()).not.toContain(MISSING_SCOPE);
    expect(await sources.getByTestId('scope-source-pasted').textContent()).toContain(`Not granted: ${MISSING_SCOPE}`);
    expect(await sources.textContent()).toContain('1 scope differ');

    // Entra-style rows: the required scope is missing; deleting sprints is a question for Kendis, not a failure.
    const coverage = report().getByTestId('coverage-table--table');
    const updateRow =
      (await coverage
        .getByRole('row')
        .filter({ hasText: /^Update sprints/ })
        .first()
        .textContent()) ?? '';
    for (const part of [MISSING_SCOPE, 'granular', 'move issues to sprints', 'Missing']) expect(updateRow).toContain(part);
    const deleteRow =
      (await coverage
        .getByRole('row')
        .filter({ hasText: /^Delete sprints/ })
        .first()
        .textContent()) ?? '';
    expect(deleteRow).toContain('Ask Kendis whether it deletes sprints');
    expect(deleteRow).toContain('Ask vendor');
    expect(deleteRow).not.toContain('Missing');

    expect(await report().getByTestId('consent-result').textContent()).toContain(`Consent granted for https://${DEMO_SITE.host}`);
    await screenshot(page, 'admin-connection-check');

    // The failure is open at its line, with its fix and a copy button for exactly that scope.
    const missing = report().getByTestId('result-detail-oauth.coverage.missing');
    expect(await missing.textContent()).toContain('run the consent test again');
    await missing.getByRole('button', { name: 'Copy scope' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(MISSING_SCOPE);
    expect(await page.content()).not.toContain(DEMO_OAUTH_APPS.kendis.clientSecret);

    // Check now keeps judging from the grant.
    await row('Kendis').getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => row('Kendis').textContent(), { timeout: 20_000 }).toContain('from the consented grant');
    expect(await report().getByTestId('verdict-source').textContent()).toContain('Verdict from the consented grant');
  });

  it('says once, at its line, each finding of a pasted list with typos, and keeps the report short', async () => {
    await openAdmin();
    await row('OnePlan OneConnect (EU)').getByRole('button', { name: 'Check now' }).click();
    await verdictBecomes('Warning');
    const text = (await report().textContent()) ?? '';
    // The guide's typo is named by its line alone until someone opens it.
    expect(text.split('read:issue:Jira').length - 1).toBe(1);
    const typo = report()
      .getByTestId(/^result-oauth\.scopes\.lint\./)
      .filter({ hasText: 'read:issue:Jira' });
    await typo.getByRole('button', { name: 'Details and fix' }).click();
    expect(await typo.textContent()).toContain('Use read:issue:jira');
    const box = await report().boundingBox();
    expect(box?.height).toBeLessThan(2600);
    await screenshot(page, 'admin-oneconnect-report');
  });

  it('refuses a second connection of the same name', async () => {
    await openAdmin();
    await page.getByRole('button', { name: 'Add connection' }).first().click();
    await chooseProfile(kendis.name);
    await page.locator('#connection-name').fill('kendis');
    await page.locator('#connection-client-id').fill('another-client');
    await page.getByRole('button', { name: 'Save and check' }).click();
    await expect
      .poll(() => page.getByTestId('error-message').textContent())
      .toBe('A connection named "Kendis" already exists: give this one another name, or edit that one.');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('looks up the Cloud ID of another site as information, and refuses a host that is not Atlassian', async () => {
    await openAdmin();
    const lookup = async (site: string) => {
      await page.locator('#lookup-site').fill(site);
      await page.getByRole('button', { name: 'Look up' }).click();
    };
    await lookup(DEMO_OTHER_SITE.host);
    const result = page.getByTestId('lookup-result');
    await expect.poll(() => result.textContent()).toContain(DEMO_OTHER_SITE.cloudId);
    expect(await result.textContent()).toContain(`Cloud ID of ${DEMO_OTHER_SITE.host}`);
    expect(await result.textContent()).not.toContain('Pass');
    await screenshot(page, 'admin-cloud-id-lookup');

    await lookup('evil.example.com');
    const refusal = page.getByTestId('site-header').getByTestId('error-message');
    await expect.poll(() => refusal.textContent()).toMatch(/atlassian\.net/);
    expect(await page.getByTestId('site-header').textContent()).toContain('Please check what you entered');
    await screenshot(page, 'admin-cloud-id-refused');
  });

  it('keeps the stored client secret hidden when editing', async () => {
    await openAdmin();
    await row('Kendis').getByRole('button', { name: 'Edit' }).click();
    const hint = (await page.getByTestId('secret-hint').textContent()) ?? '';
    expect(hint).toMatch(/^set · ends in …/);
    expect(await page.content()).not.toContain(DEMO_OAUTH_APPS.kendis.clientSecret);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('lists people’s token checks with why each failed, and opens one’s report, without any token value', async () => {
    // Uri checks Ana's token: it works, but it is not his.
    await invokeAs(ui.server.url, 'user', 'checkMyToken', {
      email: DEMO_ACCOUNTS.admin.email,
      token: DEMO_TOKENS.kendisScopedAna.token,
      profileId: 'kendis-user-token',
      recheck: false,
    });
    await openAdmin();
    await page.getByRole('tab', { name: 'Tokens', exact: true }).click();
    const table = page.getByTestId('token-table--table');
    await expect.poll(() => table.textContent()).toContain(DEMO_ACCOUNTS.user.displayName);
    const uri = table.getByRole('row').filter({ hasText: DEMO_ACCOUNTS.user.displayName });
    expect(await uri.textContent()).toContain(`This token belongs to someone else: ${DEMO_ACCOUNTS.admin.email}`);

    await uri.getByRole('button', { name: /^Open the report/ }).click();
    const detail = page.getByTestId('token-check-detail');
    await detail.getByTestId('token-report').waitFor();
    const text = (await detail.textContent()) ?? '';
    expect(text).toContain(`${DEMO_ACCOUNTS.user.displayName}’s token`);
    expect(text).toContain('Checked just now');
    for (const scope of DEMO_TOKENS.kendisScopedAna.omittedFromKendisProfile) expect(text).toContain(scope);
    expect(await page.content()).not.toContain(DEMO_TOKENS.kendisScopedAna.token);
    await screenshot(page, 'admin-tokens');
  });

  it('highlights a person’s token that changed since its last check', async () => {
    const check = (token: string) =>
      invokeAs(ui.server.url, 'admin', 'checkMyToken', { email: DEMO_ACCOUNTS.admin.email, token, profileId: 'oneconnect-classic-token', recheck: false });
    await check(DEMO_ACCOUNTS.admin.classicToken);
    // Ana pasted a token that is no longer accepted (revoked, or mistyped).
    await check('revoked-token-of-ana-0000');
    await openAdmin();
    await page.getByRole('tab', { name: 'Tokens', exact: true }).click();
    const ana = page.getByTestId('token-table--table').getByRole('row').filter({ hasText: DEMO_ACCOUNTS.admin.displayName });
    await expect.poll(() => ana.getByTestId('token-latest-change').textContent()).toContain('token no longer accepted');
    expect(await ana.getByTestId('token-latest-change').textContent()).toContain('→ fail');
    expect(await ana.getByTestId('token-verdict-strip').getAttribute('aria-label')).toMatch(/, fail$/);
    await screenshot(page, 'admin-token-changed');
    // Her report says so too, above the results.
    await ana.getByRole('button', { name: /^Open the report/ }).click();
    const detail = page.getByTestId('token-check-detail');
    await expect.poll(() => detail.getByTestId('report-latest-change').textContent()).toContain('token no longer accepted');
    expect(await detail.getByTestId('report-verdict-strip').getAttribute('aria-label')).toMatch(/, fail$/);
  });

  it('explains a console title in the scope explorer, and offers did-you-mean for a typo', async () => {
    await openAdmin();
    await page.getByRole('tab', { name: 'Scope explorer' }).click();
    await page.locator('#explore-query').fill('View sprints');
    await page.getByRole('button', { name: 'Explore' }).click();
    await expect.poll(() => page.getByTestId('explore-scopes').textContent()).toContain('read:sprint:jira-software');
    await screenshot(page, 'admin-explorer');

    await page.locator('#explore-query').fill('read:sprnt:jira-software');
    await page.getByRole('button', { name: 'Explore' }).click();
    const suggestion = page.getByTestId('explore-did-you-mean');
    await expect.poll(() => suggestion.textContent()).toBe('Did you meanread:sprint:jira-software');
    await screenshot(page, 'admin-explorer-did-you-mean');
    await suggestion.getByRole('button', { name: 'read:sprint:jira-software' }).click();
    await expect.poll(() => page.getByTestId('explore-scopes').textContent()).toContain('View sprints and sprint related issues');
  });

  it('has no serious or critical accessibility violations', async () => {
    await openAdmin();
    await row('Kendis').getByRole('button', { name: 'Show results' }).click();
    await report().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows the re-check status line, and Re-check all now queues the items that the consumer then checks', async () => {
    await openAdmin();
    const status = page.getByTestId('recheck-status');
    await expect.poll(() => status.textContent()).toContain('due');
    await status.getByRole('button', { name: 'Re-check all now' }).click();
    await expect.poll(() => status.textContent()).toMatch(/Last run .* · \d+ due · \d+ queued/);
    // The local consumer runs in the background: Refresh shows what it has checked.
    await expect
      .poll(
        async () => {
          await status.getByRole('button', { name: 'Refresh' }).click();
          return status.textContent();
        },
        { timeout: 20_000 },
      )
      .toMatch(/ 0 queued · [1-9]\d* checked today · 0 failed/);
    // The connections list shows their re-checks once loaded again.
    await openAdmin();
    await expect
      .poll(() =>
        page
          .getByTestId(/^connection-row-/)
          .first()
          .textContent(),
      )
      .not.toContain('Never checked');
    await screenshot(page, 'admin-recheck-status');
  });

  it('highlights what changed when the vendor rotated the secret, with the verdicts as a strip', async () => {
    const app = ui.server.emulator?.state.oauthApps.get(DEMO_OAUTH_APPS.targetprocess.clientId);
    if (!app) throw new Error('the demo Targetprocess app is missing');
    await openAdmin();
    const targetprocess = row('Targetprocess');
    await targetprocess.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => targetprocess.textContent(), { timeout: 20_000 }).toContain('Checked just now');
    const original = app.clientSecret;
    app.clientSecret = 'rotated-by-the-vendor';
    try {
      await targetprocess.getByRole('button', { name: 'Check now' }).click();
      await expect.poll(() => targetprocess.getByTestId('latest-change').textContent(), { timeout: 20_000 }).toContain('secret no longer accepted');
    } finally {
      app.clientSecret = original;
    }
    expect(await targetprocess.getByTestId('latest-change').textContent()).toContain('→ fail');
    expect(await targetprocess.getByTestId('verdict-strip').getAttribute('aria-label')).toMatch(/, fail$/);
    await screenshot(page, 'admin-connection-changed');
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
