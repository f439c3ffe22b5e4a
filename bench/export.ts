/**
 * The admin page's export of a large site: 2,000 token checks with 90 history points each, asked page by page
 * as the page does, every storage read taking STORE_LATENCY_MS (Forge storage is a network call). Prints the
 * pages, the slowest and largest page against a resolver call's limit, and the whole time; never asserts.
 */
import { performance } from 'node:perf_hooks';
import type { TokenReport } from '../src/core/checks/types';
import type { HistoryPoint } from '../src/core/history';
import type { ExportFormat, ExportPage, TokenCheckSummary } from '../src/forge/api';
import { exportPage } from '../src/forge/export';
import { RESOLVER_LIMIT_MS } from '../src/forge/limits';
import type { Store } from '../src/forge/ports';
import { keys } from '../src/forge/storage/keys';
import { TOKEN_HISTORY_LIMIT, type TokenHistory } from '../src/forge/tokens';
import { MemoryStore } from '../src/local/adapters/memory';

const TOKENS = 2_000;
const STORE_LATENCY_MS = 20;
const SITE = { url: 'https://acme.atlassian.net', cloudId: '1f0c5d2e-7b3a-4c8e-9d41-6a2b8c0fe9a2' };
const SCOPES = ['read:board-scope:jira-software', 'read:epic:jira-software', 'read:sprint:jira-software', 'write:sprint:jira-software', 'read:project:jira'];

export interface ExportBenchResult {
  format: ExportFormat;
  pages: number;
  seconds: number;
  slowestPageMs: number;
  largestPageMb: number;
  totalMb: number;
}

/** Every read waits as a storage round trip would. */
function slowed(store: Store): Store {
  const wait = () => new Promise((resolve) => setTimeout(resolve, STORE_LATENCY_MS));
  return {
    ...store,
    get: async (key) => (await wait(), store.get(key)),
    list: async (prefix, options) => (await wait(), store.list(prefix, options)),
  };
}

async function filled(): Promise<Store> {
  const store = new MemoryStore();
  const probes = SCOPES.map((scope, i) => ({ scope, status: i % 2 ? ('held' as const) : ('missing' as const), neededFor: [`Capability ${i}`] }));
  for (let i = 0; i < TOKENS; i++) {
    const accountId = `account-${String(i).padStart(5, '0')}`;
    const checkedAt = new Date(Date.UTC(2026, 10, 25, 7, 0, i % 60)).toISOString();
    const summary: TokenCheckSummary = {
      accountId,
      displayName: `Person ${i}`,
      profileId: 'kendis-user-token',
      kind: 'scoped',
      verdict: 'fail',
      missing: [SCOPES[0]!],
      checkedAt,
      recheck: true,
    };
    const report: TokenReport = { subject: 'acme.atlassian.net', site: 'acme.atlassian.net', verdict: 'fail', checkedAt, results: [], kind: 'scoped', probes };
    const history: HistoryPoint[] = Array.from({ length: TOKEN_HISTORY_LIMIT }, (_, day) => ({
      checkedAt: new Date(Date.UTC(2026, 7, 27 + day, 7)).toISOString(),
      verdict: day % 7 ? 'fail' : 'pass',
      scopes: SCOPES,
      scopesFrom: 'probes',
      accepted: true,
    }));
    const stored: TokenHistory = { history, changes: [{ at: checkedAt, changes: [{ kind: 'verdict', from: 'pass', to: 'fail' }] }] };
    await store.set(keys.tokenCheck(accountId), summary);
    await store.set(keys.tokenReport(accountId), report);
    await store.set(keys.tokenHistory(accountId), stored);
  }
  return slowed(store);
}

export async function runExportBench(log: (line: string) => void = console.log): Promise<ExportBenchResult[]> {
  const store = await filled();
  log(`\nExport, ${TOKENS} token checks × ${TOKEN_HISTORY_LIMIT} history points, ${STORE_LATENCY_MS} ms per storage read, in pages as the admin page asks`);
  const results: ExportBenchResult[] = [];
  for (const format of ['json', 'csv'] as const) {
    const start = performance.now();
    let slowestPageMs = 0;
    let largest = 0;
    let total = 0;
    let pages = 0;
    let cursor: string | undefined;
    do {
      const pageStart = performance.now();
      const page: ExportPage = await exportPage(store, SITE, new Date(), { format, ...(cursor === undefined ? {} : { cursor }) });
      slowestPageMs = Math.max(slowestPageMs, performance.now() - pageStart);
      const bytes = Buffer.byteLength(page.content);
      largest = Math.max(largest, bytes);
      total += bytes;
      pages++;
      cursor = page.cursor;
    } while (cursor !== undefined);
    const result = { format, pages, seconds: (performance.now() - start) / 1000, slowestPageMs, largestPageMb: largest / 1e6, totalMb: total / 1e6 };
    results.push(result);
    log(
      `  ${format.toUpperCase()}: ${pages} pages in ${result.seconds.toFixed(1)} s, ${result.totalMb.toFixed(0)} MB in all; slowest page ${slowestPageMs.toFixed(0)} ms of a call's ${RESOLVER_LIMIT_MS / 1000} s, largest ${result.largestPageMb.toFixed(2)} MB`,
    );
  }
  return results;
}
