import { evidenceOf, gatewayRequest, mapLimit, OUT_OF_TIME, timeLeft, type Credentials, type Outcome } from '../atlassian';
import { systemClock, type CheckDeps } from '../ports';
import { findOperation } from '../catalog';
import type { CheckResult } from '../model';
import type { ResultId } from './result-ids';
import type { Profile } from '../profiles/types';
import { neededForLines } from './coverage-results';
import {
  inferScopes,
  probeForOperation,
  probesFor,
  verdictOf,
  type Knowledge,
  type Observation,
  type OperationRequest,
  type ProbeRequest,
  type ProbeVerdict,
} from './scope-probes';
import type { ScopeProbeResult } from './types';
import { pluralise } from '../text';

/** Requests in flight at once unless CheckDeps says otherwise, and so the most one round of probes sends. */
export const DEFAULT_CONCURRENCY = 24;
/** The first round probes the whole profile; the second only what the first left open. */
export const MAX_PROBE_ROUNDS = 2;

/** One request that was sent, and what came back. */
export interface ProbeAnswer {
  probe: ProbeRequest;
  outcome: Outcome;
}

export interface ScopeProbeInput {
  cloudId: string;
  auth: Credentials;
  /** For the capabilities each scope is needed for. */
  profile: Profile;
  scopes: readonly string[];
}

export interface ScopeProbeRun {
  /** One per scope asked about, in the same order. */
  probes: ScopeProbeResult[];
  /** Rounds of probe requests sent, at most MAX_PROBE_ROUNDS. */
  rounds: number;
  requests: number;
}

/**
 * Requests the check sends beside round 1 (the gateway's `myself`), read with the probes. `answers` comes
 * once they are back, or is undefined when the token turned out to be no scoped token: nothing more is sent.
 */
export interface Alongside {
  requests: readonly OperationRequest[];
  answers: Promise<readonly Outcome[] | undefined>;
}

/**
 * Probes the profile's scopes through the gateway in at most two rounds: round 1 for the whole profile at
 * once, round 2 for what round 1 left open and its answers now let a request tell. Round 2 is not started
 * when the time left before the deadline is shorter than round 1 took.
 */
export async function probeScopes(deps: CheckDeps, input: ScopeProbeInput, alongside: Alongside): Promise<ScopeProbeRun> {
  const budget = Math.max(1, deps.concurrency ?? DEFAULT_CONCURRENCY);
  const beside = alongside.requests.map(probeForOperation);
  // What each request sent so far showed; undefined while the requests beside round 1 are out.
  const sent = new Map<ProbeRequest, ProbeVerdict | undefined>(beside.flatMap((p) => (p ? [[p, undefined]] : [])));
  const answers: ProbeAnswer[] = [];
  let rounds = 0;
  let requests = 0;
  const clock = deps.clock ?? systemClock;
  const began = clock.now().getTime();
  // How long round 1 took, the requests beside it included: what round 2 is expected to take.
  let roundMs = 0;
  let outOfTime = false;
  for (let waited = false; rounds < MAX_PROBE_ROUNDS;) {
    const batch = planRound(input.scopes, knowledgeFrom(answers), sent, budget);
    if (batch.length === 0 && waited) break;
    if (batch.length > 0) {
      if (rounds > 0 && timeLeft(deps) <= roundMs) {
        outOfTime = true;
        break;
      }
      rounds += 1;
      requests += batch.length;
      const outcomes = await mapLimit(batch, budget, (probe) => gatewayRequest(deps, input.cloudId, probe.method, probe.path, input.auth));
      batch.forEach((probe, i) => answers.push({ probe, outcome: outcomes[i] as Outcome }));
    }
    if (!waited) {
      waited = true;
      const outcomes = await alongside.answers;
      if (!outcomes) return { probes: [], rounds, requests };
      beside.forEach((probe, i) => {
        const outcome = outcomes[i];
        if (probe && outcome) answers.push({ probe, outcome });
      });
      roundMs = clock.now().getTime() - began;
    }
    for (const { probe, outcome } of answers) sent.set(probe, verdictOf(outcome));
  }
  return { probes: readScopes(input, answers, outOfTime), rounds, requests };
}

