/**
 * Choosing one scope set per requirement so that the scopes to add are as few as possible. Requirements
 * are few per capability, so an exhaustive search with a node budget finds the optimum in practice; the
 * greedy start keeps the answer good when the budget runs out (e.g. a custom profile with hundreds of
 * operations).
 */
import type { ScopeKind, ScopeSet } from '../catalog';
import type { Requirement } from './requirement';

const NODE_BUDGET = 5_000;

export interface Cover {
  /** The set chosen for each requirement, in order. */
  chosen: ScopeSet[];
  /** Scopes to add to the grant, sorted. */
  added: string[];
}

interface Candidate {
  added: Set<string>;
  offKind: number;
}

/**
 * The choice minimising added scopes; ties go to fewer sets of the non-preferred kind, then to the
 * alphabetically first list of added scopes, so the answer is deterministic.
 */
export function minimalCover(requirements: readonly Requirement[], granted: ReadonlySet<string>, prefer: ScopeKind): Cover {
  const unique = distinct(requirements);
  const options = unique.map((alternatives) => orderAlternatives(alternatives, granted, prefer));
  let bestChoice = greedy(options, granted);
  let best = candidateOf(options, bestChoice, granted, prefer);

  // Depth-first over one set per requirement; `count` tracks how many chosen sets add each scope, so a
  // step and its undo cost only the size of one set.
  const count = new Map<string, number>();
  let addedSize = 0;
  let nodes = 0;
  const choice = options.map(() => 0);
  const search = (i: number): void => {
    if (++nodes > NODE_BUDGET || addedSize > best.added.size) return;
    if (i === options.length) {
      const candidate = candidateOf(options, choice, granted, prefer);
      if (better(candidate, best)) [best, bestChoice] = [candidate, [...choice]];
      return;
    }
    options[i]!.forEach((set, j) => {
      choice[i] = j;
      const adds = set.scopes.filter((s) => !granted.has(s));
      for (const s of adds) {
        const n = count.get(s) ?? 0;
        if (n === 0) addedSize++;
        count.set(s, n + 1);
      }
      search(i + 1);
      for (const s of adds) {
        const n = count.get(s)!;
        if (n === 1) addedSize--;
        count.set(s, n - 1);
      }
    });
  };
  search(0);

  const chosenFor = new Map(unique.map((alternatives, i) => [alternatives, options[i]![bestChoice[i]!]!]));
  return { chosen: requirements.map((alternatives) => chosenFor.get(canonical(alternatives))!), added: [...best.added].sort() };
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
    const cost = (set: ScopeSet): number =>
      set.scopes.reduce((sum, s) => (granted.has(s) || added.has(s) ? sum : sum + 1 / frequency.get(s)!), 0);
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
