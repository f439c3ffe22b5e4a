import { findOperation, operationsForScope, probesForScope, type OperationRecord, type ProbeCandidate } from '../catalog';
import type { JiraMethod, Outcome } from '../atlassian';

/** A request that proves something about a scope without changing anything. */
export interface ProbeRequest {
  method: JiraMethod;
  /** Concrete path, parameters filled with ids that cannot exist. */
  path: string;
  /** The operation's scope sets: the request is allowed when the token holds all scopes of one of them. */
  sets: readonly (readonly string[])[];
}

export type ProbePlan = { scope: string; request: ProbeRequest } | { scope: string; request?: undefined; reason: string };

const METHOD_PREFERENCE: readonly JiraMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];
/** Numeric or key-like ids (`sprintId`, `issueIdOrKey`): `0` never names a real object. */
const ID_PARAM = /^[a-z][A-Za-z]*(Id|IdOrKey)$/;
const APP_ONLY = /^\/rest\/(forge|atlassian-connect)\//;

interface Candidate {
  method: JiraMethod;
  template: string;
  score: number;
}

/**
 * Picks the least ambiguous safe request for a scope: a GET (or a read-only POST from the catalog's probe
 * candidates) that needs it, else a change request aimed at an id that cannot exist, so the answer is 404
 * when the scope is held. Least ambiguous = fewest other scope sets that would also allow it, then fewest
 * other scopes needed alongside. Anything else cannot be probed safely.
 */
export function planProbe(scope: string): ProbePlan {
  const fromProbes = probesForScope(scope)
    .filter(isUsableCandidate)
    .map((c): Candidate => ({
      method: c.method as JiraMethod,
      template: c.path,
      score: rank(c.method, c.alsoSatisfiedBy.length, c.otherScopesNeeded.length, c.deprecated),
    }));
  const fromOperations = operationsForScope(scope)
    .filter(isSafeOperation)
    .map((op): Candidate => {
      const own = op.scopeSets.find((set) => set.scopes.includes(scope));
      return {
        method: op.method as JiraMethod,
        template: op.path,
        score: rank(op.method, op.scopeSets.length - 1, (own?.scopes.length ?? 1) - 1, op.deprecated),
      };
    });
  const best = bestBy([...fromProbes, ...fromOperations], (c) => c.score);
  if (best) return withRequest(scope, best.method, best.template);
  return { scope, reason: 'cannot be probed safely: no read-only request or request with a nonexistent id needs it' };
}

/** Reads before changes; within a method, the least ambiguous answer wins. */
function rank(method: string, alternatives: number, others: number, deprecated: boolean): number {
  return METHOD_PREFERENCE.indexOf(method as JiraMethod) * 1000 + alternatives * 10 + others + (deprecated ? 500 : 0);
}

function withRequest(scope: string, method: JiraMethod, template: string): ProbePlan {
  const sets = (findOperation(method, template)?.scopeSets ?? []).map((set) => set.scopes);
  return { scope, request: { method, path: fillPath(template), sets } };
}

function isUsableCandidate(candidate: ProbeCandidate): boolean {
  return !candidate.appOnly && !candidate.requiresBody && (candidate.method === 'GET' || candidate.method === 'POST');
}

/** GETs change nothing; other methods only when an id in the path makes the target nonexistent. */
function isSafeOperation(op: OperationRecord): boolean {
  if (APP_ONLY.test(op.path)) return false;
  if (!METHOD_PREFERENCE.includes(op.method as JiraMethod)) return false;
  // An empty set means any token passes, so the answer would prove nothing.
  if (op.scopeSets.some((set) => set.scopes.length === 0)) return false;
  return op.method === 'GET' || paramsOf(op.path).some((p) => ID_PARAM.test(p));
}

function bestBy<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const value = score(item);
    if (value < bestScore) [best, bestScore] = [item, value];
  }
  return best;
}

function paramsOf(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
}

export function fillPath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => (ID_PARAM.test(name) ? '0' : 'SCOPEDOCTOR-0'));
}

export type ProbeVerdict = 'allowed' | 'denied' | 'inconclusive';

/** Past the scope check (any answer from Jira itself, even 400/403/404) means a scope set was held. */
export function verdictOf(outcome: Outcome): ProbeVerdict {
  switch (outcome.kind) {
    case 'ok':
    case 'bad-request':
    case 'not-found':
    case 'forbidden':
      return 'allowed';
    case 'scope-mismatch':
      return 'denied';
    default:
      return 'inconclusive';
  }
}

export interface Observation {
  sets: readonly (readonly string[])[];
  verdict: 'allowed' | 'denied';
}

/**
 * What the observations prove, by propagation: a denied request lacks a scope of every set (the last
 * unproven one when the rest are held); an allowed request holds all of some set (all of the only set
 * not yet refuted). Scopes neither proven held nor missing stay undecided.
 */
export function inferScopes(observations: readonly Observation[]): { held: Set<string>; missing: Set<string> } {
  const held = new Set<string>();
  const missing = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    const mark = (target: Set<string>, scope: string) => {
      if (!target.has(scope)) {
        target.add(scope);
        changed = true;
      }
    };
    for (const { sets, verdict } of observations) {
      if (verdict === 'denied') {
        for (const set of sets) {
          if (set.some((s) => missing.has(s))) continue;
          const unproven = set.filter((s) => !held.has(s));
          if (unproven.length === 1) mark(missing, unproven[0] as string);
        }
      } else {
        const open = sets.filter((set) => !set.some((s) => missing.has(s)));
        if (open.length === 1) for (const scope of open[0] ?? []) mark(held, scope);
      }
    }
  }
  return { held, missing };
}
