import { describe, expect, it } from 'vitest';
import { testDeps } from '../../test/mocks/app-deps';
import { recheckAll } from './recheck';

describe('recheckAll', () => {
  it('starts no check that could outlast the budget, and resumes where it stopped', async () => {
    const deps = testDeps();
    const visited: string[] = [];
    // Each opted-in token takes 20 s of the budget to look at.
    deps.secrets.getSecret = async (key) => {
      visited.push(key);
      deps.clock.advance(20_000);
      return undefined;
    };
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    for (const id of ids) await deps.store.set(`token-check:${id}`, { accountId: id, recheck: true });
    for (const id of ids) await deps.store.set(`token-report:${id}`, { site: 'acme.atlassian.net' });

    // 55 s of budget, minus 25 s for the longest check: checks start at 0 s and 20 s, not at 40 s.
    const first = await recheckAll(deps, 55_000);
    expect(first.finished).toBe(false);
    expect(visited).toEqual(['user-token:a', 'user-token:b']);

    await recheckAll(deps, 55_000);
    await recheckAll(deps, 55_000);
    const fourth = await recheckAll(deps, 55_000);
    expect(fourth.finished).toBe(true);
    expect(visited).toEqual(ids.map((id) => `user-token:${id}`));
    expect(await deps.store.get('recheck-progress')).toBeUndefined();
  });
});
