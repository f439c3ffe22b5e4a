import { describe, expect, it } from 'vitest';
import { fakeDeps, fakeFetch, type FakeReply } from '../atlassian/testing';
import { FakeClock } from '../../emulator/fake-clock';
import { isJiraMethod, type Outcome } from '../atlassian';
import { allScopes, findOperation } from '../catalog';
import { requireProfile, type Profile } from '../profiles';
import { DEFAULT_CONCURRENCY, MAX_PROBE_ROUNDS, probeResults, probeScopes, type Alongside } from './probe-rounds';
import { probeForOperation } from './scope-probes';
import { profileTokenScopes } from '../profiles/token-scopes';

const MYSELF = '/rest/api/3/myself';
const NOT_FOUND_IN_JIRA: FakeReply = { status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } };
const SCOPE_MISMATCH: FakeReply = {
  status: 401,
  headers: { 'X-Failure-Category': 'FAILURE_CLIENT_SCOPE_CHECK' },
  body: { code: 401, message: 'Unauthorized; scope does not match' },
};

/** A gateway enforcing the catalog's scope sets for a token holding `held`; every id names nothing. */
function gateway(held: readonly string[], answerAllowed: FakeReply = NOT_FOUND_IN_JIRA) {
  const scopes = new Set(held);
  const fetch = fakeFetch((url, init) => {
    const path = new URL(url).pathname.replace(/^\/ex\/jira\/[^/]+/, '');
    const sets = findOperation(init?.method ?? 'GET', path)?.scopeSets ?? [];
    return sets.some((set) => set.scopes.every((s) => scopes.has(s))) ? answerAllowed : SCOPE_MISMATCH;
  });
  return { fetch };
}

/** The gateway's `myself` for the same token, as the token check sends it beside round 1. */
function myselfBeside(held: readonly string[]): Alongside {
  const sets = findOperation('GET', MYSELF)?.scopeSets ?? [];
  const allowed = sets.some((set) => set.scopes.every((s) => held.includes(s)));
  const outcome: Outcome = allowed
    ? { kind: 'ok', request: `GET ${MYSELF} (gateway)`, status: 200, body: {}, attempts: 1 }
    : { kind: 'scope-mismatch', request: `GET ${MYSELF} (gateway)`, status: 401, attempts: 1, reason: 'scope mismatch' };
  return { requests: [{ method: 'GET', template: MYSELF }], answers: Promise.resolve([outcome]) };
}

async function probe(profile: Profile, held: readonly string[], scopes = profileTokenScopes(profile)) {
  const { fetch } = gateway(held);
  const run = await probeScopes(
    fakeDeps(fetch),
    { cloudId: 'cloud-1', auth: { basic: { email: 'ana@acme.example', token: 'demo-t' } }, profile, scopes },
    myselfBeside(held),
  );
  const status = (scope: string) => run.probes.find((p) => p.scope === scope);
  return { run, fetch, status };
}

const kendis = requireProfile('kendis-user-token');
const anaHolds = profileTokenScopes(kendis).filter((s) => s !== 'write:epic:jira-software' && s !== 'write:sprint:jira-software');

