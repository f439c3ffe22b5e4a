/** Rate limits and transient 5xx as Atlassian documents them, and the Cloud ID lookup, replayed and served. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyReply, send } from '../../src/core/atlassian';
import { lookupCloudId } from '../../src/core/checks';
import { recorded } from '../../src/emulator/recorded';
import { DEMO_SITE, startEmulator, type Emulator } from '../../src/emulator';
import { recordedFetch, replayRecorded } from '../support/recorded';

const sleeps: number[] = [];
// 5 s before the recorded X-RateLimit-Reset minute, so the emulator's computed reset matches the recording.
const clock = { now: () => new Date('2026-12-01T15:04:58Z'), sleep: async (ms: number) => void sleeps.push(ms) };

describe('rate limits, as recorded', () => {
  it("'rate-limit.429' is rate-limited, waiting what Retry-After says", () => {
    const outcome = replayRecorded('rate-limit.429');
    expect(outcome).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterSeconds: 5 });
  });

  it("'server.503-retry-after' is a server error that says when to retry", () => {
    expect(replayRecorded('server.503-retry-after')).toMatchObject({ kind: 'server-error', status: 503, retryAfterSeconds: 3 });
  });

  it('retries after the recorded waits, then reports the last answer when it keeps coming', async () => {
    sleeps.length = 0;
    const { fetch, seen } = recordedFetch('rate-limit.429', 'server.503-retry-after', 'rate-limit.429');
    const deps = { fetch, clock, random: () => 0.5, hosts: { auth: '', api: '', site: () => '' } };
    const outcome = await send(deps, {
      method: 'GET',
      url: 'https://acme.atlassian.net/rest/api/3/myself',
      label: 'GET /rest/api/3/myself',
      auth: { none: true },
    });
    expect(seen).toHaveLength(3);
    expect(sleeps).toEqual([5000, 3000]);
    expect(outcome.kind).toBe('rate-limited');
  });

  it('without Retry-After, waits until X-RateLimit-Reset', () => {
    const { response } = recorded('rate-limit.429');
    const headers = new Map(
      Object.entries(response.headers)
        .filter(([name]) => name !== 'Retry-After')
        .map(([k, v]) => [k.toLowerCase(), v]),
    );
    const outcome = classifyReply(
      'GET /rest/api/3/myself',
      { status: 429, text: '', header: (n) => headers.get(n.toLowerCase()) ?? null },
      1,
      Date.parse('2026-12-01T15:04:00Z'),
    );
    expect(outcome).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 60 });
  });
});

describe("'edge.tenant-info', as recorded", () => {
  it('gives the Cloud ID lookup its answer', async () => {
    const { fetch, seen } = recordedFetch('edge.tenant-info');
    const report = await lookupCloudId({ fetch, hosts: { auth: '', api: '', site: (host) => `https://${host}` } }, 'acme');
    expect(seen[0]?.url).toBe('https://acme.atlassian.net/_edge/tenant_info');
    expect(report.cloudId).toBe('1f0c5d2e-7b3a-4c8e-9d41-6a2b8c0fe9a2');
  });
});

describe('the emulator serves these recorded answers', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ clock });
  });
  afterAll(() => emulator.close());

  it("429: the recorded headers, Retry-After from the fault and X-RateLimit-Reset in Atlassian's format", async () => {
    emulator.faults.add({ host: 'site', pathPrefix: '/rest/api/3/myself', kind: '429', retryAfter: 5, times: 1 });
    const response = await fetch(`${emulator.hosts.site(DEMO_SITE.host)}/rest/api/3/myself`);
    const { headers } = recorded('rate-limit.429').response;
    expect(response.status).toBe(429);
    for (const [name, value] of Object.entries(headers)) expect(response.headers.get(name), name).toBe(value);
    expect(await response.text()).toBe('');
  });

  it('503 with Retry-After', async () => {
    emulator.faults.add({ host: 'api', kind: '503', retryAfter: 3, times: 1 });
    const response = await fetch(`${emulator.hosts.api}/ex/jira/${DEMO_SITE.cloudId}/rest/api/3/myself`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('3');
  });

  it("tenant_info in the recorded shape, with the site's own Cloud ID", async () => {
    const response = await fetch(`${emulator.hosts.site(DEMO_SITE.host)}/_edge/tenant_info`);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual(recorded('edge.tenant-info').response.json);
  });
});
