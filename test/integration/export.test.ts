/**
 * Export end to end: a local store filled the way `scope-doctor start` fills it (the demo connections, the
 * Kendis app added, checks against the emulator, a rotated client secret, tokens kept for re-checks, a
 * revoked one), then the admin resolver and `scope-doctor export` in both formats. Every byte of every
 * output is scanned for each value in the secret store and for anything shaped like a credential.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_OAUTH_APPS, DEMO_TOKENS, startEmulator, type Emulator } from '../../src/emulator';
import type { ExportFile, ExportFormat, ExportPage } from '../../src/forge/api';
import { EXPORT_PAGE_SIZE, type ExportDocument } from '../../src/forge/export';
import { keys } from '../../src/forge/storage/keys';
import { recheckToken } from '../../src/forge/tokens';
import { openFileStorage, type FileStorage } from '../../src/local/adapters/file-store';
import { localDeps, type LocalAppDeps } from '../../src/local/deps';
import { DEMO_CONNECTIONS, seedDemoData } from '../../src/local/seed';
import { runScopeDoctor } from '../support/cli';
import { demoResolverCalls } from '../support/demo-resolvers';

let emulator: Emulator;
let dataDir: string;
let storage: FileStorage;
let deps: LocalAppDeps;
const { data } = demoResolverCalls(() => deps);

/** Built here, not written out: shaped like an Atlassian API token, so a leak of it is unmistakable. */
const ATLASSIAN_SHAPED_TOKEN = ['ATA', 'TT3x', 'FfGF0', 'demoExportToken'.repeat(3)].join('');
/** What a credential looks like: Atlassian API tokens and admin keys, JWT access tokens, chat webhooks, auth headers. */
const CREDENTIAL_SHAPES = [
  /ATATT/,
  /ATCTT/,
  /eyJ[A-Za-z0-9_-]{20,}/,
  /hooks\.slack\.com\/services/,
  /webhook\.office\.com/,
  /\b(?:Basic|Bearer) [A-Za-z0-9+/=._-]{8,}/,
];

beforeAll(async () => {
  emulator = await startEmulator();
  dataDir = await mkdtemp(join(tmpdir(), 'scope-doctor-export-'));
  storage = await openFileStorage(dataDir);
  deps = localDeps({ ...storage, hosts: emulator.hosts, log: () => undefined });
  await seedDemoData(deps);

  const kendis = DEMO_OAUTH_APPS.kendis;
  const added = await data('admin', 'saveConnection', {
    connection: {
      name: 'Kendis',
      profileId: 'kendis-cloud-oauth',
      clientId: kendis.clientId,
      callbackUrl: kendis.callbackUrl,
      scopes: 'read:project:jira',
      clientSecret: kendis.clientSecret,
    },
  });
  const connections = await data('admin', 'listConnections', {});
  for (const connection of connections) await data('admin', 'checkConnection', { id: connection.id });
  // The secret was rotated in the developer console: the next check records that it is no longer accepted.
  emulator.state.oauthApps.get(kendis.clientId)!.clientSecret = 'demo-kendis-client-secret-rotated';
  await data('admin', 'checkConnection', { id: added.id });

  const ana = DEMO_ACCOUNTS.admin;
  await data('admin', 'checkMyToken', {
    email: ana.email,
    token: ana.classicToken,
    profileId: 'oneconnect-classic-token',
    recheck: true,
    expiresOn: '2026-12-31',
  });
  // Revoked, re-checked, then back: the emulator signs Ana in with it for the admin permission check.
  const revoked = emulator.state.apiTokens.get(ana.classicToken)!;
  emulator.state.apiTokens.delete(ana.classicToken);
  expect(await recheckToken(ana.accountId, deps)).toBe(true);
  emulator.state.addApiToken(revoked);
  await data('user', 'checkMyToken', { email: DEMO_ACCOUNTS.user.email, token: ATLASSIAN_SHAPED_TOKEN, profileId: 'kendis-user-token', recheck: true });

  // Other secrets an admin may configure (an organization API key, a chat webhook): they live in the same store.
  await storage.secrets.setSecret('org-admin-key:demo-org', 'demo-org-admin-key-acme');
  await storage.secrets.setSecret('reminder-webhook', 'https://hooks.slack.com/services/T0DEMO/B0DEMO/demoWebhookSecret');
});