interface Inferred extends Knowledge {
  decidedBy: Map<string, ProbeAnswer>;
}

function knowledgeFrom(answers: readonly ProbeAnswer[]): Inferred {
  const observations: (Observation & { answer: ProbeAnswer })[] = [];
  for (const answer of answers) {
    const verdict = verdictOf(answer.outcome);
    if (verdict !== 'inconclusive') observations.push({ sets: answer.probe.sets, verdict, answer });
  }
  const { held, missing, decidedBy } = inferScopes(observations);
  return { held, missing, decidedBy: new Map([...decidedBy].map(([scope, o]) => [scope, o.answer])) };
}

const isDecided = (k: Knowledge, scope: string) => k.held.has(scope) || k.missing.has(scope);

/** Sets of a request not yet refuted (no scope in them is known missing). */
function openSets(probe: ProbeRequest, k: Knowledge): readonly (readonly string[])[] {
  return probe.sets.filter((set) => !set.some((s) => k.missing.has(s)));
}

/**
 * Whether the request's answer can depend on the scope, given what is known: not when a set without it is
 * known held (the request is allowed anyway), nor when every set with it is refuted.
 */
function canTell(probe: ProbeRequest, scope: string, k: Knowledge): boolean {
  const open = openSets(probe, k);
  if (open.some((set) => !set.includes(scope) && set.every((s) => k.held.has(s)))) return false;
  return open.some((set) => set.includes(scope));
}

/**
 * Why no safe request can ever tell the scope, given what is known, or undefined when one still might:
 * every request that needs it is allowed anyway by a set the token holds, or needs a scope it lacks.
 */
function whyUndecidable(scope: string, k: Knowledge): string | undefined {
  const allowedBy = new Set<string>();
  const lacking = new Set<string>();
  for (const probe of probesFor(scope)) {
    if (canTell(probe, scope, k)) return undefined;
    const heldSet = openSets(probe, k).find((set) => !set.includes(scope) && set.every((s) => k.held.has(s)));
    if (heldSet) {
      allowedBy.add(heldSet.join(' + '));
      continue;
    }
    // Otherwise every set with the scope is refuted: each holds a scope the token lacks.
    for (const set of probe.sets) {
      const lacked = set.includes(scope) ? set.find((s) => k.missing.has(s)) : undefined;
      if (lacked) lacking.add(lacked);
    }
  }
  const parts = [
    allowedBy.size ? `is also allowed by ${[...allowedBy].sort().join(' or ')}, which the token holds` : '',
    lacking.size ? `also needs ${[...lacking].sort().join(' or ')}, which the token lacks` : '',
  ].filter(Boolean);
  return `every safe request that needs it ${parts.join(', or ')}`;
}

/** How likely a scope is held before its answer: a token is made from the vendor's list, so mostly of it. */
type Prior = (scope: string) => number;

function priorFor(scopes: readonly string[], k: Knowledge): Prior {
  const asked = new Set(scopes);
  return (scope) => (k.held.has(scope) ? 1 : k.missing.has(scope) ? 0 : asked.has(scope) ? 0.8 : 0.2);
}

/**
 * How likely a request's answer decides the scope once what it also depends on is proven: to show it held,
 * every other open set must fail (else one of them may be what allowed the request); to show it missing, the
 * other scopes of a set with it must be held (else one of them may be what refused it). An answer already
 * known needs only its half. Reads before changes, current before deprecated. 0 when it cannot tell.
 */
