import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { OAuthClientReport, TokenReport } from '../core/checks/types';
import { InputError } from '../core/model';
import { MemoryStore } from '../local/adapters/memory';
import type { ConnectionView, ExportFormat, ExportPage, TokenCheckSummary } from './api';
import { viewOf, type ConnectionStatus, type StoredConnection } from './connections';
import { buildExport, exportCsv, exportPage, exportWhole, type ExportData, type StoredTokenCheck } from './export';
import type { StorePage } from './ports';
import { keys } from './storage/keys';

const SITE = { url: 'https://acme.atlassian.net', cloudId: '1f0c5d2e-7b3a-4c8e-9d41-6a2b8c0fe9a2' };
const NOW = new Date('2026-11-25T09:00:00Z');

const report: OAuthClientReport = {
  subject: 'app',
  verdict: 'fail',
  checkedAt: '2026-11-25T08:00:00.000Z',
  results: [
    { id: 'coverage.missing', title: '1 required scope missing', status: 'fail', detail: 'Read sprints needs it.', fix: 'Add read:sprint:jira-software' },
  ],
  findings: [],
  scopeSource: { used: 'pasted', pasted: ['read:project:jira', 'read:me'] },
  coverage: {
    profileId: 'test-oauth',
    vendor: 'Test',
    verdict: 'fail',
    capabilities: [
      { name: 'Read projects', status: 'covered', certainty: 'required', covered: true, missing: [], usedScopes: ['read:project:jira'] },
      { name: 'Read sprints', status: 'missing', certainty: 'required', covered: false, missing: ['read:sprint:jira-software'], usedScopes: [] },
    ],
    missing: ['read:sprint:jira-software'],
    likelyMissing: [],
    excess: ['read:me'],
    keptForVendor: [],
    unknown: [],
    scopeLabels: {},
    scopeKinds: {},
  },
};

/** Text anyone may type where a spreadsheet would run it: names, pasted scope lists, a change's scopes. */
const FORMULAS = ['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\r=1'];

function connection(name: string, overrides: Partial<ConnectionView> = {}): ConnectionView {
  return {
    id: `id-${name.length}`,
    name,
    profileId: 'test-oauth',
    clientId: 'demo-client',
    callbackUrl: 'https://app.example.test/callback',
    scopes: 'read:project:jira\nread:me',
    version: 1,
    updatedAt: '2026-11-24T09:00:00.000Z',
    updatedBy: 'account-admin',
    clientSecret: { set: true, endsWith: '…1a2b' },
    lastReport: report,
    history: [{ checkedAt: report.checkedAt, verdict: 'fail', check: true, scopes: ['read:me', 'read:project:jira'], scopesFrom: 'pasted', accepted: true }],
    changes: [
      {
        at: report.checkedAt,
        changes: [
          { kind: 'verdict', from: 'pass', to: 'fail' },
          { kind: 'new-excess', scopes: ['read:me'] },
        ],
      },
    ],
    ...overrides,
  };
}

const summary: TokenCheckSummary = {
  accountId: 'account-user',
  displayName: 'Uri User',
  profileId: 'kendis-user-token',
  kind: 'scoped',
  verdict: 'fail',
  reason: '1 of 2 required scopes missing',
  missing: ['write:sprint:jira-software'],
  expiresOn: '2026-12-01',
  checkedAt: '2026-11-25T07:00:00.000Z',
  recheck: true,
};
const tokenReport: TokenReport = {
  subject: 'acme.atlassian.net',
  site: 'acme.atlassian.net',
  verdict: 'fail',
  checkedAt: summary.checkedAt,
  results: [],
  kind: 'scoped',
  probes: [
    { scope: 'read:sprint:jira-software', status: 'held', neededFor: ['Read sprints'] },
    { scope: 'write:sprint:jira-software', status: 'missing', neededFor: ['Update sprints'] },
  ],
  daysToExpiry: 6,
};

const data: ExportData = {
  connections: [connection('Kendis')],
  tokens: [{ summary, report: tokenReport, history: { history: [{ checkedAt: summary.checkedAt, verdict: 'fail' }], changes: [] } }],
};

function rowsOf(csv: string): Record<string, string>[] {
  return parse<Record<string, string>>(csv, { bom: true, columns: true });
}

