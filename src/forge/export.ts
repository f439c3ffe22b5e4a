/**
 * The export of everything Scope Doctor keeps about a site: connections, people's token checks, the scopes
 * and coverage each was judged on, their history and what changed. One builder for the admin page's
 * resolver and the CLI, so both export the same thing. Built only from stored views, which never hold a
 * secret: a client secret is "set" or "not set", a token is never stored outside secret storage.
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { ScopeSource, TokenReport } from '../core/checks/types';
import { describeChange, type Change, type ChangeRecord, type Credential, type HistoryPoint } from '../core/history';
import { InputError, type CheckResult, type Status } from '../core/model';
import type { CapabilityCoverage, CoverageResult } from '../core/scope-coverage/types';
import { mapLimit } from '../core/atlassian';
import type { ConnectionView, ExportFile, ExportFormat, ExportPage, TokenCheckSummary, VerdictPoint } from './api';
import { viewOf, type StoredConnection } from './connections';
import type { Store } from './ports';
import { collect } from './storage/collect';
import { keys } from './storage/keys';
import type { TokenHistory } from './tokens';

export const EXPORT_FORMAT = 'scope-doctor-export';
export const EXPORT_VERSION = 1;
/** Reads in flight at once while collecting per-item records: a page's reads stay within a resolver's time. */
const READ_CONCURRENCY = 16;
/**
 * Token checks in one page. Measured at 90 history points, one check is about 80 KB of JSON (165 MB for
 * 2,000), so 25 make a page of about 2 MB, and its reads (one store list, then a report and a history per
 * check: 51, 16 at a time) take a few seconds of the resolver's 25 s (RESOLVER_LIMIT_MS in limits.ts).
 */
export const EXPORT_PAGE_SIZE = 25;

/** What storage holds for one person's token check. */
export interface StoredTokenCheck {
  summary: TokenCheckSummary;
  report?: TokenReport;
  history?: TokenHistory;
}

export interface ExportData {
  connections: ConnectionView[];
  tokens: StoredTokenCheck[];
}

export interface ExportSite {
  url: string;
  cloudId: string;
}

/**
 * How a scope stands for one item. held / missing / unknown: a token's probes. granted, excess,
 * kept-for-vendor, not-a-known-scope: a connection's judged list. missing / likely-missing: the coverage's
 * scopes to add.
 */
export type ScopeStatus = 'held' | 'missing' | 'likely-missing' | 'unknown' | 'granted' | 'excess' | 'kept-for-vendor' | 'not-a-known-scope';

export interface ScopeRecord {
  scope: string;
  status: ScopeStatus;
  /** Capabilities that need it. */
  neededFor: string[];
}

export interface ChangeExport extends ChangeRecord {
  /** One line per change, as the admin page says it. */
  described: string[];
}

export interface ConnectionRecord {
  id: string;
  name: string;
  profileId: string;
  clientId: string;
  callbackUrl: string;
  clientSecret: 'set' | 'not set';
  /** The scope list as the admin pasted it. */
  pastedScopes: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
  verdict?: Status;
  checkedAt?: string;
  /** Which list the verdict was judged from. */
  scopesFrom?: 'consent' | 'pasted' | 'none';
  scopes: ScopeRecord[];
  coverage?: CoverageResult;
  results: CheckResult[];
  lastConsent?: ConnectionView['lastConsent'];
  history: VerdictPoint[];
  changes: ChangeExport[];
}

export interface TokenRecord {
  accountId: string;
  displayName: string;
  profileId: string;
  kind: TokenCheckSummary['kind'];
  verdict: Status;
  reason?: string;
  checkedAt: string;
  expiresOn?: string;
  daysToExpiry?: number;
  /** The person opted in to re-checks (the token itself stays in secret storage). */
  keptForRecheck: boolean;
  site?: string;
  cloudId?: string;
  scopes: ScopeRecord[];
  coverage?: CoverageResult;
  results: CheckResult[];
  history: HistoryPoint[];
  changes: ChangeExport[];
}

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  site: ExportSite;
  connections: ConnectionRecord[];
  tokens: TokenRecord[];
}

/** Every connection by name, as on the page: they all go in an export's first page. */
async function readConnections(store: Store): Promise<ConnectionView[]> {
  const stored = await collect<StoredConnection>(store, keys.connectionPrefix);
  stored.sort((a, b) => a.name.localeCompare(b.name));
  return mapLimit(stored, READ_CONCURRENCY, (connection) => viewOf(store, connection));
}