function chance(probe: ProbeRequest, scope: string, k: Knowledge, prior: Prior, answer?: Answered): number {
  if (!canTell(probe, scope, k)) return 0;
  const open = openSets(probe, k);
  const allHeld = (set: readonly string[]) => set.filter((s) => s !== scope).reduce((p, s) => p * prior(s), 1);
  const othersFail = open.filter((set) => !set.includes(scope)).reduce((p, set) => p * (1 - allHeld(set)), 1);
  const ownHeld = Math.max(...open.filter((set) => set.includes(scope)).map(allHeld));
  if (answer) return answer === 'allowed' ? othersFail : ownHeld;
  return othersFail * ownHeld * (probe.write ? 0.9 : 1) * (probe.deprecated ? 0.8 : 1);
}

type Answered = Exclude<ProbeVerdict, 'inconclusive'>;

/** A request for a scope, with the requests that prove what its answer also depends on. */
interface Bundle {
  scope: string;
  requests: readonly ProbeRequest[];
  /** How likely the bundle's answers, read together, decide the scope. */
  chance: number;
}

/** Below this, a request is not worth sending. */
const MIN_GAIN = 0.1;
const BUNDLES_PER_SCOPE = 8;

/**
 * One round: bundles of requests that decide open scopes, picked greedily by how much more likely they make
 * a scope decided per request they add (a request another bundle already sends is free), until the round is
 * full or nothing is worth a request. Requests shared by many bundles (a classic scope's own probe) come
 * naturally first.
 */
function planRound(scopes: readonly string[], k: Knowledge, sent: ReadonlyMap<ProbeRequest, ProbeVerdict | undefined>, budget: number): ProbeRequest[] {
  const prior = priorFor(scopes, k);
  const direct = new Map<string, { probe?: ProbeRequest; chance: number }>();
  const directFor = (scope: string) => {
    let found = direct.get(scope);
    if (!found) {
      const probe = bestBy(
        probesFor(scope).filter((p) => !sent.has(p)),
        (p) => -chance(p, scope, k, prior),
      );
      found = probe ? { probe, chance: chance(probe, scope, k, prior) } : { chance: 0 };
      direct.set(scope, found);
    }
    return found;
  };

  const bundles: Bundle[] = [];
  for (const scope of scopes) {
    if (isDecided(k, scope) || probesFor(scope).length === 0 || whyUndecidable(scope, k) !== undefined) continue;
    const own: Bundle[] = [];
    for (const probe of probesFor(scope)) {
      // A request already answered still helps when what its answer depends on can now be proven.
      const verdict = sent.get(probe);
      const answer = verdict === 'allowed' || verdict === 'denied' ? verdict : undefined;
      if (sent.has(probe) && !answer) continue;
      let odds = chance(probe, scope, k, prior, answer);
      if (odds === 0) continue;
      const requests = answer ? [] : [probe];
      for (const other of dependsOn(probe, scope, k, prior, answer)) {
        const support = directFor(other);
        odds *= support.chance;
        if (support.probe) requests.push(support.probe);
      }
      if (odds > 0 && requests.length > 0) own.push({ scope, requests: [...new Set(requests)], chance: odds });
    }
    // A scope's best few bundles are all a round ever picks for it; the rest only slow the choice down.
    bundles.push(...own.sort((a, b) => b.chance / b.requests.length - a.chance / a.requests.length).slice(0, BUNDLES_PER_SCOPE));
  }

  const chosen = new Set<ProbeRequest>();
  const undecided = new Map(scopes.map((s) => [s, 1]));
  for (let remaining = bundles; remaining.length > 0;) {
    const value = (b: Bundle) => ((undecided.get(b.scope) ?? 0) * b.chance) / Math.max(1, b.requests.filter((p) => !chosen.has(p)).length);
    const best = bestBy(remaining, (b) => -value(b));
    if (!best || value(best) < MIN_GAIN) break;
    remaining = remaining.filter((b) => b !== best);
    const added = best.requests.filter((p) => !chosen.has(p));
    if (chosen.size + added.length > budget) continue;
    for (const p of added) chosen.add(p);
    undecided.set(best.scope, (undecided.get(best.scope) ?? 0) * (1 - best.chance));
  }
  return [...chosen];
}

