import { describe, expect, it } from 'vitest';
import type { PushEvent } from '@forge/events';
import { concurrencyKey, forgeRecheckQueue } from './recheck-queue';

describe('the Forge re-check queue', () => {
  it('pushes each event with its delay and a concurrency key per site, Forge-spelled', async () => {
    const pushed: PushEvent[][] = [];
    const queue = forgeRecheckQueue({ push: async (events) => (pushed.push([events].flat()), { jobId: 'job' }) });
    await queue.push([
      { event: { kind: 'token', id: 'a', limitKey: 'Acme.atlassian.net', attempt: 1 } },
      { event: { kind: 'connection', id: 'c', limitKey: 'auth.atlassian.com', attempt: 2 }, delayInSeconds: 30 },
    ]);
    expect(pushed).toEqual([
      [
        { body: { kind: 'token', id: 'a', limitKey: 'Acme.atlassian.net', attempt: 1 }, concurrency: { key: 'limit-acme-atlassian-net', limit: 4 } },
        {
          body: { kind: 'connection', id: 'c', limitKey: 'auth.atlassian.com', attempt: 2 },
          delayInSeconds: 30,
          concurrency: { key: 'limit-auth-atlassian-com', limit: 4 },
        },
      ],
    ]);
    expect(concurrencyKey('x_y.example')).toMatch(/^[a-z0-9-]+$/);
  });
});