describe('export builder', () => {
  it('JSON: a versioned document of connections and tokens, a client secret only as set or not set', () => {
    const document = buildExport(data, SITE, NOW);
    expect(document).toMatchObject({ format: 'scope-doctor-export', version: 1, exportedAt: NOW.toISOString(), site: SITE });
    const [exported] = document.connections;
    expect(exported).toMatchObject({ name: 'Kendis', clientSecret: 'set', verdict: 'fail', scopesFrom: 'pasted' });
    expect(exported?.scopes).toEqual([
      { scope: 'read:project:jira', status: 'granted', neededFor: ['Read projects'] },
      { scope: 'read:me', status: 'excess', neededFor: [] },
      { scope: 'read:sprint:jira-software', status: 'missing', neededFor: ['Read sprints'] },
    ]);
    expect(exported?.changes[0]?.described).toEqual(['verdict pass → fail', 'new excess scope: read:me']);
    // Not even the ending the page shows.
    expect(JSON.stringify(document)).not.toContain('1a2b');
    expect(document.tokens[0]).toMatchObject({ accountId: 'account-user', keptForRecheck: true, daysToExpiry: 6, expiresOn: '2026-12-01' });
    expect(document.tokens[0]?.scopes.map((s) => `${s.scope}=${s.status}`)).toEqual(['read:sprint:jira-software=held', 'write:sprint:jira-software=missing']);
    const noSecret = buildExport({ connections: [connection('Other', { clientSecret: { set: false } })], tokens: [] }, SITE, NOW);
    expect(noSecret.connections[0]?.clientSecret).toBe('not set');
  });

  it('CSV: one table, each row naming its record and item', () => {
    const rows = rowsOf(exportCsv(buildExport(data, SITE, NOW)));
    expect(Object.keys(rows[0] ?? {})).toEqual(['record', 'item', 'item_id', 'name', 'profile', 'at', 'verdict', 'subject', 'status', 'detail', 'fix']);
    const kinds = (item: string) => rows.filter((row) => row.item === item).map((row) => row.record);
    expect(kinds('connection')).toEqual(['connection', 'check', 'coverage', 'coverage', 'scope', 'scope', 'scope', 'history', 'change', 'change']);
    expect(kinds('token')).toEqual(['token', 'scope', 'scope', 'history']);
    expect(rows.find((row) => row.record === 'connection')).toMatchObject({ name: 'Kendis', verdict: 'fail', status: 'client secret set' });
    expect(rows.find((row) => row.record === 'check')).toMatchObject({ status: 'fail', fix: 'Add read:sprint:jira-software' });
    expect(rows.find((row) => row.record === 'token')).toMatchObject({ name: 'Uri User', subject: 'scoped token', status: 'kept for re-checks' });
    expect(rows.filter((row) => row.record === 'change').map((row) => row.detail)).toEqual(['verdict pass → fail', 'new excess scope: read:me']);
  });

  it('CSV: every cell that a spreadsheet would run as a formula starts with a quote', () => {
    const named = FORMULAS.map((formula, i) => connection(formula, { id: `id-${i}`, callbackUrl: formula }));
    const csv = exportCsv(buildExport({ connections: named, tokens: [{ summary: { ...summary, displayName: '=cmd|"/C calc"!A0' } }] }, SITE, NOW));
    const cells = rowsOf(csv).flatMap((row) => Object.values(row));
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    for (const formula of FORMULAS) expect(cells).toContain(`'${formula}`);
    expect(cells).toContain(`'=cmd|"/C calc"!A0`);
    // The details that merely contain a formula later on are left as they are.
    expect(cells).toContain(`callback URL ${FORMULAS[0]}; scopes judged from the pasted list (unverified)`);
  });

  it('names the file for the site and day, with the type to save it as', async () => {
    const store = new MemoryStore();
    const csv = await exportWhole(store, SITE, NOW, 'csv');
    expect(csv).toMatchObject({ filename: 'scope-doctor-acme-2026-11-25.csv', mimeType: 'text/csv;charset=utf-8' });
    const json = await exportWhole(store, SITE, NOW, 'json');
    expect(json).toMatchObject({ filename: 'scope-doctor-acme-2026-11-25.json', mimeType: 'application/json' });
    expect(JSON.parse(json.content)).toEqual(buildExport({ connections: [], tokens: [] }, SITE, NOW));
  });
});

/** Connections and token checks written to a store the way the app keeps them, and the same data as the single-shot builder takes it. */
async function filledStore(tokenCount: number, store = new MemoryStore()): Promise<{ store: MemoryStore; data: ExportData }> {
  for (const [i, name] of ['Zephyr', 'Kendis', FORMULAS[0]!].entries()) {
    const { lastReport, history, changes, clientSecret, ...rest } = connection(name, { id: `conn-${i}` });
    const stored: StoredConnection = { ...rest, secretSet: clientSecret.set, secretEndsWith: '1a2b' };
    const status: ConnectionStatus = { history, changes, ...(lastReport ? { lastReport } : {}) };
    await store.set(keys.connection(stored.id), stored);
    await store.set(keys.connectionStatus(stored.id), status);
  }
  const tokens: StoredTokenCheck[] = [];
  for (let i = 0; i < tokenCount; i++) {
    // Account ids in key order, as the store pages them; names with commas, quotes, new lines, formulas and any letter.
    const accountId = `account-${String(i).padStart(3, '0')}`;
    const check: StoredTokenCheck = {
      summary: {
        ...summary,
        accountId,
        displayName: ['Zoë, "Z"', '=1+1', 'Ana\nAdmin', 'Uri → User'][i % 4]!,
        checkedAt: `2026-11-${String(10 + i).padStart(2, '0')}T07:00:00.000Z`,
      },
      ...(i % 3 === 0 ? {} : { report: tokenReport }),
      ...(i % 2 === 0
        ? {
            history: {
              history: [{ checkedAt: summary.checkedAt, verdict: 'fail' }],
              changes: [{ at: summary.checkedAt, changes: [{ kind: 'verdict', from: 'pass', to: 'fail' }] }],
            },
          }
        : {}),
    };
    await store.set(keys.tokenCheck(accountId), check.summary);
    if (check.report) await store.set(keys.tokenReport(accountId), check.report);
    if (check.history) await store.set(keys.tokenHistory(accountId), check.history);
    tokens.push(check);
  }
  const connections = await Promise.all([...(await store.list<StoredConnection>(keys.connectionPrefix)).items].map(({ value }) => viewOf(store, value)));
  connections.sort((a, b) => a.name.localeCompare(b.name));
  return { store, data: { connections, tokens } };
}

