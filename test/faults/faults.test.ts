/**
 * The fault suite: every check (Cloud ID lookup, OAuth client, token, consent finish, Data Center) against
 * every emulator fault (latency, 429, 503, 500, malformed reply, hang, reset), aimed at every request or at
 * one of the check's endpoints, hitting 1, 2, 3 or all matching requests. Each scenario's truth is its
 * result without faults; a fault may make a result `unknown` but never turn it into a `fail` it was not
 * (false fail) or a `pass` it was not (false pass), and no run may change anything (the emulator records
 * `mutated`). The whole matrix runs in `npm run test:heavy`; `npm test` runs every ninth run of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantClock } from '../../src/core/atlassian/testing';
import { checkDataCenter, checkOAuthClient, checkToken, finishConsent, lookupCloudId, startConsent, withDeadline, type CheckDeps } from '../../src/core/checks';
import type { Report, Status } from '../../src/core/model';
import { requireProfile } from '../../src/core/profiles';
import {
  DEMO_ACCOUNTS,
  DEMO_APP_SCOPES,
  DEMO_DC,
  DEMO_OAUTH_APPS,
  DEMO_SITE,
  DEMO_TOKENS,
  startEmulator,
  type Emulator,
  type FaultKind,
  type FaultRule,
} from '../../src/emulator';
import { HEAVY } from '../fuzz/support';

let emulator: Emulator;
let deps: CheckDeps;

/**
 * Each hang costs one timeout. A loaded machine may miss the shorter one of `npm test` now and then: that
 * only adds an `unknown`, which is never false.
 */
const TIMEOUT_MS = HEAVY ? 1000 : 500;
/**
 * Each faulted run gets a deadline, as a resolver gives its check: several timeouts' worth. The clock reads
 * real time so the deadline means wall time, while Retry-After waits pass at once.
 */
const DEADLINE_MS = 3 * TIMEOUT_MS;
/** A check returns this soon after its deadline at worst: what follows the last request is local work. */
const DEADLINE_MARGIN_MS = 500;
const wallClock = { now: () => new Date(), sleep: async () => {} };
let baseDeps: CheckDeps;

beforeAll(async () => {
  emulator = await startEmulator();
  baseDeps = { fetch: (url, init) => fetch(url, init), hosts: emulator.hosts, clock: instantClock(new Date()), timeoutMs: TIMEOUT_MS, random: () => 0.5 };
  deps = baseDeps;
});
afterAll(async () => {
  await emulator.close();
});

type CheckName = 'cloud-id' | 'oauth client' | 'token' | 'consent finish' | 'data center';

interface Target {
  name: string;
  rule: Pick<FaultRule, 'host' | 'pattern'>;
}

interface Scenario {
  check: CheckName;
  name: string;
  targets: Target[];
  /** Work done before the faults are set (the admin's consent in a browser); returns the check to run. */
  prepare(): Promise<() => Promise<Report>>;
}

const EVERY_REQUEST: Target = { name: 'every request', rule: {} };
const at = (name: string, rule: Target['rule']): Target => ({ name, rule });
const now = (run: () => Promise<Report>) => async () => run;

const kendisOAuth = requireProfile('kendis-cloud-oauth');
const kendisToken = requireProfile('kendis-user-token');
const kendisDc = requireProfile('kendis-dc-oauth');
const kendis = DEMO_OAUTH_APPS.kendis;