/**
 * The scopes a request's answer also depends on before it decides `scope`: the likeliest missing unknown of
 * each other open set (to refute them, for an allowed answer), and the unknown others of its likeliest set
 * with `scope` (to hold, for a refused one).
 */
function dependsOn(probe: ProbeRequest, scope: string, k: Knowledge, prior: Prior, answer?: Answered): string[] {
  const open = openSets(probe, k);
  const unknown = (set: readonly string[]) => set.filter((s) => s !== scope && !isDecided(k, s));
  const refute = answer === 'denied' ? [] : open.filter((set) => !set.includes(scope)).flatMap((set) => bestBy(unknown(set), prior) ?? []);
  const own = bestBy(
    open.filter((set) => set.includes(scope)),
    (set) => -unknown(set).reduce((p, s) => p * prior(s), 1),
  );
  return [...new Set([...refute, ...(answer === 'allowed' ? [] : unknown(own ?? []))])];
}

function bestBy<T>(items: readonly T[], score: (item: T) => number | undefined): T | undefined {
  let best: T | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const value = score(item);
    if (value !== undefined && value < bestScore) [best, bestScore] = [item, value];
  }
  return best;
}

/**
 * Each scope's status from everything that came back, with why an undecided one stayed so. `outOfTime`:
 * a second round was planned but not sent.
 */
function readScopes(input: ScopeProbeInput, answers: readonly ProbeAnswer[], outOfTime: boolean): ScopeProbeResult[] {
  const k = knowledgeFrom(answers);
  const neededFor = capabilitiesNeeding(input.profile, input.scopes);
  return input.scopes.map((scope): ScopeProbeResult => {
    const base = { scope, neededFor: neededFor.get(scope) ?? [] };
    const decider = k.decidedBy.get(scope);
    if (k.held.has(scope) && k.missing.has(scope)) {
      return { ...base, status: 'unknown', evidence: { undecided: 'ambiguous', reason: 'the answers contradict each other' } };
    }
    if (decider) return { ...base, status: k.held.has(scope) ? 'held' : 'missing', evidence: evidenceOf(decider.outcome) };
    if (probesFor(scope).length === 0) {
      return { ...base, status: 'unknown', evidence: { undecided: 'unprobeable', reason: 'no request that needs it is safe to send' } };
    }
    const undecidable = whyUndecidable(scope, k);
    if (undecidable) return { ...base, status: 'unknown', evidence: { undecided: 'undecidable', reason: undecidable } };
    const fault = answers.find((a) => verdictOf(a.outcome) === 'inconclusive' && a.probe.sets.some((set) => set.includes(scope)));
    if (fault) {
      const reason = fault.outcome.kind === 'ok' ? 'no answer' : fault.outcome.reason;
      return { ...base, status: 'unknown', evidence: { ...evidenceOf(fault.outcome), undecided: 'fault', reason } };
    }
    if (outOfTime)
      return { ...base, status: 'unknown', evidence: { undecided: 'out-of-time', reason: `${OUT_OF_TIME} before a second round of probes could tell` } };
    return {
      ...base,
      status: 'unknown',
      evidence: { undecided: 'ambiguous', reason: 'other scopes the token may hold could have allowed every request sent for it' },
    };
  });
}

/** Capability names whose explicit scopes or operation scope sets mention each scope. */
function capabilitiesNeeding(profile: Profile, scopes: readonly string[]): Map<string, string[]> {
  const result = new Map<string, string[]>(scopes.map((s) => [s, []]));
  for (const capability of profile.capabilities) {
    const mentioned = new Set<string>(capability.scopes ?? []);
    for (const op of capability.operations ?? []) {
      for (const set of findOperation(op.method, op.path)?.scopeSets ?? []) for (const s of set.scopes) mentioned.add(s);
    }
    for (const scope of scopes) if (mentioned.has(scope)) result.get(scope)?.push(capability.name);
  }
  return result;
}

