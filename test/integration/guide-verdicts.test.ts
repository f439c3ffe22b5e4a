/**
 * Verdicts a guide-follower can trust: each vendor guide's own lists, cut from the seed files in every form
 * they appear, through the core and through the CLI. Whoever sets an integration up exactly as its guide
 * says must not see a failure, a "Remove" for a scope the vendor asks for, or a warning with nothing to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopesForLabel } from '../../src/core/catalog';
import { checkOAuthClient, checkToken, coverageResults, offlineAccessResult, permissionResults, scopeListResults, type CheckDeps } from '../../src/core/checks';
import type { CheckResult, Status } from '../../src/core/model';
import { requireProfile, scopeLintOptions, type Profile } from '../../src/core/profiles';
import { analyzeCoverage, type CoverageResult } from '../../src/core/scope-coverage';
import { parseScopeList } from '../../src/core/scopes';
import { DEMO_ACCOUNTS, DEMO_OAUTH_APPS, DEMO_SITE, startEmulator, type Emulator } from '../../src/emulator';
import { runScopeDoctor } from '../support/cli';
import { kendisCloudLists, kendisDataCenterPermission, kendisUserTokenLists, oneConnectLists, targetprocessLists } from '../support/seeds';

interface Verdict {
  verdict: Status;
  results: CheckResult[];
  coverage: CoverageResult;
}

/** What the admin page and `coverage` show for a pasted list: its lint, offline_access, coverage. */
function judge(profile: Profile, text: string): Verdict {
  const parsed = parseScopeList(text, scopeLintOptions(profile));
  const coverage = analyzeCoverage(profile, parsed.scopes);
  const offline = offlineAccessResult('oauth.scopes', parsed.scopes, profile.needsOfflineAccess, 'info');
  const results = [
    ...scopeListResults('scopes', parsed.scopes, parsed.findings),
    ...(offline ? [offline] : []),
    ...coverageResults('coverage', coverage, (missing) => `Add ${missing.join(', ')}`),
  ];
  const verdict: Status = results.some((r) => r.status === 'fail') ? 'fail' : results.some((r) => r.status === 'warn') ? 'warn' : 'pass';
  return { verdict, results, coverage };
}

function coverageJson(profileId: string, text: string) {
  return runScopeDoctor(['coverage', '--profile', profileId, '--scopes', text, '--json']).then((run) => ({
    code: run.code,
    text: run.stdout,
    json: JSON.parse(run.stdout) as CoverageResult & { results: CheckResult[] },
  }));
}

const warningsWithoutFix = (results: readonly CheckResult[]) => results.filter((r) => r.status === 'warn' && !r.fix?.trim());
const removals = (results: readonly CheckResult[]) => results.filter((r) => /\bremove\b/i.test(`${r.title} ${r.fix ?? ''}`));

