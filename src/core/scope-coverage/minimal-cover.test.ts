import { describe, expect, it } from 'vitest';
import type { ScopeSet } from '../catalog';
import { minimalCover } from './minimal-cover';

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
});
