/**
 * The organization's API token inventory against the emulator: every page (cursor or URL links), the
 * documented rate limit, a bad key failing with the fix, and the key never printed or stored.
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY_FIX, listOrgTokens, type CheckDeps } from '../../src/core/checks';
import { DEMO_ORG, DEMO_ORG_TOKENS, DEMO_OTHER_ORG, startEmulator, type Emulator } from '../../src/emulator';
import { runScopeDoctor } from '../support/cli';

let emulator: Emulator;
const sleeps: number[] = [];
let deps: CheckDeps;

beforeAll(async () => {
  emulator = await startEmulator();
  deps = { fetch: (url, init) => fetch(url, init), hosts: emulator.hosts, clock: { now: () => new Date(), sleep: async (ms) => void sleeps.push(ms) } };
});
afterEach(() => {
  emulator.faults.clear();
  emulator.state.wire.orgTokenNext = 'cursor';
  emulator.state.wire.orgTokenPageSize = 3;
  sleeps.length = 0;
});
afterAll(async () => {
  await emulator.close();
});

const inventory = (adminKey: string = DEMO_ORG.adminKey, orgId: string = DEMO_ORG.id) => listOrgTokens(deps, { orgId, adminKey });
const tokenRequests = () => emulator.requests.filter((r) => r.host === 'api' && r.path.startsWith('/admin/api-access/'));

describe('organization API token inventory', () => {
  it('reads every page through cursor links and flags each demo token as its scenario says', async () => {
    const before = tokenRequests().length;
    const report = await inventory();
    expect(report.pages).toBe(3);
    expect(tokenRequests().length - before).toBe(3);
    expect(report.tokens.map((t) => [t.label, t.flags])).toEqual(DEMO_ORG_TOKENS.map((t) => [t.label, t.flag ? [t.flag] : []]));
    expect(report.results.map((r) => [r.id, r.status])).toEqual([
      ['tokens.list', 'pass'],
      ['tokens.expired', 'warn'],
      ['tokens.expires-1d', 'warn'],
      ['tokens.expires-7d', 'warn'],
      ['tokens.expires-30d', 'info'],
      ['tokens.unused', 'warn'],
    ]);
    expect(report.verdict).toBe('warn');
  });

  it('follows links.next given as a whole URL of the same endpoint, one token per page', async () => {
    emulator.state.wire.orgTokenNext = 'url';
    emulator.state.wire.orgTokenPageSize = 1;
    const report = await inventory();
    expect(report.pages).toBe(DEMO_ORG_TOKENS.length);
    expect(report.tokens).toHaveLength(DEMO_ORG_TOKENS.length);
  });

  it('waits out a 429 with the recorded rate-limit headers, then carries on', async () => {
    emulator.faults.add({ host: 'api', pathPrefix: '/admin/api-access/', kind: '429', retryAfter: 2, times: 1 });
    const report = await inventory();
    expect(sleeps).toEqual([2000]);
    expect(report.tokens).toHaveLength(DEMO_ORG_TOKENS.length);
    expect(report.results[0]).toMatchObject({ status: 'pass' });
  });

  it('says it could not tell, never fail, when the rate limit does not lift', async () => {
    emulator.faults.add({ host: 'api', pathPrefix: '/admin/api-access/', kind: '429', retryAfter: 1 });
    const report = await inventory();
    expect(report.verdict).toBe('unknown');
    expect(report.results[0]).toMatchObject({ status: 'unknown', evidence: { httpStatus: 429, outcome: 'rate-limited' } });
  });

  it('fails a bad key with the fix, on the status alone (the body of that 401 is not recorded)', async () => {
    const report = await inventory('demo-not-a-key');
    expect(report.verdict).toBe('fail');
    expect(report.results[0]).toMatchObject({
      status: 'fail',
      title: 'The organization API key was refused',
      fix: `${ADMIN_KEY_FIX}, and set SCOPE_DOCTOR_ADMIN_KEY to it.`,
    });
    expect(JSON.stringify(report)).not.toContain('demo-not-a-key');
  });

  it('does not decide on another organization’s key or an unknown organization ID', async () => {
    expect((await inventory(DEMO_OTHER_ORG.adminKey)).results[0]).toMatchObject({ status: 'unknown', evidence: { httpStatus: 403 } });
    expect((await inventory(DEMO_ORG.adminKey, 'demo-org-00000000-0000-0000-0000-000000000000')).results[0]).toMatchObject({
      status: 'unknown',
      evidence: { httpStatus: 404 },
    });
  });

  it('refuses an organization ID that could leave its path segment, before any request', async () => {
    const before = tokenRequests().length;
    await expect(inventory(DEMO_ORG.adminKey, '../../v1/orgs')).rejects.toThrow(/organization ID/);
    expect(tokenRequests().length).toBe(before);
  });
});

describe('scope-doctor tokens', () => {
  const cli = (args: string[], env: Record<string, string> = {}) => runScopeDoctor(['tokens', ...args], { SCOPE_DOCTOR_ATLASSIAN_URL: emulator.url, ...env });

  it('prints the flags and a table, exit 0 for warnings, never the key, and stores nothing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const run = await cli(['--org', DEMO_ORG.id], { SCOPE_DOCTOR_ADMIN_KEY: DEMO_ORG.adminKey, SCOPE_DOCTOR_DATA_DIR: dataDir, HOME: dataDir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('✓ 7 API tokens of 3 people');
    expect(run.stdout).toContain('! 1 expired');
    expect(run.stdout).toMatch(/\nLabel +Owner +Expires +Last used +Flags\nTargetprocess import +uri@acme\.example .* expired\n/);
    expect(run.stdout + run.stderr).not.toContain(DEMO_ORG.adminKey);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('fails a bad key (exit 1) with the fix, as JSON too', async () => {
    const run = await cli(['--org', DEMO_ORG.id, '--json'], { SCOPE_DOCTOR_ADMIN_KEY: 'demo-not-a-key' });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ verdict: 'fail', results: [{ fix: `${ADMIN_KEY_FIX}, and set SCOPE_DOCTOR_ADMIN_KEY to it.` }] });
  });

  it('refuses the key as an argument and asks for SCOPE_DOCTOR_ADMIN_KEY with no terminal (exit 2)', async () => {
    const runs = await Promise.all([
      cli(['--org', DEMO_ORG.id, '--admin-key', 'demo-on-argv']),
      cli(['--org', DEMO_ORG.id, '--key=demo-on-argv']),
      cli(['--org', DEMO_ORG.id]),
      cli(['--org', 'a/b']),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout + run.stderr).not.toContain('demo-on-argv');
    }
    expect(runs[0]?.stderr).toContain('set SCOPE_DOCTOR_ADMIN_KEY');
    expect(runs[2]?.stderr).toContain('no terminal to ask on: set SCOPE_DOCTOR_ADMIN_KEY');
  });
});