describe('Kendis Cloud OAuth (seed 000): per guide it does not fail; deleting sprints is a question for Kendis', () => {
  const profile = requireProfile('kendis-cloud-oauth');
  const { titles, forms } = kendisCloudLists();
  // The guide gives titles only; the console shows each title's scope string beside it.
  const strings = titles.flatMap((title) => scopesForLabel(title));
  const all = [...forms, { form: 'the scope strings of those titles', text: strings.join('\n') }];

  it('the guide lists six titles, the six scopes of the profile', () => {
    expect(titles).toHaveLength(6);
    expect(strings).toEqual(profile.vendorScopes);
  });

  for (const { form, text } of all) {
    it(`${form}: warn, never fail, with "ask Kendis" for delete:sprint:jira-software`, () => {
      const { verdict, results, coverage } = judge(profile, text);
      expect(coverage.missing).toEqual([]);
      expect(coverage.likelyMissing).toEqual(['delete:sprint:jira-software']);
      expect(verdict).toBe('warn');
      expect(results.filter((r) => r.status === 'warn')).toEqual([
        expect.objectContaining({ id: 'coverage.likely.delete-sprints', fix: 'Ask Kendis whether it deletes sprints; if so, add delete:sprint:jira-software' }),
      ]);
    });
  }

  it('one guide permission left out fails, naming the scope', () => {
    const withoutOne = titles.filter((title) => title !== 'Update and delete sprints').join('\n');
    const { verdict, coverage } = judge(profile, withoutOne);
    expect(verdict).toBe('fail');
    expect(coverage.missing).toEqual(['write:sprint:jira-software']);
  });

  it('CLI: coverage exits 0 with the warning; lint exits 0; one missing guide scope exits 1', async () => {
    const [perGuide, comma, lint, withoutOne] = await Promise.all([
      runScopeDoctor(['coverage', '--profile', profile.id, '--scopes', forms[0]!.text]),
      coverageJson(profile.id, forms[1]!.text),
      runScopeDoctor(['scopes', 'lint', '-'], {}, forms[0]!.text),
      runScopeDoctor(['coverage', '--profile', profile.id, '--scopes', titles.filter((t) => t !== 'Update epics').join(', ')]),
    ]);
    expect(perGuide.code).toBe(0);
    expect(perGuide.stdout).toContain('! Delete sprints: delete:sprint:jira-software may be needed');
    expect(perGuide.stdout).toContain('- Fix: Ask Kendis whether it deletes sprints; if so, add delete:sprint:jira-software');
    expect(perGuide.stdout).not.toContain('✗');
    expect(comma).toMatchObject({ code: 0, json: { verdict: 'warn', missing: [], likelyMissing: ['delete:sprint:jira-software'] } });
    expect(comma.text).not.toContain('read:build');
    expect(lint.code).toBe(0);
    expect(withoutOne.code).toBe(1);
    expect(withoutOne.stdout).toContain('write:epic:jira-software  needed for: Update epics');
  });
});

describe('Kendis user token (seed 001): the guide’s 20 scopes pass', () => {
  const profile = requireProfile('kendis-user-token');
  const { scopes, forms } = kendisUserTokenLists();

  it('the guide lists the profile’s 20 scopes', () => {
    expect([...scopes].sort()).toEqual([...profile.vendorScopes].sort());
  });

  for (const { form, text } of forms) {
    it(`${form}: pass, and delete:comment:jira is kept because Kendis asks for it`, async () => {
      const { verdict, results, coverage } = judge(profile, text);
      expect(verdict).toBe('pass');
      expect(coverage.excess).toEqual([]);
      expect(coverage.keptForVendor).toEqual(['delete:comment:jira']);
      expect(results.find((r) => r.id === 'coverage.vendor-listed')).toMatchObject({ status: 'info', title: '1 scope kept because Kendis asks for it' });
      expect(removals(results)).toEqual([]);
      const [cli, lint] = await Promise.all([coverageJson(profile.id, text), runScopeDoctor(['scopes', 'lint', '-'], {}, text)]);
      expect(cli).toMatchObject({ code: 0, json: { verdict: 'pass', excess: [], keptForVendor: ['delete:comment:jira'] } });
      expect(lint.code).toBe(0);
    });
  }
});

describe('Kendis Data Center (seed 002): the guide’s "Admin" is ADMIN, and passes', () => {
  const profile = requireProfile('kendis-dc-oauth');
  const permission = kendisDataCenterPermission();

  it('the guide selects "Admin"', () => {
    expect(permission).toBe('Admin');
  });

  for (const written of [permission, `"${permission}"`, `- ${permission}`]) {
    it(`${written}: coverage and the link permission pass`, () => {
      expect(judge(profile, written).verdict).toBe('pass');
      expect(parseScopeList(written, scopeLintOptions(profile)).scopes).toEqual(['ADMIN']);
      expect(permissionResults(written, profile).map((r) => r.status)).toEqual(['pass']);
    });
  }

  it('CLI: coverage and lint with the Data Center profile exit 0; without it, lint names ADMIN', async () => {
    const [coverage, lint, bare] = await Promise.all([
      coverageJson(profile.id, permission),
      runScopeDoctor(['scopes', 'lint', '--profile', profile.id, permission]),
      runScopeDoctor(['scopes', 'lint', permission]),
    ]);
    expect(coverage).toMatchObject({ code: 0, json: { verdict: 'pass', missing: [] } });
    expect(lint.code).toBe(0);
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain('Fix: Use ADMIN');
  });
});

