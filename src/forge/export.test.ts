import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { OAuthClientReport, TokenReport } from '../core/checks/types';
import type { ConnectionView, TokenCheckSummary } from './api';
import { buildExport, exportCsv, exportFile, type ExportData } from './export';

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

  it('names the file for the site and day, with the type to save it as', () => {
    const document = buildExport(data, SITE, NOW);
    expect(exportFile('csv', document)).toMatchObject({ filename: 'scope-doctor-acme-2026-11-25.csv', mimeType: 'text/csv;charset=utf-8' });
    const json = exportFile('json', document);
    expect(json).toMatchObject({ filename: 'scope-doctor-acme-2026-11-25.json', mimeType: 'application/json' });
    expect(JSON.parse(json.content)).toEqual(document);
  });
});
