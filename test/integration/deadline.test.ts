/**
 * Issue 10's slow Atlassian, scaled down by 10: 750 ms per answer and 429 with Retry-After 1, against a
 * deadline of 2.5 s. Every check must come back by the deadline (plus a margin generous enough for a loaded
 * 2-core machine) with `unknown` that says it ran out of time, never `fail`. Real time, since what is tested
 * is that requests are really cut off.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkDataCenter, checkOAuthClient, checkToken, finishConsent, lookupCloudId, startConsent, withDeadline, type CheckDeps } from '../../src/core/checks';
import type { Report } from '../../src/core/model';
import { systemClock } from '../../src/core/ports';
import { requireProfile, type Profile } from '../../src/core/profiles';
import { DEMO_ACCOUNTS, DEMO_APP_SCOPES, DEMO_DC, DEMO_OAUTH_APPS, DEMO_SITE, DEMO_TOKENS, startEmulator, type Emulator } from '../../src/emulator';
import { runScopeDoctor } from '../support/cli';

const DEADLINE_MS = 2500;
const LATENCY_MS = 750;
/** Past the deadline, for the cut-off request to be torn down and the report built on a busy machine. */
const MARGIN_MS = 1500;
const SECRETS = [DEMO_TOKENS.kendisScopedAna.token, DEMO_OAUTH_APPS.kendis.clientSecret, DEMO_DC.link.clientSecret, DEMO_DC.pat];

let emulator: Emulator;
let deps: CheckDeps;
const reports: Report[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  deps = { fetch: (url, init) => fetch(url, init), hosts: emulator.hosts, clock: systemClock, random: () => 0.5 };
});
afterEach(() => emulator.faults.clear());
afterAll(async () => {
  expect(emulator.requests.every((r) => !r.mutated)).toBe(true);
  const json = JSON.stringify(reports);
  for (const secret of SECRETS) expect(json).not.toContain(secret);
  await emulator.close();
});

/** The faults on every host: each answer is slow, and each is a 429 asking for a retry in 1 s. */
function slowAndRateLimited(): void {
  emulator.faults.latency(LATENCY_MS);
  emulator.faults.add({ kind: '429', retryAfter: 1 });
}

/** Runs a check with the deadline, and says how long it took. */
async function timed<T extends Report>(run: (deps: CheckDeps) => Promise<T>, deadlineMs = DEADLINE_MS): Promise<{ report: T; ms: number }> {
  const started = Date.now();
  const report = await run(withDeadline(deps, deadlineMs));
  reports.push(report);
  return { report, ms: Date.now() - started };
}

function expectRanOutOfTime(report: Report, ms: number, ids: readonly string[]): void {
  expect(ms).toBeLessThan(DEADLINE_MS + MARGIN_MS);
  expect(report.verdict).toBe('unknown');
  expect(report.results.filter((r) => r.status === 'fail')).toEqual([]);
  for (const id of ids) {
    expect(
      report.results.find((r) => r.id === id),
      id,
    ).toMatchObject({ status: 'unknown', detail: expect.stringContaining('ran out of time') });
  }
}

describe('every check stops at its deadline against a slow, rate-limited Atlassian', () => {
  it('the Cloud ID lookup', async () => {
    slowAndRateLimited();
    const { report, ms } = await timed((d) => lookupCloudId(d, DEMO_SITE.host));
    expectRanOutOfTime(report, ms, ['cloud-id']);
  });

  it('the OAuth client check, with its two requests at once', async () => {
    slowAndRateLimited();
    const kendis = DEMO_OAUTH_APPS.kendis;
    const { report, ms } = await timed((d) =>
      checkOAuthClient(d, { clientId: kendis.clientId, clientSecret: kendis.clientSecret, callbackUrl: kendis.callbackUrl, scopes: 'read:jira-work' }),
    );
    expectRanOutOfTime(report, ms, ['oauth.credentials']);
  });

  it('the token check, the Cloud ID looked up first or known', async () => {
    slowAndRateLimited();
    const input = {
      site: DEMO_SITE.host,
      email: DEMO_ACCOUNTS.admin.email,
      token: DEMO_TOKENS.kendisScopedAna.token,
      profile: requireProfile('kendis-user-token'),
    };
    const lookedUp = await timed((d) => checkToken(d, input));
    expectRanOutOfTime(lookedUp.report, lookedUp.ms, ['cloud-id']);
    const known = await timed((d) => checkToken(d, { ...input, cloudId: DEMO_SITE.cloudId }));
    expectRanOutOfTime(known.report, known.ms, ['token.accepted']);
  });

  it('the consent test’s code exchange', async () => {
    const kendis = DEMO_OAUTH_APPS.kendis;
    emulator.consent.autoAccept('admin');
    const start = startConsent(deps, { clientId: kendis.clientId, callbackUrl: kendis.callbackUrl, scopes: DEMO_APP_SCOPES.kendis });
    const redirectedUrl = (await fetch(start.authorizeUrl, { redirect: 'manual' })).headers.get('location') ?? '';
    emulator.consent.showPage();
    slowAndRateLimited();
    const { report, ms } = await timed((d) =>
      finishConsent(d, { clientId: kendis.clientId, clientSecret: kendis.clientSecret, callbackUrl: kendis.callbackUrl, state: start.state, redirectedUrl }),
    );
    expectRanOutOfTime(report, ms, ['consent.exchange']);
  });

  it('the Data Center check, link and personal access token at once', async () => {
    slowAndRateLimited();
    const link = DEMO_DC.link;
    const { report, ms } = await timed((d) =>
      checkDataCenter(d, { baseUrl: `${emulator.url}${DEMO_DC.pathPrefix}`, clientId: link.clientId, clientSecret: link.clientSecret, token: DEMO_DC.pat }),
    );
    expectRanOutOfTime(report, ms, ['dc.credentials', 'dc.token']);
  });
});

