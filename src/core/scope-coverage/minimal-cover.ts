/**
 * Choosing one scope set per requirement so that the scopes to add are as few as possible. Requirements
 * are few per capability, so an exhaustive search with a node budget finds the optimum in practice; the
 * greedy start keeps the answer good when the budget runs out (e.g. a custom profile with hundreds of
 * operations).
 */
import type { ScopeKind, ScopeSet } from '../catalog';
import type { Requirement } from './requirement';

/** Search nodes before the greedy answer stands: plenty for a profile's capabilities, a few ms at most. */
const DEFAULT_NODE_BUDGET = 5_000;

export interface Cover {
  /** The set chosen for each requirement, in order. */
  chosen: ScopeSet[];
  /** Scopes to add to the grant, sorted. */
  added: string[];
  /** The search finished: no choice adds fewer scopes. False when the node budget ran out first. */
  exact: boolean;
  /** No choice adds fewer than this many scopes (equals `added.length` when exact). */
  lowerBound: number;
}

export interface CoverOptions {
  /** Search nodes to spend before settling for the best answer found. */
  budget?: number;
}

interface Candidate {
  added: Set<string>;
  offKind: number;
}

/**
 * The choice minimising added scopes; ties go to fewer sets of the non-preferred kind, then to the
 * alphabetically first list of added scopes, so the answer is deterministic.
 */
export function minimalCover(requirements: readonly Requirement[], granted: ReadonlySet<string>, prefer: ScopeKind, options: CoverOptions = {}): Cover {
  const budget = options.budget ?? DEFAULT_NODE_BUDGET;
  const unique = distinct(requirements);
  const alternativesOf = unique.map((alternatives) => withoutSupersets(orderAlternatives(alternatives, granted, prefer), prefer));
  let bestChoice = greedy(alternativesOf, granted);
  let best = candidateOf(alternativesOf, bestChoice, granted, prefer);

  // Scopes as small integers and each set as the ones it would add: the search's inner loops stay cheap.
  const ids = new Map<string, number>();
  const idOf = (scope: string): number => {
    let id = ids.get(scope);
    if (id === undefined) ids.set(scope, (id = ids.size));
    return id;
  };
  const addsOf = alternativesOf.map((alternatives) => alternatives.map((set) => set.scopes.filter((s) => !granted.has(s)).map(idOf)));

  // Depth-first over one set per requirement; `count` tracks how many chosen sets add each scope, so a
  // step and its undo cost only the size of one set.
  const count = new Int32Array(ids.size);
  let addedSize = 0;
  let nodes = 0;
  let exhausted = false;
  const choice = alternativesOf.map(() => 0);
  /** Some requirement from `from` on adds more than `slack` new scopes whichever of its sets it takes. */
  const mustExceed = (from: number, slack: number): boolean => {
    for (let j = from; j < addsOf.length; j++) {
      let fits = false;
      for (const adds of addsOf[j]!) {
        let cost = 0;
        for (const s of adds) if (count[s] === 0 && ++cost > slack) break;
        if (cost <= slack) {
          fits = true;
          break;
        }
      }
      if (!fits) return true;
    }
    return false;
  };
  const search = (i: number): void => {
    if (++nodes > budget) {
      exhausted = true;
      return;
    }
    // Strictly worse only: an equal count may still win the tie-break.
    const slack = best.added.size - addedSize;
    if (slack < 0 || mustExceed(i, slack)) return;
    if (i === alternativesOf.length) {
      const candidate = candidateOf(alternativesOf, choice, granted, prefer);
      if (better(candidate, best)) [best, bestChoice] = [candidate, [...choice]];
      return;
    }
    addsOf[i]!.forEach((adds, j) => {
      choice[i] = j;
      for (const s of adds) {
        if (count[s] === 0) addedSize++;
        count[s] = count[s]! + 1;
      }
      search(i + 1);
      for (const s of adds) {
        count[s] = count[s]! - 1;
        if (count[s] === 0) addedSize--;
      }
    });
  };
  search(0);
  // Every requirement adds at least its cheapest set: the bound when the search could not finish.
  const lowerBound = exhausted
    ? Math.max(0, ...addsOf.map((sets) => (sets.length ? Math.min(...sets.map((adds) => new Set(adds).size)) : 0)))
    : best.added.size;

  const chosenFor = new Map(unique.map((alternatives, i) => [alternatives, alternativesOf[i]![bestChoice[i]!]!]));
  return {
    chosen: requirements.map((alternatives) => chosenFor.get(canonical(alternatives))!),
    added: [...best.added].sort(),
    exact: !exhausted,
    lowerBound,
  };
}

