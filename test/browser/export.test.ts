/** The admin page's Export in headless Chromium against the local server: the file downloads, whole and secret-free. */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_OAUTH_APPS, DEMO_TOKENS } from '../../src/emulator/demo';
import type { ConnectionView } from '../../src/forge/api';
import { EXPORT_PAGE_SIZE, type ExportDocument } from '../../src/forge/export';
import { keys } from '../../src/forge/storage/keys';
import { invokeAs, screenshot, seriousAxeViolations, startUiHarness, type UiHarness } from '../support/browser';

let ui: UiHarness;
let page: Page;
let connectionNames: string[];
const SECRETS = [...Object.values(DEMO_OAUTH_APPS).map((app) => app.clientSecret), DEMO_TOKENS.kendisScopedUri.token];

beforeAll(async () => {
  ui = await startUiHarness();
  page = await ui.newPage();
  // Something to export: the seeded connections checked once, and Uri's token kept for re-checks.
  const connections = await invokeAs<ConnectionView[]>(ui.server.url, 'admin', 'listConnections', {});
  for (const connection of connections) await invokeAs(ui.server.url, 'admin', 'checkConnection', { id: connection.id });
  connectionNames = connections.map((connection) => connection.name);
  await invokeAs(ui.server.url, 'user', 'checkMyToken', {
    email: DEMO_ACCOUNTS.user.email,
    token: DEMO_TOKENS.kendisScopedUri.token,
    profileId: 'kendis-user-token',
    recheck: true,
  });
});

afterAll(async () => {
  await ui?.close();
});

async function downloadText(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text.includes(secret), `a secret ending ${secret.slice(-4)}`).toBe(false);
}

describe('admin page export', () => {
  it('downloads the CSV and the JSON export, and offers the file again and as text to copy', async () => {
    await page.goto(`${ui.server.url}/admin?as=admin`);
    const control = page.getByTestId('export-control');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), control.getByTestId('export-csv').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^scope-doctor-acme-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await downloadText(csvDownload);
    expectNoSecret(csv);
    const rows = parse<Record<string, string>>(csv, { bom: true, columns: true });
    expect(rows.filter((row) => row.record === 'connection').map((row) => row.name)).toEqual(connectionNames);
    expect(rows.find((row) => row.record === 'token')).toMatchObject({ name: DEMO_ACCOUNTS.user.displayName, status: 'kept for re-checks' });
    await expect.poll(() => page.getByTestId('export-ready').textContent()).toContain(csvDownload.suggestedFilename());

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), control.getByTestId('export-json').click()]);
    expect(jsonDownload.suggestedFilename()).toMatch(/\.json$/);
    const json = await downloadText(jsonDownload);
    expectNoSecret(json);
    const document = JSON.parse(json) as ExportDocument;
    expect(document).toMatchObject({ format: 'scope-doctor-export', version: 1 });
    expect(document.connections.map((c) => c.clientSecret)).toEqual(connectionNames.map(() => 'set'));
    expect(document.tokens.map((t) => t.accountId)).toContain(DEMO_ACCOUNTS.user.accountId);

    // Should the browser drop a download that started after the resolver answered, a click on the link starts it.
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download-again').click()]);
    expect(again.suggestedFilename()).toBe(jsonDownload.suggestedFilename());
    expect(await downloadText(again)).toBe(json);
    await page.getByTestId('export-copy').click();
    await expect.poll(() => page.getByTestId('export-copy').textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(json);

    await screenshot(page, 'admin-export');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('asks page by page, shows the progress, and saves one file; a failed page shows the error and no file', async () => {
    // Enough token checks for three pages: copies of Uri's, under more accounts.
    const { store } = ui.server.deps;
    const uri = DEMO_ACCOUNTS.user.accountId;
    const [summary, report] = await Promise.all([store.get<object>(keys.tokenCheck(uri)), store.get<object>(keys.tokenReport(uri))]);
    const copies = EXPORT_PAGE_SIZE * 2 + 1;
    for (let i = 0; i < copies; i++) {
      await store.set(keys.tokenCheck(`copy-${i}`), { ...summary, accountId: `copy-${i}` });
      await store.set(keys.tokenReport(`copy-${i}`), report);
    }
    const payloadOf = (body: string | null) => (JSON.parse(body ?? '{}') as { payload?: { cursor?: string } }).payload ?? {};
    // Later pages held back a moment, so the progress between them can be seen.
    await page.route('**/api/invoke', async (route) => {
      if (payloadOf(route.request().postData()).cursor !== undefined) await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.goto(`${ui.server.url}/admin?as=admin`);
    const control = page.getByTestId('export-control');
    const downloading = page.waitForEvent('download');
    await control.getByTestId('export-json').click();
    await expect.poll(() => page.getByTestId('export-progress').textContent()).toBe(`Exporting… ${EXPORT_PAGE_SIZE} token checks so far`);
    const document = JSON.parse(await downloadText(await downloading)) as ExportDocument;
    expect(document.tokens).toHaveLength(copies + 1);
    expect(new Set(document.tokens.map((t) => t.accountId)).size).toBe(copies + 1);
    expectNoSecret(JSON.stringify(document));

    // The second page fails: the error shows, and nothing is saved or offered.
    await page.unroute('**/api/invoke');
    await page.route('**/api/invoke', async (route) => {
      if (payloadOf(route.request().postData()).cursor === undefined) return route.continue();
      return route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'Storage did not answer in time.' } }),
      });
    });
    let downloads = 0;
    page.on('download', () => downloads++);
    await control.getByTestId('export-csv').click();
    await expect.poll(() => page.getByTestId('error-message').textContent()).toContain('Storage did not answer in time.');
    expect(await page.getByTestId('export-ready').count()).toBe(0);
    expect(await page.getByTestId('export-progress').count()).toBe(0);
    expect(downloads).toBe(0);
    await page.unroute('**/api/invoke');
  });
});
