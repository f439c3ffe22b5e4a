/**
 * The explain box and the least-privilege view on the Scope explorer tab, and "Why did this fail?" on the
 * personal page, in headless Chromium against the local server.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_OTHER_SITE, DEMO_SITE } from '../../src/emulator/demo';
import { screenshot, seriousAxeViolations, startUiHarness, type UiHarness } from '../support/browser';

const GATEWAY = `https://api.atlassian.com/ex/jira/${DEMO_SITE.cloudId}`;
const LOG_LINE = `2026-11-24 09:15:02 ERROR jira-sync 401 Unauthorized; scope does not match GET ${GATEWAY}/rest/agile/1.0/board/12/sprint?state=active`;
const HAR_PATH = new URL('../fixtures/traffic/kendis-sync.har', import.meta.url);

/** Just the part of the page a README section shows, beside the full-page screenshots. */
async function sectionShot(testId: string, name: string): Promise<void> {
  await mkdir(resolve('test-output/screenshots'), { recursive: true });
  await page.getByTestId(testId).screenshot({ path: resolve('test-output/screenshots', `${name}.png`) });
}

let ui: UiHarness;
let page: Page;

beforeAll(async () => {
  ui = await startUiHarness();
  page = await ui.newPage();
});

afterAll(async () => {
  await ui?.close();
});

async function openExplorer(): Promise<void> {
  await page.goto(`${ui.server.url}/admin?as=admin`);
  await page.getByRole('tab', { name: 'Scope explorer' }).click();
}