/** One page of token checks, in key order (the store's paging order: a sort across pages would read them all). */
async function readTokenChecks(store: Store, limit: number, cursor: string | undefined): Promise<{ tokens: StoredTokenCheck[]; cursor?: string }> {
  const page = await store.list<TokenCheckSummary>(keys.tokenCheckPrefix, { limit, ...(cursor ? { cursor } : {}) });
  const tokens = await mapLimit(page.items, READ_CONCURRENCY, async ({ value: summary }): Promise<StoredTokenCheck> => {
    const [report, history] = await Promise.all([
      store.get<TokenReport>(keys.tokenReport(summary.accountId)),
      store.get<TokenHistory>(keys.tokenHistory(summary.accountId)),
    ]);
    return { summary, ...(report ? { report } : {}), ...(history ? { history } : {}) };
  });
  return page.cursor ? { tokens, cursor: page.cursor } : { tokens };
}

export function buildExport(data: ExportData, site: ExportSite, exportedAt: Date): ExportDocument {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    site,
    connections: data.connections.map(connectionRecord),
    tokens: data.tokens.map(tokenRecord),
  };
}

function connectionRecord(view: ConnectionView): ConnectionRecord {
  const report = view.lastReport;
  const source = report?.scopeSource;
  const judged = judgedList(source);
  return {
    id: view.id,
    name: view.name,
    profileId: view.profileId,
    clientId: view.clientId,
    callbackUrl: view.callbackUrl,
    // Only whether one is stored: not even the last characters the page shows.
    clientSecret: view.clientSecret.set ? 'set' : 'not set',
    pastedScopes: view.scopes,
    version: view.version,
    updatedAt: view.updatedAt,
    updatedBy: view.updatedBy,
    ...(report ? { verdict: report.verdict, checkedAt: report.checkedAt } : {}),
    ...(source ? { scopesFrom: source.used } : {}),
    scopes: [...judged.map((scope) => judgedScope(scope, report?.coverage)), ...scopesToAdd(report?.coverage, judged)],
    ...(report?.coverage ? { coverage: report.coverage } : {}),
    results: report?.results ?? [],
    ...(view.lastConsent ? { lastConsent: view.lastConsent } : {}),
    history: view.history,
    changes: view.changes.map((record) => describedChange(record, 'secret')),
  };
}

function tokenRecord({ summary, report, history }: StoredTokenCheck): TokenRecord {
  const probes = report?.probes ?? [];
  const probed = probes.map((probe) => probe.scope);
  return {
    accountId: summary.accountId,
    displayName: summary.displayName,
    profileId: summary.profileId,
    kind: summary.kind,
    verdict: summary.verdict,
    ...(summary.reason ? { reason: summary.reason } : {}),
    checkedAt: summary.checkedAt,
    ...(summary.expiresOn ? { expiresOn: summary.expiresOn } : {}),
    ...(report?.daysToExpiry !== undefined ? { daysToExpiry: report.daysToExpiry } : {}),
    keptForRecheck: summary.recheck,
    ...(report ? { site: report.site } : {}),
    ...(report?.cloudId ? { cloudId: report.cloudId } : {}),
    scopes: [...probes.map((probe) => ({ scope: probe.scope, status: probe.status, neededFor: probe.neededFor })), ...scopesToAdd(report?.coverage, probed)],
    ...(report?.coverage ? { coverage: report.coverage } : {}),
    results: report?.results ?? [],
    history: history?.history ?? [],
    changes: (history?.changes ?? (summary.latestChange ? [summary.latestChange] : [])).map((record) => describedChange(record, 'token')),
  };
}

function judgedScope(scope: string, coverage: CoverageResult | undefined): ScopeRecord {
  return { scope, status: judgedStatus(scope, coverage), neededFor: capabilitiesWith(coverage, (c) => c.usedScopes.includes(scope)) };
}

function judgedStatus(scope: string, coverage: CoverageResult | undefined): ScopeStatus {
  if (coverage?.excess.includes(scope)) return 'excess';
  if (coverage?.keptForVendor.includes(scope)) return 'kept-for-vendor';
  if (coverage?.unknown.includes(scope)) return 'not-a-known-scope';
  return 'granted';
}

/** The list a connection's verdict was judged from. */
function judgedList(source: ScopeSource | undefined): string[] {
  if (source?.used === 'consent') return source.granted ?? [];
  if (source?.used === 'pasted') return source.pasted;
  return [];
}

/** The coverage's scopes to add that the item's own list does not already name. */
function scopesToAdd(coverage: CoverageResult | undefined, listed: readonly string[]): ScopeRecord[] {
  if (!coverage) return [];
  const known = new Set(listed);
  const toAdd = (scopes: readonly string[], status: ScopeStatus) =>
    scopes.filter((scope) => !known.has(scope)).map((scope) => ({ scope, status, neededFor: capabilitiesWith(coverage, (c) => c.missing.includes(scope)) }));
  return [...toAdd(coverage.missing, 'missing'), ...toAdd(coverage.likelyMissing, 'likely-missing')];
}

