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
  const options = requirements.map((alternatives) => orderAlternatives(alternatives, granted, prefer));
  const greedyChoice = options.map(() => 0);
  const greedyAdded = new Set<string>();
  options.forEach((alternatives, i) => {
    let bestIndex = 0;
    let bestCost = Infinity;
    alternatives.forEach((set, j) => {
      const cost = set.scopes.filter((s) => !granted.has(s) && !greedyAdded.has(s)).length;
      if (cost < bestCost) [bestIndex, bestCost] = [j, cost];
    });
    greedyChoice[i] = bestIndex;
    for (const s of alternatives[bestIndex]?.scopes ?? []) if (!granted.has(s)) greedyAdded.add(s);
  });

  let best: Candidate = candidateOf(options, greedyChoice, granted, prefer);
  let bestChoice = greedyChoice;
  let nodes = 0;
  const choice = options.map(() => 0);
  const search = (i: number, added: ReadonlySet<string>): void => {
    if (++nodes > NODE_BUDGET || added.size > best.added.size) return;
    if (i === options.length) {
      const candidate = candidateOf(options, choice, granted, prefer);
      if (better(candidate, best)) [best, bestChoice] = [candidate, [...choice]];
      return;
    }
    options[i]!.forEach((set, j) => {
      choice[i] = j;
      const next = new Set(added);
      for (const s of set.scopes) if (!granted.has(s)) next.add(s);
      search(i + 1, next);
    });
  };
  search(0, new Set());

  return { chosen: options.map((alternatives, i) => alternatives[bestChoice[i]!]!), added: [...best.added].sort() };
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