describe('OneConnect bi-directional (seed 003): nothing the vendor lists is advised for removal', () => {
  const profile = requireProfile('oneconnect-oauth-full');
  const lists = oneConnectLists();

  it('the guide’s lists hold 7 classic, 4 Service Management and 11 granular scopes', () => {
    expect([lists.classic.length, lists.serviceManagement.length, lists.granularScopes.length, lists.granularTitles.length]).toEqual([7, 4, 11, 11]);
  });

  for (const { form, text } of lists.forms) {
    it(`${form}: no failure, no "Remove", read:issue:jira and read:jira-user kept because OnePlan asks for them`, () => {
      const { verdict, results, coverage } = judge(profile, text);
      expect(verdict).not.toBe('fail');
      expect(coverage.missing).toEqual([]);
      expect(coverage.excess).toEqual([]);
      expect(coverage.keptForVendor).toEqual(['read:issue:jira', 'read:jira-user']);
      expect(removals(results)).toEqual([]);
      expect(results.find((r) => r.id === 'coverage.vendor-listed')?.title).toBe('2 scopes kept because OnePlan asks for them');
      expect(warningsWithoutFix(results)).toEqual([]);
      // Mixing kinds is what the guide asks for: information, said once.
      expect(parseScopeList(text, scopeLintOptions(profile)).findings.filter((f) => f.problem === 'mixed-kinds')).toEqual([
        expect.objectContaining({ severity: 'info', message: expect.stringContaining('as the OnePlan guide does') }),
      ]);
    });
  }

  it('the guide’s typos are corrected with the exact fix, and "View Issues" is the read:issue:jira it pairs', () => {
    const asWritten = judge(profile, lists.granularScopes.join('\n'));
    expect(asWritten.results.filter((r) => r.status === 'warn').map((r) => r.fix)).toEqual([
      'Use read:issue:jira',
      'Use read:project:jira',
      'Use read:board-scope:jira-software',
    ]);
    const titles = parseScopeList(lists.granularTitles.join('\n'), scopeLintOptions(profile));
    expect(titles.scopes).toContain('read:issue:jira');
    expect(titles.scopes).not.toContain('read:issue:jira-software');
  });

  it('CLI: coverage --json keeps vendor-listed scopes out of excess and never says Remove; lint judges the strings as written', async () => {
    const runs = await Promise.all(lists.forms.map(({ text }) => coverageJson(profile.id, text)));
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.json.excess).toEqual([]);
      expect(run.json.keptForVendor).toEqual(['read:issue:jira', 'read:jira-user']);
      expect(run.text).not.toMatch(/\bremove\b/i);
    }
    const [classic, titles, typos] = await Promise.all([
      runScopeDoctor(['scopes', 'lint', '-'], {}, [...lists.classic, ...lists.serviceManagement].join('\n')),
      runScopeDoctor(['scopes', 'lint', '--profile', profile.id, '-'], {}, lists.granularTitles.join(', ')),
      runScopeDoctor(['scopes', 'lint', '-'], {}, lists.granularScopes.join('\n')),
    ]);
    expect(classic.code).toBe(0);
    expect(titles.code).toBe(0);
    // The console and an authorize URL refuse read:issue:Jira and "read: board-scope:…" as typed.
    expect(typos.code).toBe(1);
    expect(typos.stdout).toContain('✗ "read: board-scope:jira-software": stray space');
  });
});

describe('Targetprocess (seed 004): per guide, no warning without a fix', () => {
  const profile = requireProfile('targetprocess');
  const { scopes, forms } = targetprocessLists();

  it('the guide lists 13 scopes and offline_access', () => {
    expect(scopes).toHaveLength(14);
    expect([...scopes].sort()).toEqual([...profile.vendorScopes].sort());
  });

  for (const { form, text } of forms) {
    it(`${form}: pass, with no warning at all`, async () => {
      const { verdict, results } = judge(profile, text);
      expect(verdict).toBe('pass');
      expect(warningsWithoutFix(results)).toEqual([]);
      const [cli, lint] = await Promise.all([coverageJson(profile.id, text), runScopeDoctor(['scopes', 'lint', '-'], {}, text)]);
      expect(cli).toMatchObject({ code: 0, json: { verdict: 'pass', excess: [], keptForVendor: [] } });
      expect(warningsWithoutFix(cli.json.results)).toEqual([]);
      expect(lint.code).toBe(0);
    });
  }

  it('the console list without offline_access: information, not a warning (only the consent test can tell)', () => {
    const consoleList = scopes.filter((scope) => scope !== 'offline_access').join('\n');
    const { verdict, results } = judge(profile, consoleList);
    expect(verdict).toBe('pass');
    expect(results.find((r) => r.id === 'oauth.scopes.offline-access')).toMatchObject({
      status: 'info',
      detail: expect.stringContaining('not a console permission'),
    });
  });
});