/**
 * A set holding all of another's scopes never adds fewer; it can only win a tie on kind, so it is dropped
 * unless it is of the preferred kind and the smaller one is not.
 */
function withoutSupersets(alternatives: readonly ScopeSet[], prefer: ScopeKind): ScopeSet[] {
  return alternatives.filter(
    (set, i) =>
      !alternatives.some(
        (other, j) =>
          j !== i &&
          other.scopes.every((s) => set.scopes.includes(s)) &&
          (other.scopes.length < set.scopes.length || j < i) &&
          (other.kind === set.kind || other.kind === prefer),
      ),
  );
}

/** Many operations share the same sets; the search needs each distinct requirement once. */
const canonicalByKey = new Map<string, Requirement>();
function canonical(requirement: Requirement): Requirement {
  const key = JSON.stringify(requirement);
  const known = canonicalByKey.get(key);
  if (known) return known;
  canonicalByKey.set(key, requirement);
  return requirement;
}

function distinct(requirements: readonly Requirement[]): Requirement[] {
  return [...new Set(requirements.map(canonical))];
}

/**
 * A good first answer: each requirement takes the set whose missing scopes are cheapest, a scope costing
 * less the more requirements it appears in (one classic scope can stand in for many granular sets).
 */
function greedy(options: readonly ScopeSet[][], granted: ReadonlySet<string>): number[] {
  const frequency = new Map<string, number>();
  for (const alternatives of options) {
    for (const s of new Set(alternatives.flatMap((set) => set.scopes))) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  }
  const added = new Set<string>();
  return options.map((alternatives) => {
    const cost = (set: ScopeSet): number => set.scopes.reduce((sum, s) => (granted.has(s) || added.has(s) ? sum : sum + 1 / frequency.get(s)!), 0);
    let bestIndex = 0;
    alternatives.forEach((set, j) => {
      if (cost(set) < cost(alternatives[bestIndex]!)) bestIndex = j;
    });
    for (const s of alternatives[bestIndex]!.scopes) if (!granted.has(s)) added.add(s);
    return bestIndex;
  });
}

/** Preferred kind first, then cheapest: the search meets good answers early and prunes more. */
function orderAlternatives(alternatives: Requirement, granted: ReadonlySet<string>, prefer: ScopeKind): ScopeSet[] {
  const cost = (set: ScopeSet): number => set.scopes.filter((s) => !granted.has(s)).length;
  return [...alternatives].sort((a, b) => Number(a.kind !== prefer) - Number(b.kind !== prefer) || cost(a) - cost(b));
}

function candidateOf(options: readonly ScopeSet[][], choice: readonly number[], granted: ReadonlySet<string>, prefer: ScopeKind): Candidate {
  const added = new Set<string>();
  let offKind = 0;
  choice.forEach((j, i) => {
    const set = options[i]![j]!;
    if (set.kind !== prefer) offKind++;
    for (const s of set.scopes) if (!granted.has(s)) added.add(s);
  });
  return { added, offKind };
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.added.size !== b.added.size) return a.added.size < b.added.size;
  if (a.offKind !== b.offKind) return a.offKind < b.offKind;
  return [...a.added].sort().join(' ') < [...b.added].sort().join(' ');
}