async function allPages(store: MemoryStore, format: ExportFormat, pageSize: number): Promise<ExportPage[]> {
  const pages = [await exportPage(store, SITE, NOW, { format, pageSize })];
  for (let cursor = pages[0]!.cursor; cursor !== undefined; cursor = pages.at(-1)!.cursor) {
    // A later clock must not change the file: the first page's time holds for all.
    pages.push(await exportPage(store, SITE, new Date(NOW.getTime() + 86_400_000 * pages.length), { format, cursor, pageSize }));
  }
  return pages;
}

/** Like Forge's storage may: a cursor after a full page even when nothing follows, so the last page is empty. */
class FullPageCursorStore extends MemoryStore {
  override async list<T>(prefix: string, options: { cursor?: string; limit?: number } = {}): Promise<StorePage<T>> {
    const page = await super.list<T>(prefix, options);
    const last = page.items.at(-1)?.key;
    return page.items.length === options.limit && last ? { items: page.items, cursor: last } : page;
  }
}

describe('paged export', () => {
  it.each([
    [0, 'memory'],
    [7, 'memory'],
    [7, 'full-page cursor'],
  ])('with %i token checks (%s store), every page size joins into exactly the single-shot file', async (tokenCount, kind) => {
    const { store, data } = await filledStore(tokenCount, kind === 'memory' ? new MemoryStore() : new FullPageCursorStore());
    const whole = buildExport(data, SITE, NOW);
    for (const pageSize of [1, 2, 3, tokenCount, 50].filter((size) => size > 0)) {
      const json = await allPages(store, 'json', pageSize);
      expect(JSON.parse(json.map((page) => page.content).join('')), `JSON in pages of ${pageSize}`).toEqual(whole);
      const csv = await allPages(store, 'csv', pageSize);
      expect(csv.map((page) => page.content).join(''), `CSV in pages of ${pageSize}`).toBe(exportCsv(whole));

      for (const pages of [json, csv]) {
        expect(pages.every((page) => page.tokenChecks <= pageSize)).toBe(true);
        expect(pages.reduce((sum, page) => sum + page.tokenChecks, 0)).toBe(tokenCount);
        // Only the last page has no cursor, and every page names the same file.
        expect(pages.map((page) => page.cursor === undefined)).toEqual(pages.map((_, i) => i === pages.length - 1));
        expect(new Set(pages.map((page) => page.filename)).size).toBe(1);
      }
      // The byte-order mark, header and connections come once, on the first page.
      expect(
        csv
          .slice(1)
          .every((page) => !page.content.includes('\uFEFF') && !page.content.includes('record,item,') && !page.content.includes('connection,connection,')),
      ).toBe(true);
    }
    expect(await exportWhole(store, SITE, NOW, 'json')).toMatchObject({ content: `${JSON.stringify(whole)}\n` });
  });

  it('a cursor this export did not give is an invalid input, named as the cursor', async () => {
    const { store } = await filledStore(3);
    const issued = (await exportPage(store, SITE, NOW, { format: 'csv', pageSize: 1 })).cursor!;
    const reshaped = (value: unknown) => JSON.stringify(value);
    const decoded: unknown = JSON.parse(issued);
    const wrong = [
      'not a cursor',
      '',
      reshaped({ after: 'token-check:account-000' }),
      reshaped({ ...(decoded as object), count: -1 }),
      reshaped({ ...(decoded as object), exportedAt: 'yesterday' }),
      reshaped([1, 2]),
    ];
    for (const cursor of wrong) {
      await expect(exportPage(store, SITE, NOW, { format: 'csv', cursor }), cursor).rejects.toThrow(InputError);
    }
    // A CSV export's cursor does not continue a JSON one.
    await expect(exportPage(store, SITE, NOW, { format: 'json', cursor: issued })).rejects.toMatchObject({ field: 'cursor' });
    await expect(exportPage(store, SITE, NOW, { format: 'csv', cursor: issued, pageSize: 1 })).resolves.toMatchObject({ tokenChecks: 1 });
  });
});