export function probeResults(probes: readonly ScopeProbeResult[]): CheckResult[] {
  const results: CheckResult[] = [];
  const missing = probes.filter((p) => p.status === 'missing').map((p) => p.scope);
  const held = probes.filter((p) => p.status === 'held');
  const unknown = probes.filter((p) => p.status === 'unknown');
  if (missing.length) {
    results.push({
      id: 'token.scopes.missing',
      title: `${missing.length} of ${probes.length} required scopes missing`,
      status: 'fail',
      detail: neededForLines(missing, (scope) => probes.find((p) => p.scope === scope)?.neededFor ?? []).join('\n'),
      fix: `Create a new token with these scopes added (scopes of an existing token cannot change): ${missing.join(', ')}`,
      scopesToAdd: missing,
      evidence: { missing },
    });
  }
  if (held.length) {
    results.push({
      id: 'token.scopes.held',
      title: `${pluralise(held.length, 'scope')} confirmed by read-only probes`,
      status: 'pass',
      detail: 'Each was shown to be held by a request that reads, or targets an id that does not exist.',
      evidence: { held: held.map((p) => p.scope) },
    });
  }
  for (const kind of UNDECIDED) {
    const probes = unknown.filter((p) => p.evidence?.undecided === kind.why);
    if (probes.length === 0) continue;
    results.push({ id: kind.id, title: kind.title(probes.length), status: kind.status, detail: kind.detail(probes), fix: kind.fix });
  }
  return results;
}

const CHECK_THE_LIST = 'Check them in the scope list shown when the token was created.';

/** Why a scope's probes decided nothing, and what the person can do about it: one result per reason. */
const UNDECIDED: readonly {
  why: 'unprobeable' | 'undecidable' | 'ambiguous' | 'fault' | 'out-of-time';
  id: ResultId;
  status: 'warn' | 'unknown';
  title: (n: number) => string;
  detail: (probes: readonly ScopeProbeResult[]) => string;
  fix: string;
}[] = [
  {
    why: 'unprobeable',
    id: 'token.scopes.unprobeable',
    status: 'warn',
    title: (n) => `${pluralise(n, 'scope')} cannot be probed safely`,
    detail: (probes) => `No request proves ${scopeNames(probes)} without the risk of changing something.`,
    fix: CHECK_THE_LIST,
  },
  {
    why: 'undecidable',
    id: 'token.scopes.undecidable',
    status: 'warn',
    title: (n) => `${pluralise(n, 'scope')} cannot be told apart with safe requests`,
    detail: reasons,
    fix: CHECK_THE_LIST,
  },
  {
    why: 'ambiguous',
    id: 'token.scopes.ambiguous',
    status: 'warn',
    title: (n) => `${pluralise(n, 'scope')} not told apart in two rounds of probes`,
    detail: reasons,
    fix: CHECK_THE_LIST,
  },
  {
    // A fault says nothing about the scope: unknown, never missing.
    why: 'fault',
    id: 'token.scopes.unanswered',
    status: 'unknown',
    title: (n) => `${pluralise(n, 'scope')} could not be checked`,
    detail: reasons,
    fix: 'Run the check again in a minute.',
  },
  {
    // Not decided for want of time: unknown, never missing.
    why: 'out-of-time',
    id: 'token.scopes.out-of-time',
    status: 'unknown',
    title: (n) => `${pluralise(n, 'scope')} not checked: the check ${OUT_OF_TIME}`,
    detail: reasons,
    fix: 'Run the check again; when Atlassian answers slowly or rate-limits, wait a few minutes first.',
  },
];

function reasons(probes: readonly ScopeProbeResult[]): string {
  return probes.map((p) => `${p.scope}: ${String(p.evidence?.reason)}`).join('\n');
}

function scopeNames(probes: readonly ScopeProbeResult[]): string {
  return probes.map((p) => p.scope).join(', ');
}