afterAll(async () => {
  expect(emulator.requests.every((r) => !r.mutated)).toBe(true);
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Each secret as stored, and each string inside one stored as JSON (a kept token travels with its email). */
function secretValues(): string[] {
  return [...storage.secrets.secrets.values()].flatMap((value) => {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === 'object' && parsed !== null) {
        // The email is no secret (it names the person in the report); the token beside it is.
        return [
          value,
          ...Object.entries(parsed)
            .filter(([field, v]) => field !== 'email' && typeof v === 'string')
            .map(([, v]) => v as string),
        ];
      }
    } catch {
      // Not JSON: the value itself is the secret.
    }
    return [value];
  });
}

function expectNoSecret(output: string, what: string): void {
  const secrets = secretValues();
  // The store holds what the setup put there: the two client secrets seeded, Kendis's, two kept tokens, two more.
  expect(secrets).toEqual(
    expect.arrayContaining([
      DEMO_OAUTH_APPS.oneconnect.clientSecret,
      DEMO_OAUTH_APPS.kendis.clientSecret,
      DEMO_ACCOUNTS.admin.classicToken,
      ATLASSIAN_SHAPED_TOKEN,
      'demo-org-admin-key-acme',
    ]),
  );
  for (const secret of secrets) expect(output.includes(secret), `${what} holds a secret ending ${secret.slice(-4)}`).toBe(false);
  for (const shape of CREDENTIAL_SHAPES) expect(output, `${what}: ${shape}`).not.toMatch(shape);
  for (const token of Object.values(DEMO_TOKENS)) expect(output.includes(token.token), what).toBe(false);
}

/** Every page of the admin page's export, as the page asks for them; each page scanned on its own too. */
async function resolverPages(format: ExportFormat): Promise<{ pages: ExportPage[]; file: ExportFile }> {
  const pages = [await data('admin', 'exportData', { format })];
  for (let cursor = pages[0]!.cursor; cursor !== undefined; cursor = pages.at(-1)!.cursor) pages.push(await data('admin', 'exportData', { format, cursor }));
  for (const [i, page] of pages.entries()) expectNoSecret(`${page.content}${page.cursor ?? ''}`, `${format} page ${i + 1}`);
  return { pages, file: { filename: pages[0]!.filename, mimeType: pages[0]!.mimeType, content: pages.map((page) => page.content).join('') } };
}

