/**
 * Expiry on both pages: a token 6 days from expiry (checked through the resolvers, as Uri would on his page)
 * brings the admin page's banner, its countdown on the Tokens tab and the Expiry tab's timeline, and Uri's own
 * banner on his personal page; Ana, with no expiry date, sees none. The webhook setting shows only its hint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_TOKENS } from '../../src/emulator/demo';
import type { ConsentStart } from '../../src/core/checks/types';
import type { ConnectionView } from '../../src/forge/api';
import { invokeAs, screenshot, seriousAxeViolations, startUiHarness, type UiHarness } from '../support/browser';

const DAY_MS = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
const SIX_DAYS = isoDay(6);
const WEBHOOK = 'https://hooks.slack.com/services/T0DEMO/B0DEMO/demo-not-a-real-webhook';

let ui: UiHarness;
let page: Page;

beforeAll(async () => {
  ui = await startUiHarness();
  page = await ui.newPage();
  await invokeAs(ui.server.url, 'user', 'checkMyToken', {
    email: DEMO_ACCOUNTS.user.email,
    token: DEMO_TOKENS.kendisScopedUri.token,
    profileId: 'kendis-user-token',
    expiresOn: SIX_DAYS,
    recheck: false,
  });
  // The demo Targetprocess app's consent test gets a refresh token: its windows go on the timeline.
  const emulator = ui.server.emulator;
  if (!emulator) throw new Error('the harness starts its own emulator');
  const connections = await invokeAs<ConnectionView[]>(ui.server.url, 'admin', 'listConnections', {});
  const targetprocess = connections.find((connection) => connection.name === 'Targetprocess');
  if (!targetprocess) throw new Error('the demo seed has a Targetprocess connection');
  const started = await invokeAs<ConsentStart>(ui.server.url, 'admin', 'startConsent', { id: targetprocess.id });
  emulator.consent.autoAccept('admin');
  const redirect = await fetch(started.authorizeUrl, { redirect: 'manual' });
  emulator.consent.showPage();
  await invokeAs(ui.server.url, 'admin', 'finishConsent', {
    id: targetprocess.id,
    state: started.state,
    redirectedUrl: redirect.headers.get('location') ?? '',
  });
});

afterAll(async () => {
  await ui?.close();
});

describe('expiry on the admin page', () => {
  it('shows the banner, the Tokens tab countdown and the timeline', async () => {
    await page.goto(`${ui.server.url}/admin?as=admin`);
    const banner = page.getByTestId('expiry-banner');
    await banner.waitFor();
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('1 item expires soon or has expired');
    expect(text).toContain('Within 7 days');
    expect(text).toContain(`${DEMO_ACCOUNTS.user.displayName}’s API token expires in 6 days (${SIX_DAYS})`);
    // A refresh token a year away is on the row, and no reason for the banner.
    const refresh = page.getByTestId('refresh-token-expiry');
    expect(await refresh.textContent()).toBe(
      `Refresh token from the consent testExpires in 365 daysconsent again by ${isoDay(365)} (by ${isoDay(90)} if unused)`,
    );
    await screenshot(page, 'admin-expiry-banner');

    await page.getByRole('tab', { name: 'Tokens', exact: true }).click();
    const lozenge = page.getByTestId('token-table--table').getByTestId('token-expiry');
    expect(await lozenge.first().textContent()).toBe('Expires in 6 days');

    await page.getByRole('tab', { name: 'Expiry' }).click();
    const timeline = page.getByTestId('expiry-timeline');
    await timeline.waitFor();
    const group = page.getByTestId('expiry-group-due-7');
    expect(await group.textContent()).toContain('Within 7 days (1)');
    expect(await group.textContent()).toContain(`${SIX_DAYS}Expires in 6 days${DEMO_ACCOUNTS.user.displayName} · API token`);
    expect(await page.getByTestId('expiry-group-ok').textContent()).toContain(`${isoDay(365)}Expires in 365 daysTargetprocess · refresh token`);
    expect(await page.getByTestId('webhook-hint').textContent()).toContain('No webhook set');
    await screenshot(page, 'admin-expiry-timeline');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('keeps the reminder webhook as a secret: refused hosts named, a saved one shown only by its hint', async () => {
    await page.locator('#reminder-webhook').fill('https://example.com/hook');
    await page.getByRole('button', { name: 'Save webhook' }).click();
    await page.getByText('the app may post nowhere else').waitFor();

    await page.locator('#reminder-webhook').fill(WEBHOOK);
    await page.getByRole('button', { name: 'Save webhook' }).click();
    await page.getByTestId('webhook-hint').filter({ hasText: 'Slack webhook set · ends in …hook' }).waitFor();
    expect(await page.locator('#reminder-webhook').inputValue()).toBe('');
    expect(await page.content()).not.toContain('demo-not-a-real-webhook');
    await screenshot(page, 'admin-expiry-webhook');
  });
});

describe('expiry on the personal page', () => {
  it('shows Uri his own banner and countdown, and Ana none', async () => {
    await page.goto(`${ui.server.url}/personal?as=user`);
    const banner = page.getByTestId('my-expiry-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(`Your API token expires in 6 days (${SIX_DAYS})`);
    expect(await page.getByTestId('my-token-expiry').textContent()).toContain('Expires in 6 days');
    await screenshot(page, 'personal-expiry-banner');

    await page.goto(`${ui.server.url}/personal?as=admin`);
    await page.locator('#token-value').waitFor();
    expect(await page.getByTestId('my-expiry-banner').count()).toBe(0);
  });
});