describe('a request that never answers', () => {
  it('is cut off at the deadline, not after the per-attempt timeout', async () => {
    emulator.faults.add({ kind: 'hang' });
    const { report, ms } = await timed((d) =>
      checkDataCenter({ ...d, timeoutMs: 60_000 }, { baseUrl: `${emulator.url}${DEMO_DC.pathPrefix}`, token: DEMO_DC.pat }),
    );
    expectRanOutOfTime(report, ms, ['dc.token']);
  });
});

describe('the token check’s second round of probes', () => {
  // OneConnect's read-only app scopes, on a scoped token: round 1 must refute classic sets before round 2
  // can tell the granular user scopes apart.
  const readonly = requireProfile('oneconnect-oauth-readonly');
  const profile: Profile = { ...readonly, tokenScopes: readonly.vendorScopes.filter((s) => s !== 'offline_access') };
  const held = ['read:jira-work', 'read:project:jira', 'read:user:jira', 'read:group:jira', 'read:avatar:jira', 'read:application-role:jira'];
  const token = 'demo-deadline-two-rounds';
  const input = { site: DEMO_SITE.host, email: DEMO_ACCOUNTS.admin.email, token, profile, cloudId: DEMO_SITE.cloudId };
  // One round takes a little over this; the deadline leaves room for one round (up to 1 s slower), not two.
  const ROUND_MS = 1500;
  const DEADLINE_ONE_ROUND_MS = 2500;

  it('is not started when it cannot finish in time, and what it would have told ran out of time', async () => {
    emulator.state.addApiToken({ token, accountId: DEMO_ACCOUNTS.admin.accountId, kind: 'scoped', scopes: held });
    const full = await checkToken(deps, input);
    expect(full.probeRounds).toBe(2);

    emulator.faults.latency(ROUND_MS);
    const { report, ms } = await timed((d) => checkToken(d, input), DEADLINE_ONE_ROUND_MS);
    expect(ms).toBeLessThan(DEADLINE_ONE_ROUND_MS + MARGIN_MS);
    expect(report.probeRounds).toBe(1);
    expect(report.results.find((r) => r.id === 'token.scopes.out-of-time')).toMatchObject({
      status: 'unknown',
      title: expect.stringContaining('ran out of time'),
    });
    // Whatever round 1 decided is right; what is open stays unknown, never missing.
    for (const p of report.probes) if (p.status !== 'unknown') expect(p.status === 'held', p.scope).toBe(held.includes(p.scope));
    const missing = report.probes.filter((p) => p.status === 'missing').map((p) => p.scope);
    expect(missing.every((scope) => full.probes.find((p) => p.scope === scope)?.status === 'missing')).toBe(true);
  });
});

describe('scope-doctor --timeout', () => {
  /** Node and tsx start before the CLI's clock does: this much on top of the timeout, on a loaded machine. */
  const STARTUP_MS = 8000;

  it('stops the whole check when the time is up, says so, and exits 3', async () => {
    slowAndRateLimited();
    const started = Date.now();
    const run = await runScopeDoctor(['cloud-id', DEMO_SITE.host, '--timeout', String(DEADLINE_MS / 1000)], { SCOPE_DOCTOR_ATLASSIAN_URL: emulator.url });
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS + STARTUP_MS);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('? Cloud ID');
    expect(run.stdout).toContain('ran out of time');
  });

  it('refuses a timeout that is not a positive number of seconds (exit 2)', async () => {
    for (const value of ['0', '-1', 'soon', '1e3', '99999']) {
      const run = await runScopeDoctor(['cloud-id', DEMO_SITE.host, `--timeout=${value}`], { SCOPE_DOCTOR_ATLASSIAN_URL: emulator.url });
      expect(run.code, value).toBe(2);
      expect(run.stderr, value).toContain('--timeout must be a number of seconds');
    }
  });
});