function capabilitiesWith(coverage: CoverageResult | undefined, test: (capability: CapabilityCoverage) => boolean): string[] {
  return coverage?.capabilities.filter(test).map((capability) => capability.name) ?? [];
}

function describedChange(record: ChangeRecord, credential: Credential): ChangeExport {
  return { ...record, described: record.changes.map((change) => describeChange(change, credential)) };
}

// CSV: one flat table, not one file per kind (several downloads, or a zip, for one question) nor sections of
// different columns in one file (sorting or filtering breaks them, and CSV readers take one header). Every
// row says which `record` it is (connection, token, check, coverage, scope, history, change) and which item
// it belongs to (`item`, `item_id`, `name`), so a spreadsheet's filter on those two columns gives any view.
const CSV_COLUMNS = ['record', 'item', 'item_id', 'name', 'profile', 'at', 'verdict', 'subject', 'status', 'detail', 'fix'] as const;
const SCOPE_LISTS: Record<NonNullable<ConnectionRecord['scopesFrom']>, string> = {
  consent: 'the consented grant',
  pasted: 'the pasted list (unverified)',
  none: 'no list',
};
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

interface CsvItem {
  item: 'connection' | 'token';
  item_id: string;
  name: string;
  profile: string;
}

export function exportCsv(document: ExportDocument): string {
  return csvText([...document.connections.flatMap(connectionRows), ...document.tokens.flatMap(tokenRows)], true);
}

/** Rows as CSV text; only the file's start carries the byte-order mark and header, so pages join into one file. */
function csvText(rows: CsvRow[], start: boolean): string {
  return stringify(rows, {
    header: start,
    columns: [...CSV_COLUMNS],
    // A cell starting with = + - @ (or a tab or CR) is prefixed with ': a spreadsheet shows it as text
    // instead of running it as a formula (CSV injection: pasted scope lists and names are anyone's text).
    escape_formulas: true,
    // Excel reads a CSV as UTF-8 only with a byte-order mark; change lines hold "→" and names any letter.
    bom: start,
  });
}

function connectionRows(connection: ConnectionRecord): CsvRow[] {
  const item: CsvItem = { item: 'connection', item_id: connection.id, name: connection.name, profile: connection.profileId };
  const row: CsvRow = {
    ...item,
    record: 'connection',
    at: connection.checkedAt ?? '',
    verdict: connection.verdict ?? 'not checked',
    subject: connection.clientId,
    status: `client secret ${connection.clientSecret}`,
    detail: [`callback URL ${connection.callbackUrl}`, `scopes judged from ${SCOPE_LISTS[connection.scopesFrom ?? 'none']}`].join('; '),
  };
  return [row, ...itemRows(item, connection)];
}

function tokenRows(token: TokenRecord): CsvRow[] {
  const item: CsvItem = { item: 'token', item_id: token.accountId, name: token.displayName, profile: token.profileId };
  const expiry = token.expiresOn ? `expires ${token.expiresOn}` : 'no expiry date entered';
  const row: CsvRow = {
    ...item,
    record: 'token',
    at: token.checkedAt,
    verdict: token.verdict,
    subject: `${token.kind} token`,
    status: token.keptForRecheck ? 'kept for re-checks' : 'not kept',
    detail: [token.reason, expiry, token.site ? `site ${token.site}` : ''].filter(Boolean).join('; '),
  };
  return [row, ...itemRows(item, token)];
}