function tokenScenario(name: string, email: string, token: string): Scenario {
  return {
    check: 'token',
    name,
    targets: [
      EVERY_REQUEST,
      at('site host', { host: 'site' }),
      at('gateway', { host: 'api' }),
      at('tenant_info', { pattern: /tenant_info$/ }),
      at('/myself', { pattern: /\/myself$/ }),
      at('agile probes', { pattern: /\/rest\/agile\// }),
    ],
    prepare: now(() => checkToken(deps, { site: DEMO_SITE.host, email, token, profile: kendisToken })),
  };
}

function consentScenario(name: string, clientSecret: string): Scenario {
  return {
    check: 'consent finish',
    name,
    targets: [EVERY_REQUEST, at('code exchange', { pattern: /\/oauth\/token$/ }), at('accessible-resources', { pattern: /accessible-resources$/ })],
    async prepare() {
      // A fresh code every run: a code works once.
      emulator.consent.autoAccept('admin');
      const start = startConsent(deps, { clientId: kendis.clientId, callbackUrl: kendis.callbackUrl, scopes: DEMO_APP_SCOPES.kendis });
      const redirectedUrl = (await fetch(start.authorizeUrl, { redirect: 'manual' })).headers.get('location') ?? '';
      emulator.consent.showPage();
      return () =>
        finishConsent(deps, {
          clientId: kendis.clientId,
          clientSecret,
          callbackUrl: kendis.callbackUrl,
          state: start.state,
          redirectedUrl,
          profile: kendisOAuth,
        });
    },
  };
}

function dataCenterScenario(name: string, clientSecret: string, token: string): Scenario {
  const link = DEMO_DC.link;
  return {
    check: 'data center',
    name,
    targets: [EVERY_REQUEST, at('token endpoint', { pattern: /oauth2\/latest\/token$/ }), at('/myself', { pattern: /\/myself$/ })],
    prepare: now(() =>
      checkDataCenter(deps, {
        baseUrl: `${emulator.url}${DEMO_DC.pathPrefix}`,
        clientId: link.clientId,
        clientSecret,
        callbackUrl: link.redirectUrl,
        scopes: link.permission,
        token,
        profile: kendisDc,
      }),
    ),
  };
}

const SCENARIOS: Scenario[] = [
  { check: 'cloud-id', name: 'acme', targets: [EVERY_REQUEST], prepare: now(() => lookupCloudId(deps, 'acme')) },
  { check: 'cloud-id', name: 'no such site', targets: [EVERY_REQUEST], prepare: now(() => lookupCloudId(deps, 'nosuchsite')) },
  ...[
    ['Kendis, right secret', kendis.clientSecret],
    ['Kendis, wrong secret', 'demo-wrong-secret-value'],
  ].map(([name, clientSecret]): Scenario => ({
    check: 'oauth client',
    name: name!,
    targets: [EVERY_REQUEST, at('token endpoint', { pattern: /\/oauth\/token$/ })],
    prepare: now(() =>
      checkOAuthClient(deps, {
        clientId: kendis.clientId,
        clientSecret: clientSecret!,
        callbackUrl: kendis.callbackUrl,
        scopes: DEMO_APP_SCOPES.kendis.join(' '),
        profile: kendisOAuth,
      }),
    ),
  })),
  tokenScenario('Ana, scoped, two scopes missing', DEMO_ACCOUNTS.admin.email, DEMO_TOKENS.kendisScopedAna.token),
  tokenScenario('Uri, scoped, complete', DEMO_ACCOUNTS.user.email, DEMO_TOKENS.kendisScopedUri.token),
  tokenScenario('Uri, expired', DEMO_ACCOUNTS.user.email, DEMO_TOKENS.expiredUri.token),
  tokenScenario('Ana, classic', DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.classicToken),
  consentScenario('Kendis, right secret', kendis.clientSecret),
  consentScenario('Kendis, wrong secret', 'demo-wrong-secret-value'),
  dataCenterScenario('right secret and token', DEMO_DC.link.clientSecret, DEMO_DC.pat),
  dataCenterScenario('wrong secret, expired token', 'demo-dc-wrong-secret', DEMO_DC.expiredPat),
];

const FAULTS: { kind: FaultKind; ms?: number; retryAfter?: number }[] = [
  { kind: 'latency', ms: 300 },
  { kind: '429', retryAfter: 1 },
  { kind: '503', retryAfter: 1 },
  { kind: '500' },
  { kind: 'malformed' },
  { kind: 'hang' },
  { kind: 'reset' },
];
/** Matching requests a fault hits before it wears off; undefined: all of them. */
const HITS: (number | undefined)[] = [1, 2, 3, undefined];

interface Run {
  scenario: Scenario;
  target: Target;
  fault: (typeof FAULTS)[number];
  times: number | undefined;
}

const MATRIX: Run[] = SCENARIOS.flatMap((scenario) =>
  scenario.targets.flatMap((target) => FAULTS.flatMap((fault) => HITS.map((times) => ({ scenario, target, fault, times })))),
);
/** Every ninth run: nine shares no factor with the 28 runs of a target, so every fault and hit count comes up. */
const SAMPLE_STRIDE = 9;
const RUNS = HEAVY ? MATRIX : MATRIX.filter((_, index) => index % SAMPLE_STRIDE === 0);

interface Counts {
  runs: number;
  falseFail: number;
  falsePass: number;
  /** The verdict came out as without faults (the fault was absorbed: latency, retries). */
  sameVerdict: number;
  unknownVerdict: number;
  mutated: number;
  /** Returned later than its deadline plus the margin. */
  pastDeadline: number;
  slowestMs: number;
}
const zero = (): Counts => ({ runs: 0, falseFail: 0, falsePass: 0, sameVerdict: 0, unknownVerdict: 0, mutated: 0, pastDeadline: 0, slowestMs: 0 });

function bucket(map: Map<string, Counts>, key: string): Counts {
  const counts = map.get(key) ?? zero();
  map.set(key, counts);
  return counts;
}

const statusesOf = (report: Report): Map<string, Status> => new Map(report.results.map((r) => [r.id, r.status]));

function table(title: string, rows: [string, Counts][]): string {
  const head = `${title.padEnd(34)} ${['runs', 'false fail', 'false pass', 'same verdict', 'unknown', 'mutated', 'past deadline', 'slowest ms'].map((h) => h.padStart(14)).join('')}`;
  const line = ([name, c]: [string, Counts]) =>
    `${name.padEnd(34)} ${[c.runs, c.falseFail, c.falsePass, c.sameVerdict, c.unknownVerdict, c.mutated, c.pastDeadline, Math.round(c.slowestMs)].map((n) => String(n).padStart(14)).join('')}`;
  return [head, ...rows.map(line)].join('\n');
}

describe('fault suite', () => {
  it(`gives no false fail, no false pass, no check past its deadline and changes nothing in ${RUNS.length} runs`, { timeout: 1_200_000 }, async () => {
    const truth = new Map<Scenario, { verdict: Status; statuses: Map<string, Status> }>();
    for (const scenario of SCENARIOS) {
      emulator.faults.clear();
      const report = await (await scenario.prepare())();
      truth.set(scenario, { verdict: report.verdict, statuses: statusesOf(report) });
    }
    const byCheck = new Map<string, Counts>();
    const byFault = new Map<string, Counts>();
    const total = zero();
    const mistakes: string[] = [];

    for (const run of RUNS) {
      emulator.faults.clear();
      const check = await run.scenario.prepare();
      const before = emulator.requests.length;
      emulator.faults.add({ ...run.target.rule, ...run.fault, ...(run.times ? { times: run.times } : {}) });
      deps = withDeadline({ ...baseDeps, clock: wallClock }, DEADLINE_MS);
      const started = performance.now();
      const report = await check();
      const elapsed = performance.now() - started;
      deps = baseDeps;
      emulator.faults.clear();

      const expected = truth.get(run.scenario)!;
      const wrong = report.results.filter((r) => (r.status === 'fail' || r.status === 'pass') && expected.statuses.get(r.id) !== r.status);
      const falseFail = wrong.filter((r) => r.status === 'fail').length + (report.verdict === 'fail' && expected.verdict !== 'fail' ? 1 : 0);
      const falsePass = wrong.filter((r) => r.status === 'pass').length + (report.verdict === 'pass' && expected.verdict !== 'pass' ? 1 : 0);
      const mutated = emulator.requests.slice(before).filter((r) => r.mutated).length;
      const label = `${run.scenario.check} / ${run.scenario.name} / ${run.fault.kind} on ${run.target.name} × ${run.times ?? 'all'}`;
      for (const r of wrong) mistakes.push(`${label}: ${r.id} ${r.status} (without faults ${expected.statuses.get(r.id) ?? 'absent'}): ${r.detail}`);

      for (const counts of [total, bucket(byCheck, run.scenario.check), bucket(byFault, run.fault.kind)]) {
        counts.runs += 1;
        counts.falseFail += falseFail;
        counts.falsePass += falsePass;
        counts.sameVerdict += report.verdict === expected.verdict ? 1 : 0;
        counts.unknownVerdict += report.verdict === 'unknown' ? 1 : 0;
        counts.mutated += mutated;
        counts.pastDeadline += elapsed > DEADLINE_MS + DEADLINE_MARGIN_MS ? 1 : 0;
        counts.slowestMs = Math.max(counts.slowestMs, elapsed);
      }
    }

    console.log(
      [
        `fault suite: ${total.runs} runs (${SCENARIOS.length} scenarios of 5 checks × their fault targets × ${FAULTS.length} faults × hit counts 1, 2, 3, all${HEAVY ? '' : '; every ninth run of the full matrix'})`,
        table('by check', [...byCheck]),
        table('by fault', [...byFault]),
        table('total', [['all runs', total]]),
      ].join('\n'),
    );
    expect(mistakes).toEqual([]);
    expect(total).toMatchObject({ falseFail: 0, falsePass: 0, mutated: 0, pastDeadline: 0 });
    if (HEAVY) expect(total.runs).toBeGreaterThanOrEqual(1000);
  });
});
