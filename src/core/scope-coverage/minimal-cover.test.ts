import { describe, expect, it } from 'vitest';
import type { ScopeKind, ScopeSet } from '../catalog';
import { minimalCover } from './minimal-cover';
import type { Requirement } from './requirement';

const classic = (...scopes: string[]): ScopeSet => ({ kind: 'classic', scopes });
const granular = (...scopes: string[]): ScopeSet => ({ kind: 'granular', scopes });

describe('minimalCover', () => {
  it('shares scopes between requirements instead of adding each one’s cheapest set', () => {
    // Greedy would take `a` for the first (1 scope) and then need `b c` for the second: 3 in all.
    const cover = minimalCover(
      [
        [granular('a'), granular('b')],
        [granular('b', 'c'), granular('a', 'd', 'e')],
        [granular('b'), granular('c', 'd')],
      ],
      new Set(),
      'granular',
    );
    expect(cover.added).toEqual(['b', 'c']);
  });

  it('does not count what is already granted', () => {
    const cover = minimalCover([[classic('x'), granular('a', 'b')]], new Set(['a']), 'granular');
    expect(cover.added).toEqual(['b']);
  });

  it('breaks a tie towards the preferred kind', () => {
    const requirement = [classic('read:jira-work'), granular('read:issue:jira')];
    expect(minimalCover([requirement], new Set(), 'granular').added).toEqual(['read:issue:jira']);
    expect(minimalCover([requirement], new Set(), 'classic').added).toEqual(['read:jira-work']);
  });

  it('still answers, near-optimally, when the search budget runs out', () => {
    const many = Array.from({ length: 400 }, (_, i) => [classic('big'), granular(`g${i}`)]);
    const started = performance.now();
    const cover = minimalCover(many, new Set(), 'granular');
    expect(performance.now() - started).toBeLessThan(500);
    expect(cover.added).toEqual(['big']);
  });

  it('says the answer is exact when the search finished', () => {
    const cover = minimalCover([[granular('a'), granular('b')], [granular('b', 'c')]], new Set(), 'granular');
    expect(cover).toMatchObject({ added: ['b', 'c'], exact: true, lowerBound: 2 });
  });
});

/** A small deterministic generator, so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomCase(seed: number): { requirements: Requirement[]; granted: Set<string> } {
  const next = random(seed);
  const pool = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].slice(0, 3 + Math.floor(next() * 5));
  const pick = () => pool[Math.floor(next() * pool.length)]!;
  const requirements = Array.from({ length: 1 + Math.floor(next() * 6) }, () =>
    Array.from({ length: 1 + Math.floor(next() * 3) }, (): ScopeSet => ({
      kind: next() < 0.5 ? 'classic' : 'granular',
      scopes: [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, pick))],
    })),
  );
  const granted = new Set(pool.filter(() => next() < 0.2));
  return { requirements, granted };
}

/** Every choice of one set per requirement: the smallest number of scopes to add. */
function bruteForceMinimum(requirements: readonly Requirement[], granted: ReadonlySet<string>): number {
  let best = Number.POSITIVE_INFINITY;
  const walk = (i: number, added: ReadonlySet<string>): void => {
    if (i === requirements.length) {
      best = Math.min(best, added.size);
      return;
    }
    for (const set of requirements[i]!) walk(i + 1, new Set([...added, ...set.scopes.filter((s) => !granted.has(s))]));
  };
  walk(0, new Set());
  return best;
}

function satisfies(requirements: readonly Requirement[], held: ReadonlySet<string>): boolean {
  return requirements.every((alternatives) => alternatives.some((set) => set.scopes.every((s) => held.has(s))));
}

describe('minimalCover against brute force', () => {
  const seeds = Array.from({ length: 400 }, (_, i) => i + 1);

  it('finds the proven minimum on small random cases, and a cover that satisfies every requirement', () => {
    for (const seed of seeds) {
      const { requirements, granted } = randomCase(seed);
      const prefer: ScopeKind = seed % 2 ? 'granular' : 'classic';
      const cover = minimalCover(requirements, granted, prefer);
      const context = `seed ${seed}`;
      expect(cover.exact, context).toBe(true);
      expect(cover.added.length, context).toBe(bruteForceMinimum(requirements, granted));
      expect(cover.lowerBound, context).toBe(cover.added.length);
      expect(satisfies(requirements, new Set([...granted, ...cover.added])), context).toBe(true);
      // Each chosen set is one of its requirement's, and together they add exactly the answer.
      cover.chosen.forEach((set, i) => expect(requirements[i], context).toContainEqual(set));
      expect(new Set(cover.chosen.flatMap((set) => set.scopes.filter((s) => !granted.has(s)))), context).toEqual(new Set(cover.added));
    }
  });

  it('with the budget cut short, still answers with a valid cover, between its lower bound and above the minimum', () => {
    let inexact = 0;
    for (const seed of seeds) {
      const { requirements, granted } = randomCase(seed);
      const cover = minimalCover(requirements, granted, 'granular', { budget: 2 });
      const minimum = bruteForceMinimum(requirements, granted);
      const context = `seed ${seed}`;
      expect(satisfies(requirements, new Set([...granted, ...cover.added])), context).toBe(true);
      expect(cover.added.length, context).toBeGreaterThanOrEqual(minimum);
      expect(cover.lowerBound, context).toBeLessThanOrEqual(minimum);
      if (!cover.exact) inexact++;
      else expect(cover.added.length, context).toBe(minimum);
    }
    expect(inexact).toBeGreaterThan(0);
  });
});
