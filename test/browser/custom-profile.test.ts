/**
 * Custom profiles from the connection form: write one from the template, check a connection against it,
 * see every bad field of a broken one, and keep a profile a connection still uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_OAUTH_APPS } from '../../src/emulator/demo';
import type { ProfileSummary } from '../../src/forge/api';
import { invokeAs, screenshot, seriousAxeViolations, startUiHarness, type UiHarness } from '../support/browser';

const SCOPE = 'read:project:jira';
const CONNECTION = 'Acme project sync';

let ui: UiHarness;
let page: Page;

beforeAll(async () => {
  ui = await startUiHarness();
  page = await ui.newPage();
});

afterAll(async () => {
  await ui?.close();
});

async function openNewConnection(): Promise<void> {
  await page.goto(`${ui.server.url}/admin?as=admin`);
  await page.getByRole('button', { name: 'Add connection' }).first().click();
  await page.locator('#connection-profile').waitFor();
}

async function chooseProfile(name: string): Promise<void> {
  await page.locator('#connection-profile').click();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
}

describe('custom profiles', () => {
  it('are not offered for Jira Data Center', async () => {
    const profiles = await invokeAs<ProfileSummary[]>(ui.server.url, 'admin', 'listProfiles', {});
    expect(profiles.map((profile) => profile.id)).not.toContain('kendis-dc-oauth');
  });

  it('creates one from the template with the pasted scope, saves a connection with it and checks it', async () => {
    const app = DEMO_OAUTH_APPS.kendis;
    await openNewConnection();
    await page.locator('#connection-callback').fill(app.callbackUrl);
    await page.locator('#connection-scopes').fill(SCOPE);
    await chooseProfile('Custom profile');

    const template = JSON.parse(await page.locator('#custom-profile-json').inputValue()) as {
      tokenKind: string;
      callbackUrls: string[];
      capabilities: { name: string; certainty: string; scopes: string[] }[];
    };
    expect(template.tokenKind).toBe('oauth');
    expect(template.callbackUrls).toEqual([app.callbackUrl]);
    expect(template.capabilities).toEqual([{ name: 'Everything this integration does', certainty: 'required', scopes: [SCOPE] }]);
    await screenshot(page, 'custom-profile-template');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByTestId('custom-profile-editor').waitFor({ state: 'detached' });
    // The new profile is selected and marked custom.
    const picker = page.getByTestId('connection-profile-select--value-container');
    await expect.poll(() => picker.textContent()).toContain('My integration');
    expect(await picker.textContent()).toContain('custom');
    expect(await page.locator('#connection-scopes').inputValue()).toBe(SCOPE);
    expect(await page.locator('#connection-callback').inputValue()).toBe(app.callbackUrl);

    await page.locator('#connection-name').fill(CONNECTION);
    await page.locator('#connection-client-id').fill(app.clientId);
    await page.locator('#connection-client-secret').fill(app.clientSecret);
    // Saving runs the check.
    await page.getByRole('button', { name: 'Save and check' }).click();

    const row = page.getByTestId(/^connection-row-/).filter({ hasText: CONNECTION });
    expect(await row.textContent()).toContain('My integration');
    const report = page.getByTestId('connection-report');
    await expect.poll(() => report.getByTestId('report-verdict').textContent(), { timeout: 20_000 }).toBe('Pass');
    expect(await report.textContent()).toContain('Everything this integration does');
    expect(await page.content()).not.toContain(app.clientSecret);
    await screenshot(page, 'custom-profile-report');
  });

  it('shows every bad field of a broken profile on its own line, and a JSON syntax error', async () => {
    await openNewConnection();
    await chooseProfile('Custom profile');
    const box = page.locator('#custom-profile-json');
    await box.fill(
      JSON.stringify({
        id: 'Acme Sync',
        name: 'Acme',
        vendor: 'Acme',
        tokenKind: 'magic',
        capabilities: [{ name: 'Read issues', scopes: ['read:issue:Jira'] }],
      }),
    );
    await page.getByRole('button', { name: 'Save profile' }).click();
    const lines = page.getByTestId('error-line');
    await expect.poll(() => lines.count()).toBe(3);
    expect(await lines.allTextContents()).toEqual([
      expect.stringMatching(/^id: id must be kebab-case/),
      expect.stringMatching(/^tokenKind: tokenKind must be oauth/),
      expect.stringMatching(/^capabilities\[0\]\.scopes\[0\]: unknown scope "read:issue:Jira" \(did you mean read:issue:jira\?\)/),
    ]);
    expect(await page.textContent('body')).toContain('The profile has 3 problems');
    await screenshot(page, 'custom-profile-errors');

    await box.fill('{ "id": "acme-sync", ');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByTestId('error-message').textContent()).toMatch(/^profile is not valid JSON: /);
  });

  it('keeps a custom profile a connection still uses, naming the connection', async () => {
    await page.goto(`${ui.server.url}/admin?as=admin`);
    const row = page.getByTestId(/^connection-row-/).filter({ hasText: CONNECTION });
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Delete custom profile…' }).click();
    await page.getByRole('button', { name: 'Delete profile', exact: true }).click();
    await expect.poll(() => page.getByTestId('error-message').textContent()).toContain(`"${CONNECTION}"`);
    expect(await page.textContent('body')).toContain('This profile is still in use');
    await screenshot(page, 'custom-profile-in-use');
    const profiles = await invokeAs<ProfileSummary[]>(ui.server.url, 'admin', 'listProfiles', {});
    expect(profiles.filter((profile) => profile.source === 'custom').map((profile) => profile.id)).toEqual(['my-integration']);
  });

  it('deletes an unused custom profile after confirming', async () => {
    await invokeAs(ui.server.url, 'admin', 'saveProfile', {
      profile: JSON.stringify({ id: 'spare', name: 'Spare profile', vendor: 'Acme', tokenKind: 'oauth', capabilities: [{ name: 'Read', scopes: [SCOPE] }] }),
    });
    await openNewConnection();
    await chooseProfile('Spare profile');
    await page.getByRole('button', { name: 'Delete custom profile…' }).click();
    await page.getByRole('button', { name: 'Delete profile', exact: true }).click();
    // The confirm buttons leave as soon as the delete is sent; the profile is gone once the resolver answers.
    await expect
      .poll(async () => (await invokeAs<ProfileSummary[]>(ui.server.url, 'admin', 'listProfiles', {})).map((profile) => profile.id), { timeout: 10_000 })
      .not.toContain('spare');
    await page.getByRole('button', { name: 'Delete custom profile…' }).waitFor({ state: 'detached' });
  });
});