describe('export', () => {
  let json: ExportFile;
  let csv: ExportFile;

  it('the admin resolver exports every connection and token check, with history and changes, and no secret', async () => {
    json = (await resolverPages('json')).file;
    csv = (await resolverPages('csv')).file;
    expectNoSecret(json.content, 'JSON');
    expectNoSecret(csv.content, 'CSV');

    const document = JSON.parse(json.content) as ExportDocument;
    expect(document.connections.map((c) => c.name)).toEqual(['Kendis', ...DEMO_CONNECTIONS.map((c) => c.name)].sort((a, b) => a.localeCompare(b)));
    expect(document.connections.every((c) => c.clientSecret === 'set')).toBe(true);
    const kendis = document.connections[0]!;
    expect(kendis.history).toHaveLength(2);
    expect(kendis.changes.flatMap((c) => c.described)).toContain('secret no longer accepted');
    expect(document.tokens.map((t) => t.displayName).sort()).toEqual(['Ana Admin', 'Uri User']);
    expect(document.tokens.find((t) => t.displayName === 'Ana Admin')?.changes.flatMap((c) => c.described)).toContain('token no longer accepted');

    const rows = parse<Record<string, string>>(csv.content, { bom: true, columns: true });
    const records = new Set(rows.map((row) => row.record));
    expect([...records].sort()).toEqual(['change', 'check', 'connection', 'coverage', 'history', 'scope', 'token']);
    expect(rows.filter((row) => row.record === 'connection')).toHaveLength(document.connections.length);
    expect(rows.some((row) => row.record === 'scope' && row.item === 'connection' && row.status === 'missing')).toBe(true);
    expect(rows.some((row) => row.record === 'change' && row.detail === 'secret no longer accepted' && row.name === 'Kendis')).toBe(true);
  });

  it('scope-doctor export prints the same document from the local store, and writes --out FILE', async () => {
    const env = { SCOPE_DOCTOR_DATA_DIR: dataDir };
    const printed = await runScopeDoctor(['export', '--format', 'json'], env);
    expect(printed.code, printed.stderr).toBe(0);
    expectNoSecret(printed.stdout + printed.stderr, 'CLI JSON');
    const fromCli = JSON.parse(printed.stdout) as { exportedAt: string };
    const fromResolver = JSON.parse(json.content) as { exportedAt: string };
    expect({ ...fromCli, exportedAt: '' }).toEqual({ ...fromResolver, exportedAt: '' });

    const out = join(dataDir, 'export.csv');
    const written = await runScopeDoctor(['export', '--format', 'csv', '--out', out], env);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout.trim()).toBe(`Wrote the CSV export to ${out}`);
    const bytes = await readFile(out, 'utf8');
    expectNoSecret(bytes, 'CLI CSV file');
    // The same rows as the page's download (only the clock differs, and no cell holds it).
    expect(bytes).toBe(csv.content);

    const csvOut = await runScopeDoctor(['export', '--format', 'csv'], env);
    expect(`${csvOut.stdout}`).toBe(csv.content);
  });

  it('many token checks come in pages, none with a secret, and join into the file the CLI writes', async () => {
    // Copies of the checks already stored, under more accounts: enough for several pages.
    const ana = DEMO_ACCOUNTS.admin.accountId;
    const [summary, report, history] = await Promise.all([
      deps.store.get<object>(keys.tokenCheck(ana)),
      deps.store.get<object>(keys.tokenReport(ana)),
      deps.store.get<object>(keys.tokenHistory(ana)),
    ]);
    const copies = EXPORT_PAGE_SIZE * 2 + 3;
    for (let i = 0; i < copies; i++) {
      const accountId = `copy-${String(i).padStart(3, '0')}`;
      await deps.store.set(keys.tokenCheck(accountId), { ...summary, accountId });
      await deps.store.set(keys.tokenReport(accountId), report);
      await deps.store.set(keys.tokenHistory(accountId), history);
    }
    for (const format of ['json', 'csv'] as const) {
      const { pages, file } = await resolverPages(format);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(pages.every((page) => page.tokenChecks <= EXPORT_PAGE_SIZE)).toBe(true);
      expect(pages.reduce((sum, page) => sum + page.tokenChecks, 0)).toBe(copies + 2);
      expectNoSecret(file.content, `${format} pages joined`);
      const printed = await runScopeDoctor(['export', '--format', format], { SCOPE_DOCTOR_DATA_DIR: dataDir });
      expect(printed.code, printed.stderr).toBe(0);
      if (format === 'csv') expect(printed.stdout).toBe(file.content);
      else {
        const document = JSON.parse(file.content) as ExportDocument;
        expect(document.tokens).toHaveLength(copies + 2);
        expect({ ...(JSON.parse(printed.stdout) as ExportDocument), exportedAt: '' }).toEqual({ ...document, exportedAt: '' });
      }
    }
  });

  it('a wrong --format or a folder with no local data is a one-line error, exit 2', async () => {
    for (const args of [['export', '--format', 'xlsx'], ['export']]) {
      const run = await runScopeDoctor(args, { SCOPE_DOCTOR_DATA_DIR: dataDir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim()).toBe('scope-doctor: --format must be csv or json');
    }
    const broken = await mkdtemp(join(tmpdir(), 'scope-doctor-export-broken-'));
    await writeFile(join(broken, 'store.json'), '{');
    const unreadable = await runScopeDoctor(['export', '--format', 'csv'], { SCOPE_DOCTOR_DATA_DIR: broken });
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr.trim().split('\n')).toEqual([
      `scope-doctor: Cannot read ${join(broken, 'store.json')}: it is not valid JSON. Move it aside to start with empty local data.`,
    ]);
    await rm(broken, { recursive: true, force: true });

    const missing = join(dataDir, 'nothing-here');
    const run = await runScopeDoctor(['export', '--format', 'json'], { SCOPE_DOCTOR_DATA_DIR: missing });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `scope-doctor: no local data in ${missing}: run scope-doctor start first, or set SCOPE_DOCTOR_DATA_DIR to its folder`,
    ]);
  });
});
