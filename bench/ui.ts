/**
 * UI bench: how fast the admin page becomes usable with 1,000 token checks, and how much JavaScript the
 * first load downloads (gzip). Prints numbers; asserts nothing.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Status } from '../src/core/model';
import type { TokenCheckSummary } from '../src/forge/api';
import { keys } from '../src/forge/storage/keys';
import { screenshot, startUiHarness } from '../test/support/browser';

const TOKEN_ROWS = 1000;
const FIRST_LOAD_GOAL_KB = 250;
const VERDICTS: Status[] = ['pass', 'fail', 'warn', 'unknown'];

export interface UiBenchResult {
  tokenRows: number;
  /** Navigation start → the admin page's site header is on screen. */
  adminReadyMs: number;
  /** Click on the Tokens tab → the first page of 1,000 rows is on screen. */
  tokensTabMs: number;
  /** Typing a filter → the filtered table is on screen. */
  filterMs: number;
  /** Every script loaded until the admin page is ready, gzip. */
  firstLoadGzipKb: number;
}

function fakeSummary(index: number, now: number): TokenCheckSummary {
  const verdict = VERDICTS[index % VERDICTS.length]!;
  return {
    accountId: `bench-account-${String(index).padStart(4, '0')}`,
    displayName: `Person ${index}`,
    profileId: index % 2 === 0 ? 'kendis-user-token' : 'oneconnect-classic-token',
    kind: index % 3 === 0 ? 'classic' : 'scoped',
    verdict,
    missing: verdict === 'fail' ? ['write:sprint:jira-software'] : [],
    ...(index % 5 === 0 ? {} : { expiresOn: new Date(now + (index % 90) * 86_400_000).toISOString().slice(0, 10) }),
    checkedAt: new Date(now - index * 60_000).toISOString(),
    recheck: false,
  };
}

/** Gzip size of the given build files (the dev server serves them uncompressed, so measure the files). */
async function gzipBytes(buildDir: string, assetPaths: Iterable<string>): Promise<number> {
  let total = 0;
  for (const assetPath of assetPaths) total += gzipSync(await readFile(join(buildDir, assetPath))).length;
  return total;
}

export async function runUiBench(): Promise<UiBenchResult> {
  const ui = await startUiHarness();
  try {
    const now = Date.now();
    await Promise.all(
      Array.from({ length: TOKEN_ROWS }, (_, index) => {
        const summary = fakeSummary(index, now);
        return ui.server.deps.store.set(keys.tokenCheck(summary.accountId), summary);
      }),
    );
    const page = await ui.newPage();
    // Every script the admin page loads before it is usable, as paths inside the build folder.
    const scripts = new Set<string>();
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js')) scripts.add(path.slice(path.indexOf('assets/')));
    });

    const navigationStart = performance.now();
    await page.goto(`${ui.server.url}/admin?as=admin`);
    await page.getByTestId('site-header').waitFor();
    const adminReadyMs = performance.now() - navigationStart;
    const firstLoadBytes = await gzipBytes(resolve('static/build'), scripts);

    const tabStart = performance.now();
    await page.getByRole('tab', { name: 'Tokens', exact: true }).click();
    await page.getByTestId('token-table--body').locator('tr').first().waitFor();
    const tokensTabMs = performance.now() - tabStart;

    const filterStart = performance.now();
    await page.locator('#token-filter').fill('Person 999');
    await page
      .getByTestId('token-count')
      .getByText(/^1 of /)
      .waitFor();
    const filterMs = performance.now() - filterStart;
    await screenshot(page, 'bench-admin-1000-tokens');

    const result: UiBenchResult = {
      tokenRows: TOKEN_ROWS,
      adminReadyMs: Math.round(adminReadyMs),
      tokensTabMs: Math.round(tokensTabMs),
      filterMs: Math.round(filterMs),
      firstLoadGzipKb: Math.round(firstLoadBytes / 1024),
    };
    console.log(
      [
        `ui: admin page ready in ${result.adminReadyMs} ms`,
        `ui: Tokens tab with ${result.tokenRows} rows in ${result.tokensTabMs} ms, filter in ${result.filterMs} ms`,
        `ui: first-load JS ${result.firstLoadGzipKb} KB gzip (goal ≤ ${FIRST_LOAD_GOAL_KB} KB)`,
      ].join('\n'),
    );
    return result;
  } finally {
    await ui.close();
  }
}
