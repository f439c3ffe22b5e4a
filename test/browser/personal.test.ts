import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_SITE, DEMO_TOKENS } from '../../src/emulator/demo';
import type { ProfileSummary } from '../../src/forge/api';
import { invokeAs, screenshot, seriousAxeViolations, startUiHarness, type UiHarness } from '../support/browser';

const GATEWAY_URL = `https://api.atlassian.com/ex/jira/${DEMO_SITE.cloudId}`;

let ui: UiHarness;
let page: Page;
let kendisTokenProfile: ProfileSummary;

beforeAll(async () => {
  ui = await startUiHarness();
  page = await ui.newPage();
  const profiles = await invokeAs<ProfileSummary[]>(ui.server.url, 'user', 'listProfiles', {});
  const profile = profiles.find((candidate) => candidate.id === 'kendis-user-token');
  if (!profile) throw new Error('kendis-user-token profile missing');
  kendisTokenProfile = profile;
});

afterAll(async () => {
  await ui?.close();
});

async function checkToken(as: 'admin' | 'user', token: string): Promise<void> {
  await page.goto(`${ui.server.url}/personal?as=${as}`);
  await page.locator('#token-value').fill(token);
  await page.locator('#token-email').fill(DEMO_ACCOUNTS[as].email);
  await page.locator('#token-profile').click();
  await page.keyboard.type(kendisTokenProfile.name);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Check token' }).click();
  await page.getByTestId('token-report').waitFor({ timeout: 20_000 });
}

describe('personal page', () => {
  it('tells Uri the token is scoped and gives the gateway URL', async () => {
    await checkToken('user', DEMO_TOKENS.kendisScopedUri.token);
    expect(await page.getByTestId('token-kind').textContent()).toBe('Scoped API token');
    expect(await page.getByTestId('gateway-url').textContent()).toContain(GATEWAY_URL);
    expect(await page.locator('#token-value').inputValue()).toBe('');
    expect(await page.content()).not.toContain(DEMO_TOKENS.kendisScopedUri.token);
    await screenshot(page, 'personal-uri-scoped');
  });

  it('names the write scopes missing from Ana’s token, with a copy button', async () => {
    await checkToken('admin', DEMO_TOKENS.kendisScopedAna.token);
    const toAdd = (await page.getByTestId('scopes-to-add').textContent()) ?? '';
    for (const scope of DEMO_TOKENS.kendisScopedAna.omittedFromKendisProfile) expect(toAdd).toContain(scope);
    await page.getByTestId('scopes-to-add').getByRole('button', { name: 'Copy missing scopes' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split(' ').sort()).toEqual([...DEMO_TOKENS.kendisScopedAna.omittedFromKendisProfile].sort());
    await screenshot(page, 'personal-ana-missing');
  });

  it('shows the last result again on the next visit', async () => {
    await page.goto(`${ui.server.url}/personal?as=admin`);
    await page.getByTestId('token-report').waitFor();
    expect(await page.getByTestId('scopes-to-add').textContent()).toContain('write:sprint:jira-software');
  });

  it('has no serious or critical accessibility violations', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
