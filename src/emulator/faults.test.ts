import { describe, expect, it } from 'vitest';
import { FaultInjector, type FaultTarget } from './faults';

const myself: FaultTarget = { host: 'site', method: 'GET', paths: ['/site/acme.atlassian.net/rest/api/3/myself', '/rest/api/3/myself'] };
const token: FaultTarget = { host: 'auth', method: 'POST', paths: ['/auth/oauth/token', '/oauth/token'] };

describe('FaultInjector', () => {
  it('matches on host, method, path prefix and pattern', () => {
    const faults = new FaultInjector();
    faults.add({ host: 'auth', kind: '500' });
    faults.add({ method: 'GET', pathPrefix: '/rest/api/3/my', kind: '429', retryAfter: 2 });
    faults.add({ pattern: /myself$/g, kind: 'malformed' });
    expect(faults.take(token)?.kind).toBe('500');
    expect(faults.take(myself)).toMatchObject({ kind: '429', retryAfter: 2 });
    expect(faults.take({ ...myself, method: 'POST' })?.kind).toBe('malformed');
    expect(faults.take({ ...myself, method: 'POST' })?.kind).toBe('malformed');
  });

  it('wears off after `times` hits and is gone after clear()', () => {
    const faults = new FaultInjector();
    faults.add({ kind: 'reset', times: 2 });
    expect(faults.take(myself)?.kind).toBe('reset');
    expect(faults.take(token)?.kind).toBe('reset');
    expect(faults.take(myself)).toBeUndefined();

    faults.add({ kind: 'hang' });
    faults.latency(25);
    expect(faults.globalLatency).toBe(25);
    faults.clear();
    expect(faults.take(myself)).toBeUndefined();
    expect(faults.globalLatency).toBe(0);
  });

  it('rate-limits each site on its own window, with Retry-After to the window’s end', () => {
    const faults = new FaultInjector();
    faults.rateLimitPerSite({ limit: 2, windowMs: 10_000 });
    const at = new Date('2026-01-15T09:00:02Z');
    expect(faults.takeSiteLimit('a.atlassian.net', at)).toBeUndefined();
    expect(faults.takeSiteLimit('a.atlassian.net', at)).toBeUndefined();
    expect(faults.takeSiteLimit('a.atlassian.net', at)).toEqual({ kind: '429', retryAfter: 8 });
    expect(faults.takeSiteLimit('b.atlassian.net', at)).toBeUndefined();
    expect(faults.takeSiteLimit('a.atlassian.net', new Date('2026-01-15T09:00:10Z'))).toBeUndefined();
    expect(Object.fromEntries(faults.admitted)).toEqual({ 'a.atlassian.net': 3, 'b.atlassian.net': 1 });
  });
});