function itemRows(item: CsvItem, record: ConnectionRecord | TokenRecord): CsvRow[] {
  const at = record.checkedAt ?? '';
  return [
    ...record.results.map((result) => ({
      ...item,
      record: 'check',
      at,
      subject: result.title,
      status: result.status,
      detail: result.detail,
      fix: result.fix ?? '',
    })),
    ...(record.coverage?.capabilities ?? []).map((capability) => ({
      ...item,
      record: 'coverage',
      at,
      subject: capability.name,
      status: capability.status,
      detail: [
        capability.certainty,
        capability.missing.length > 0 ? `add ${capability.missing.join(' ')}` : '',
        capability.ask ? `ask the vendor whether it ${capability.ask}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    })),
    ...record.scopes.map((scope) => ({
      ...item,
      record: 'scope',
      at,
      subject: scope.scope,
      status: scope.status,
      detail: scope.neededFor.length > 0 ? `needed for: ${scope.neededFor.join('; ')}` : '',
    })),
    ...record.history.map((point) => ({
      ...item,
      record: 'history',
      at: point.checkedAt,
      verdict: point.verdict,
      status: acceptedText(point),
      detail: point.scopes ? `scopes seen (${point.scopesFrom ?? 'check'}): ${point.scopes.join(' ')}` : '',
    })),
    ...record.changes.flatMap((change) =>
      change.changes.map((one, index) => ({
        ...item,
        record: 'change',
        at: change.at,
        subject: one.kind,
        status: changeStatus(one),
        detail: change.described[index] ?? '',
      })),
    ),
  ];
}

function acceptedText(point: HistoryPoint): string {
  if (point.accepted === undefined) return '';
  return point.accepted ? 'credential accepted' : 'credential refused';
}

function changeStatus(change: Change): string {
  return change.kind === 'verdict' ? change.to : '';
}

/** Where the next page starts: opaque to the page, checked here, since anyone can send any payload. */
const exportCursor = z.object({
  v: z.literal(1),
  format: z.enum(['csv', 'json']),
  /** The first page's time: every page names the same file and day. */
  exportedAt: z.iso.datetime(),
  /** Token checks in the pages before, so a JSON page knows whether its first token follows another. */
  count: z.number().int().min(0),
  /** The store's own cursor. */
  after: z.string().min(1).max(2000),
});
type ExportCursor = z.infer<typeof exportCursor>;

const INVALID_CURSOR = 'cursor: not one this export gave; start the export again';

// Plain JSON, not base64: base64 of JSON starts "eyJ", the look of a JWT, which secret scanners rightly flag.
function encodeCursor(cursor: ExportCursor): string {
  return JSON.stringify(cursor);
}

function decodeCursor(text: string, format: ExportFormat): ExportCursor {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(INVALID_CURSOR, 'cursor');
  }
  const parsed = exportCursor.safeParse(value);
  if (!parsed.success || parsed.data.format !== format) throw new InputError(INVALID_CURSOR, 'cursor');
  return parsed.data;
}

export interface ExportPageRequest {
  format: ExportFormat;
  /** Absent for the first page. */
  cursor?: string;
  /** Token checks per page; EXPORT_PAGE_SIZE unless a test says otherwise. */
  pageSize?: number;
}

/**
 * One page of the export, the one builder of the file: the admin page asks page by page, the CLI loops them
 * in-process. The pages' contents, joined in order, are the file. JSON is built only from JSON.stringify of
 * whole values: the head (every field, then the opening of tokens) on the first page, tokens joined by commas
 * across pages, the close on the last.
 */
export async function exportPage(store: Store, site: ExportSite, now: Date, request: ExportPageRequest): Promise<ExportPage> {
  const { format, pageSize = EXPORT_PAGE_SIZE } = request;
  const from = request.cursor === undefined ? undefined : decodeCursor(request.cursor, format);
  const exportedAt = from?.exportedAt ?? now.toISOString();
  const count = from?.count ?? 0;
  const connections = from ? [] : (await readConnections(store)).map(connectionRecord);
  const read = await readTokenChecks(store, pageSize, from?.after);
  const tokens = read.tokens.map(tokenRecord);
  const last = read.cursor === undefined;
  let content: string;
  if (format === 'csv') {
    content = csvText([...connections.flatMap(connectionRows), ...tokens.flatMap(tokenRows)], !from);
  } else {
    const head: Omit<ExportDocument, 'tokens'> = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, site, connections };
    const fields = Object.entries(head).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
    const opening = from ? '' : `{${[...fields, `${JSON.stringify('tokens')}:[`].join(',')}`;
    const separator = count > 0 && tokens.length > 0 ? ',' : '';
    content = `${opening}${separator}${tokens.map((token) => JSON.stringify(token)).join(',')}${last ? ']}\n' : ''}`;
  }
  const page: ExportPage = { ...exportFileType(format, site, exportedAt), content, tokenChecks: tokens.length };
  if (read.cursor === undefined) return page;
  return { ...page, cursor: encodeCursor({ v: 1, format, exportedAt, count: count + tokens.length, after: read.cursor }) };
}

/** The whole file in one go, for the CLI (it runs locally, with no deadline): the same pages, joined. */
export async function exportWhole(store: Store, site: ExportSite, now: Date, format: ExportFormat): Promise<ExportFile> {
  const contents: string[] = [];
  let page = await exportPage(store, site, now, { format });
  contents.push(page.content);
  while (page.cursor !== undefined) {
    page = await exportPage(store, site, now, { format, cursor: page.cursor });
    contents.push(page.content);
  }
  return { filename: page.filename, mimeType: page.mimeType, content: contents.join('') };
}

/** The name and type the admin page downloads and `scope-doctor export` writes. */
function exportFileType(format: ExportFormat, site: ExportSite, exportedAt: string): Omit<ExportFile, 'content'> {
  const host = new URL(site.url).host.split('.')[0] ?? 'site';
  const base = `scope-doctor-${host}-${exportedAt.slice(0, 10)}`;
  return format === 'csv' ? { filename: `${base}.csv`, mimeType: 'text/csv;charset=utf-8' } : { filename: `${base}.json`, mimeType: 'application/json' };
}