describe('against the emulator: the checks an admin runs, per guide', () => {
  let emulator: Emulator;
  let deps: CheckDeps;
  beforeAll(async () => {
    emulator = await startEmulator();
    deps = { fetch: (url, init) => fetch(url, init), hosts: emulator.hosts };
  });
  afterAll(async () => {
    expect(emulator.requests.every((r) => !r.mutated)).toBe(true);
    await emulator.close();
  });

  it('Kendis app with the guide’s six titles: warn (delete sprints), not fail', async () => {
    const app = DEMO_OAUTH_APPS.kendis;
    const report = await checkOAuthClient(deps, {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      callbackUrl: app.callbackUrl,
      scopes: kendisCloudLists().forms[0]!.text,
      profile: requireProfile('kendis-cloud-oauth'),
    });
    expect(report.verdict).toBe('warn');
    expect(warningsWithoutFix(report.results)).toEqual([]);
  });

  it('OneConnect app with the guide’s lists: no "Remove", no warning without a fix', async () => {
    const app = DEMO_OAUTH_APPS.oneconnect;
    const report = await checkOAuthClient(deps, {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      callbackUrl: app.callbackUrl,
      scopes: oneConnectLists().forms[0]!.text,
      profile: requireProfile('oneconnect-oauth-full'),
    });
    expect(report.verdict).not.toBe('fail');
    expect(removals(report.results)).toEqual([]);
    expect(warningsWithoutFix(report.results)).toEqual([]);
    expect(report.coverage?.excess).toEqual([]);
  });

  it('Targetprocess app with the guide’s one-line list: pass, no warning without a fix', async () => {
    const app = DEMO_OAUTH_APPS.targetprocess;
    const line = targetprocessLists().forms[1]!.text;
    const report = await checkOAuthClient(deps, {
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      callbackUrl: app.callbackUrl,
      scopes: line,
      profile: requireProfile('targetprocess'),
    });
    expect(report.verdict).toBe('pass');
    expect(warningsWithoutFix(report.results)).toEqual([]);
  });

  it('OneConnect’s API token with the guide’s classic scopes: no agile or granular scope reported missing', async () => {
    const profile = requireProfile('oneconnect-oauth-full');
    const token = 'demo-oneconnect-classic-scoped-token';
    emulator.state.addApiToken({ token, accountId: DEMO_ACCOUNTS.admin.accountId, kind: 'scoped', scopes: oneConnectClassicScopes() });
    const report = await checkToken(deps, { site: DEMO_SITE.host, email: DEMO_ACCOUNTS.admin.email, token, profile });
    expect(report.kind).toBe('scoped');
    expect(report.probes.map((p) => p.scope).sort()).toEqual(oneConnectClassicScopes().sort());
    expect(report.probes.filter((p) => p.status === 'missing')).toEqual([]);
    expect(report.coverage?.missing).toEqual([]);
    expect(report.results.find((r) => r.id === 'token.scopes.missing')).toBeUndefined();
    expect(report.verdict).not.toBe('fail');
    expect(warningsWithoutFix(report.results)).toEqual([]);
    // OneConnect takes the Cloud ID itself: the fix is its own field, not a URL to paste.
    expect(report.results.find((r) => r.id === 'token.kind')?.fix).toContain(`enter the Cloud ID ${DEMO_SITE.cloudId}`);
    expect(JSON.stringify(report)).not.toContain(token);
  });
});

/** The classic scopes the OneConnect guide lists: the Jira platform and Service Management ones. */
function oneConnectClassicScopes(): string[] {
  const { classic, serviceManagement } = oneConnectLists();
  return [...classic, ...serviceManagement];
}