describe('explain a failing request (admin page)', () => {
  it('explains the log line: granular only, refused for a scope, the Cloud ID is this site’s, with the fix', async () => {
    await openExplorer();
    await page.locator('#explain-text').fill(LOG_LINE);
    await page.locator('#explain-scopes').fill('View boards, backlogs, and related items, View projects');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    const card = page.getByTestId('explain-request-0');
    await expect.poll(() => card.getByTestId('explain-request-0-verdict').textContent()).toBe('Fail');
    const text = (await card.textContent()) ?? '';
    for (const part of [
      `GET ${GATEWAY}/rest/agile/1.0/board/12/sprint`,
      'GET /rest/agile/1.0/board/{boardId}/sprint (getAllSprints)',
      'granular scopes only',
      '401: refused for a missing scope',
      `Cloud ID is ${DEMO_SITE.host}’s`,
      'Fix:',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('state=active');
    await sectionShot('explain-box', 'section-admin-explain');
    // The grant's problem offers to copy exactly the missing scope.
    const grant = card.getByTestId('result-explain.grant');
    await grant.getByRole('button', { name: 'Copy scope' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('read:sprint:jira-software');
    await screenshot(page, 'admin-explain-log-line');
  });

  it('names a Cloud ID of another site, and a curl command’s credential kind without its value', async () => {
    await openExplorer();
    const curl = `curl -u ana@acme.example:demo-secret-in-curl-77 \\\n  https://api.atlassian.com/ex/jira/${DEMO_OTHER_SITE.cloudId}/rest/api/3/myself`;
    await page.locator('#explain-text').fill(curl);
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    const card = page.getByTestId('explain-request-0');
    await expect.poll(() => card.textContent()).toContain(`Cloud ID ${DEMO_OTHER_SITE.cloudId} is not ${DEMO_SITE.host}’s`);
    expect(await card.textContent()).toContain(`Use ${GATEWAY}/rest/api/3/myself.`);
    expect(await page.getByTestId('explain-result').textContent()).not.toContain('demo-secret-in-curl-77');
  });

  it('explains each distinct request of a HAR, and the scopes to add for all of them', async () => {
    await openExplorer();
    await page.locator('#explain-text').fill(await readFile(HAR_PATH, 'utf8'));
    await page.locator('#explain-scopes').fill('read:board-scope:jira-software read:project:jira read:jira-work');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    const summary = page.getByTestId('explain-summary');
    await expect.poll(() => summary.textContent()).toContain('2 scopes to add for all 6 requests');
    expect(await page.getByTestId(/^explain-request-\d+$/).count()).toBe(6);
    expect(await page.getByTestId('explain-result').textContent()).not.toMatch(/demo-har-secret-token|demo-cookie/);
    await screenshot(page, 'admin-explain-har');
  });

  it('offers did-you-mean for an endpoint Jira does not have', async () => {
    await openExplorer();
    await page.locator('#explain-text').fill('GET https://acme.atlassian.net/rest/api/3/isue/ACME-1');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    // An unknown line opens on demand, like every finding that is not a failure.
    await page.getByTestId('explain-request-0').getByRole('button', { name: 'Details and fix' }).first().click();
    await expect.poll(() => page.getByTestId('explain-request-0').textContent()).toContain('Did you mean GET /rest/api/3/issue/{issueIdOrKey}?');
  });
});

describe('least privilege from real traffic (admin page)', () => {
  it('finds the proven minimum for a HAR, with what each scope is for, and saves a custom profile of it', async () => {
    await openExplorer();
    await page.locator('#traffic-text').fill(await readFile(HAR_PATH, 'utf8'));
    await page.getByRole('button', { name: 'Find the fewest scopes' }).click();
    const plan = page.getByTestId('least-privilege-plan');
    await expect.poll(() => plan.textContent()).toContain('18 scopes allow all 6 operations: the fewest possible');
    expect(await page.getByTestId('least-privilege-exactness').textContent()).toBe('Proven minimum');
    const sprintRow = page.getByTestId('least-privilege-table--table').getByRole('row').filter({ hasText: 'write:sprint:jira-software' });
    expect(await sprintRow.textContent()).toContain('PUT /rest/agile/1.0/sprint/{sprintId}');
    expect(await plan.textContent()).toContain('Fewer with classic scopes: 5');
    await sectionShot('least-privilege', 'section-admin-least-privilege');
    await plan.getByRole('button', { name: 'Copy 18 scopes' }).click();
    expect((await page.evaluate(() => navigator.clipboard.readText())).split(' ')).toHaveLength(18);
    await screenshot(page, 'admin-least-privilege');

    await page.getByRole('button', { name: 'Make a custom profile from this' }).click();
    const editor = page.locator('#custom-profile-json');
    const profile = JSON.parse(await editor.inputValue()) as Record<string, unknown>;
    expect(profile).toMatchObject({ id: 'observed-traffic', tokenKind: 'oauth' });
    await editor.fill(JSON.stringify({ ...profile, id: 'kendis-observed', name: 'Kendis as observed', vendor: 'Kendis' }, null, 2));
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByTestId('least-privilege-saved').textContent()).toContain('Kendis as observed');
    await screenshot(page, 'admin-least-privilege-profile-saved');
  });

  it('has no serious or critical accessibility violations with both views filled', async () => {
    await openExplorer();
    await page.locator('#explain-text').fill(LOG_LINE);
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    await page.getByTestId('explain-request-0').waitFor();
    await page.locator('#traffic-text').fill('GET /rest/agile/1.0/board\nGET /rest/api/3/announcementBanner');
    await page.getByRole('button', { name: 'Find the fewest scopes' }).click();
    await page.getByTestId('least-privilege-table--table').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('why did this fail? (personal page)', () => {
  it('explains a regular user’s own failing request', async () => {
    await page.goto(`${ui.server.url}/personal?as=user`);
    await page
      .locator('#explain-text')
      .fill(`GET https://acme.atlassian.net/rest/api/3/myself\nHTTP/1.1 401 Unauthorized\nClient must be authenticated to access this resource.`);
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    const card = page.getByTestId('explain-request-0');
    await expect.poll(() => card.textContent()).toContain('401: a scoped API token on the site URL, or wrong credentials');
    expect(await card.textContent()).toContain(`${GATEWAY}/rest/api/3/myself`);
    await screenshot(page, 'personal-why-did-this-fail');
    await sectionShot('explain-box', 'section-personal-why-did-this-fail');
  });
});
