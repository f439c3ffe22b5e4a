import { describe, expect, it } from 'vitest';
import { ADMIN_ID, contextFor, testDeps, TEST_PROFILE, withTestProfile } from '../../test/mocks/app-deps';
import { fakeFetch } from '../core/atlassian/testing';
import type { OAuthClientReport } from '../core/checks/types';
import { recheckAll } from './recheck';
import { saveConnection } from './resolvers/saveConnection';

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

    // 55 s of budget, 5 s of it kept for storing: checks start at 0 s and 20 s, not at 40 s (10 s left).
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

  it('gives each check the run’s deadline: a slow, rate-limited Atlassian is recorded as unknown in time', async () => {
    const deps = await withTestProfile(testDeps());
    const connection = { name: 'Slow', profileId: TEST_PROFILE.id, clientId: 'demo-client', callbackUrl: 'https://example.test/cb', scopes: 'read:project:jira', clientSecret: 'demo-secret-1a2b' };
    const saved = await saveConnection.run({ connection }, contextFor(ADMIN_ID), deps);
    if (!saved.ok) throw new Error(saved.error.message);
    const start = deps.clock.now().getTime();
    const sentAt: number[] = [];
    // The Atlassian: every answer takes 7.5 s and is a 429 with Retry-After 5.
    deps.checkDeps.fetch = fakeFetch(() => {
      sentAt.push(deps.clock.now().getTime() - start);
      deps.clock.advance(7_500);
      return { status: 429, headers: { 'Retry-After': '5' } };
    });
    // Retries enough that only the deadline can stop them.
    deps.checkDeps.maxRetries = 20;

    expect(await recheckAll(deps, 55_000)).toMatchObject({ checked: 1, failed: 0, finished: true });
    expect(sentAt.length).toBeGreaterThan(0);
    for (const at of sentAt) expect(at).toBeLessThan(50_000);
    const status = await deps.store.get<{ lastReport: OAuthClientReport }>(`connection-status:${saved.data.id}`);
    expect(status?.lastReport.results.find((r) => r.id === 'oauth.credentials')).toMatchObject({
      status: 'unknown',
      detail: expect.stringContaining('ran out of time'),
    });
  });
});