describe('probeScopes', () => {
  it('decides every scope of Ana’s Kendis token a safe request can tell, in one round', async () => {
    const { run, status } = await probe(kendis, anaHolds);
    expect(run.rounds).toBe(1);
    expect(run.probes.filter((p) => p.status === 'missing').map((p) => p.scope)).toEqual(['write:epic:jira-software', 'write:sprint:jira-software']);
    expect(run.probes.filter((p) => p.status === 'held')).toHaveLength(10);
    // write:jira-work (held) allows every safe request that needs these.
    for (const scope of ['delete:async-task:jira', 'delete:attachment:jira', 'delete:comment:jira']) {
      expect(status(scope)).toMatchObject({
        status: 'unknown',
        evidence: { undecided: 'undecidable', reason: expect.stringContaining('also allowed by write:jira-work, which the token holds') },
      });
    }
    // Jira Service Management scopes, and build deletion keyed by the build tool's own ids.
    for (const scope of ['delete:cmdb-object:jira', 'delete:build-info:jira']) expect(status(scope)?.evidence?.undecided).toBe('unprobeable');
    expect(status('write:sprint:jira-software')?.neededFor).toContain('Update sprints');
  });

  it('takes a second round for what the first left open, and decides it', async () => {
    // The granular user scopes are told apart only by requests whose classic sets (read:jira-user,
    // manage:jira-configuration) round 1 has to refute first.
    const readonly = requireProfile('oneconnect-oauth-readonly');
    const held = ['read:jira-work', 'read:project:jira', 'read:user:jira', 'read:group:jira', 'read:avatar:jira', 'read:application-role:jira'];
    // The app's own (granular) list, not the classic list its API token holds.
    const { run } = await probe(
      readonly,
      held,
      readonly.vendorScopes.filter((s) => s !== 'offline_access'),
    );
    expect(run.rounds).toBe(MAX_PROBE_ROUNDS);
    for (const p of run.probes) if (p.status !== 'unknown') expect(p.status === 'held').toBe(held.includes(p.scope));
    const decided = run.probes.filter((p) => p.status !== 'unknown').map((p) => p.scope);
    expect(decided).toEqual(expect.arrayContaining(['read:user:jira', 'read:group:jira', 'read:jira-user']));
  });

  it('starts no second round that cannot finish before the deadline, and says which scopes ran out of time', async () => {
    const readonly = requireProfile('oneconnect-oauth-readonly');
    const held = ['read:jira-work', 'read:project:jira', 'read:user:jira', 'read:group:jira', 'read:avatar:jira', 'read:application-role:jira'];
    const scopes = readonly.vendorScopes.filter((s) => s !== 'offline_access');
    const run = async (deadlineAfterMs: number) => {
      const clock = new FakeClock();
      const { fetch } = gateway(held);
      const beside = myselfBeside(held);
      // Round 1 takes a second of the fake clock: its `myself` answers then.
      const slow: Alongside = { ...beside, answers: beside.answers.then((outcomes) => (clock.advance(1000), outcomes)) };
      const deps = fakeDeps(fetch, { clock, deadline: clock.now().getTime() + deadlineAfterMs });
      return probeScopes(deps, { cloudId: 'cloud-1', auth: { none: true }, profile: readonly, scopes }, slow);
    };
    const full = await run(3000);
    expect(full.rounds).toBe(2);

    const short = await run(1500);
    expect(short.rounds).toBe(1);
    const late = short.probes.filter((p) => p.evidence?.undecided === 'out-of-time');
    // What round 2 would have decided is exactly what is now said to have run out of time.
    const byRound2 = full.probes.filter((p, i) => p.status !== 'unknown' && short.probes[i]?.status === 'unknown').map((p) => p.scope);
    expect(byRound2.length).toBeGreaterThan(0);
    expect(late.map((p) => p.scope)).toEqual(expect.arrayContaining(byRound2));
    for (const p of late) expect(p).toMatchObject({ status: 'unknown', evidence: { reason: expect.stringContaining('ran out of time') } });
    for (const p of short.probes) if (p.status !== 'unknown') expect(p.status === 'held').toBe(held.includes(p.scope));
    const results = probeResults(short.probes);
    expect(results.find((r) => r.id === 'token.scopes.out-of-time')).toMatchObject({ status: 'unknown', title: expect.stringContaining('ran out of time') });
    // The only failure is what round 1 proved missing (checked above), never a scope that ran out of time.
    const missing = results.find((r) => r.status === 'fail')?.evidence?.missing;
    expect(missing).toEqual(short.probes.filter((p) => p.status === 'missing').map((p) => p.scope));
  });

  it('never decides wrongly, and leaves open only what it says why', async () => {
    const catalog = allScopes().map((s) => s.scope);
    for (const profile of ['kendis-cloud-oauth', 'kendis-user-token', 'oneconnect-oauth-full', 'targetprocess'].map(requireProfile)) {
      const scopes = profileTokenScopes(profile);
      for (const held of [
        [],
        scopes,
        scopes.filter((_, i) => i % 2 === 0),
        [...scopes.filter((_, i) => i % 3 === 1), ...catalog.filter((_, i) => i % 17 === 0)],
      ]) {
        const { run } = await probe(profile, held);
        expect(run.rounds).toBeLessThanOrEqual(MAX_PROBE_ROUNDS);
        expect(run.requests).toBeLessThanOrEqual(MAX_PROBE_ROUNDS * DEFAULT_CONCURRENCY);
        for (const p of run.probes) {
          if (p.status === 'unknown') expect(p.evidence?.reason).toEqual(expect.any(String));
          else expect(p.status === 'held', `${profile.id} ${p.scope}`).toBe(held.includes(p.scope));
        }
      }
    }
  });

  it('plans each catalog write scope, and all of them at once, with bodyless requests that change only ids no object has', async () => {
    const catalog = allScopes().map((s) => s.scope);
    const writes = catalog.filter((s) => !s.startsWith('read:'));
    const runs = [
      ...writes.flatMap((scope) => [
        [[scope], [scope]],
        [[scope], []],
      ]),
      [catalog, []],
    ] as const;
    let writeProbes = 0;
    for (const [scopes, held] of runs) {
      const { fetch, run } = await probe(kendis, held, scopes);
      expect(run.rounds).toBeLessThanOrEqual(MAX_PROBE_ROUNDS);
      expect(fetch.calls.length).toBeLessThanOrEqual(MAX_PROBE_ROUNDS * DEFAULT_CONCURRENCY);
      for (const call of fetch.calls) {
        expect(call.init?.body).toBeUndefined();
        const path = new URL(call.url).pathname.replace(/^\/ex\/jira\/[^/]+/, '');
        const method = call.init?.method ?? 'GET';
        const sent = isJiraMethod(method) ? probeForOperation({ method, template: path }) : undefined;
        expect(sent, path).toBeDefined();
        if (!sent?.write) continue;
        writeProbes += 1;
        // Only ever aimed at an object by an id no object has: every number in a parameter is ≥ 10^12.
        const template = sent.template.split('/');
        const numbers = path.split('/').filter((value, i) => template[i]?.startsWith('{') && /^\d+$/.test(value));
        expect(numbers.length, path).toBeGreaterThan(0);
        for (const id of numbers) expect(BigInt(id) >= 10n ** 12n, path).toBe(true);
      }
    }
    expect(writeProbes).toBeGreaterThan(50);
  });

  it('keeps each round within the concurrency limit', async () => {
    const { fetch } = gateway(anaHolds);
    const run = await probeScopes(
      fakeDeps(fetch, { concurrency: 5 }),
      { cloudId: 'c', auth: { none: true }, profile: kendis, scopes: profileTokenScopes(kendis) },
      myselfBeside(anaHolds),
    );
    expect(run.requests).toBeLessThanOrEqual(5 * run.rounds);
    expect(fetch.calls).toHaveLength(run.requests);
  });

  it.each([{ status: 404 }, { status: 404, body: { message: 'Not Found' } }])(
    'counts a 404 that is not Jira’s (%o, a path the gateway does not route) as nothing held',
    async (reply) => {
      const { fetch } = gateway(profileTokenScopes(kendis), reply);
      const run = await probeScopes(
        fakeDeps(fetch),
        { cloudId: 'c', auth: { none: true }, profile: kendis, scopes: profileTokenScopes(kendis) },
        { requests: [], answers: Promise.resolve([]) },
      );
      expect(run.probes.filter((p) => p.status !== 'unknown')).toEqual([]);
    },
  );

  it('sends no second round when the token turns out not to be a scoped one', async () => {
    const { fetch } = gateway([]);
    const run = await probeScopes(
      fakeDeps(fetch),
      { cloudId: 'c', auth: { none: true }, profile: kendis, scopes: profileTokenScopes(kendis) },
      { requests: [], answers: Promise.resolve(undefined) },
    );
    expect(run).toMatchObject({ probes: [], rounds: 1 });
    expect(fetch.calls).toHaveLength(run.requests);
  });

  it('says unknown, never missing, for a scope whose requests got no answer', async () => {
    const fetch = fakeFetch(() => ({ status: 503 }));
    const run = await probeScopes(
      fakeDeps(fetch, { maxRetries: 0 }),
      { cloudId: 'c', auth: { none: true }, profile: kendis, scopes: profileTokenScopes(kendis) },
      { requests: [], answers: Promise.resolve([]) },
    );
    expect(run.probes.some((p) => p.status !== 'unknown')).toBe(false);
    const results = probeResults(run.probes);
    expect(results.find((r) => r.id === 'token.scopes.unanswered')?.status).toBe('unknown');
    expect(results.some((r) => r.status === 'fail')).toBe(false);
  });
});

describe('probeResults', () => {
  it('gives each reason a scope stayed open one result, with the reason per scope', async () => {
    const { run } = await probe(kendis, anaHolds);
    const results = probeResults(run.probes);
    expect(results.map((r) => r.id)).toEqual(['token.scopes.missing', 'token.scopes.held', 'token.scopes.unprobeable', 'token.scopes.undecidable']);
    expect(results.find((r) => r.id === 'token.scopes.missing')?.scopesToAdd).toEqual(['write:epic:jira-software', 'write:sprint:jira-software']);
    expect(results.find((r) => r.id === 'token.scopes.undecidable')).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('delete:comment:jira: every safe request that needs it is also allowed by write:jira-work'),
    });
  });
});
