import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../emulator/fake-clock';
import { systemClock } from '../ports';
import { send } from './request';
import { fakeDeps, fakeFetch, instantClock } from './testing';

const request = { method: 'GET' as const, url: 'https://api.atlassian.com/x', label: 'GET /x', auth: { basic: { email: 'a@b.example', token: 'demo-token' } } };

describe('send', () => {
  it('sends Basic auth and JSON bodies', async () => {
    const fetch = fakeFetch(() => ({ status: 200, body: {} }));
    await send(fakeDeps(fetch), { ...request, method: 'POST', json: { a: 1 } });
    const init = fetch.calls[0]?.init;
    expect(init?.headers?.Authorization).toBe(`Basic ${btoa('a@b.example:demo-token')}`);
    expect(init?.body).toBe('{"a":1}');
    expect(init?.redirect).toBe('manual');
  });

  it('retries 429 after Retry-After, then gives up as rate-limited', async () => {
    const fetch = fakeFetch(() => ({ status: 429, headers: { 'Retry-After': '1' } }));
    const clock = instantClock();
    const outcome = await send(fakeDeps(fetch, { clock, maxRetries: 2 }), request);
    expect(outcome).toMatchObject({ kind: 'rate-limited', attempts: 3 });
    expect(clock.slept).toEqual([1000, 1000]);
  });

  it('backs off exponentially with jitter on 503 and recovers', async () => {
    let calls = 0;
    const fetch = fakeFetch(() => (++calls < 3 ? { status: 503 } : { status: 200, body: { ok: true } }));
    const clock = instantClock();
    const outcome = await send(fakeDeps(fetch, { clock, random: () => 0 }), request);
    expect(outcome.kind).toBe('ok');
    expect(clock.slept).toEqual([250, 500]);
  });

  it('does not wait out a long Retry-After', async () => {
    const fetch = fakeFetch(() => ({ status: 429, headers: { 'Retry-After': '3600' } }));
    const outcome = await send(fakeDeps(fetch), request);
    expect(outcome).toMatchObject({ kind: 'rate-limited', attempts: 1 });
  });

  it('turns a hang into a timeout and a thrown fetch into a network error, without the error text', async () => {
    const hang = fakeFetch((_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))));
    expect(await send(fakeDeps(hang, { timeoutMs: 20 }), request)).toMatchObject({ kind: 'timeout' });
    const broken = fakeFetch(() => Promise.reject(new Error('connect ECONNREFUSED demo-token')));
    const outcome = await send(fakeDeps(broken), request);
    expect(outcome.kind).toBe('network-error');
    expect(JSON.stringify(outcome)).not.toContain('demo-token');
  });
});

describe('send with a deadline', () => {
  /** Every answer takes `latencyMs` of the fake clock; the deadline is `deadlineMs` from the start. */
  function slowSite(reply: () => { status: number; headers?: Record<string, string> }, latencyMs: number, deadlineMs: number) {
    const clock = new FakeClock();
    const start = clock.now().getTime();
    const sentAt: number[] = [];
    const fetch = fakeFetch(() => {
      sentAt.push(clock.now().getTime() - start);
      clock.advance(latencyMs);
      return reply();
    });
    const deps = fakeDeps(fetch, { clock, maxRetries: 5, deadline: start + deadlineMs });
    return { fetch, deps, sentAt, elapsed: () => clock.now().getTime() - start };
  }

  it('stops retrying a 429 before the deadline and says it ran out of time, keeping the last status', async () => {
    // The case scaled down: 750 ms per answer, 429 Retry-After 1, 2.5 s for everything.
    const site = slowSite(() => ({ status: 429, headers: { 'Retry-After': '1' } }), 750, 2500);
    const outcome = await send(site.deps, request);
    expect(outcome).toMatchObject({ kind: 'timeout', status: 429, retryAfterSeconds: 1, attempts: 2 });
    expect(outcome.kind !== 'ok' && outcome.reason).toContain('ran out of time');
    // Sent at 0 and after 750 + 1000 ms; a third try would start past the deadline.
    expect(site.sentAt).toEqual([0, 1750]);
    expect(site.elapsed()).toBeLessThanOrEqual(2500);
  });

  it('does not wait out a Retry-After that would end past the deadline', async () => {
    const site = slowSite(() => ({ status: 503, headers: { 'Retry-After': '2' } }), 100, 1500);
    const outcome = await send(site.deps, request);
    expect(outcome).toMatchObject({ kind: 'timeout', status: 503, attempts: 1 });
    expect(site.elapsed()).toBe(100);
  });

  it('does not send once the deadline has passed', async () => {
    const site = slowSite(() => ({ status: 200 }), 100, 0);
    const outcome = await send(site.deps, request);
    expect(outcome).toMatchObject({ kind: 'timeout', attempts: 0 });
    expect(outcome.kind !== 'ok' && outcome.reason).toContain('ran out of time');
    expect(site.fetch.calls).toHaveLength(0);
  });

  it('answers as before when the deadline leaves room', async () => {
    let calls = 0;
    const site = slowSite(() => (++calls < 2 ? { status: 429, headers: { 'Retry-After': '1' } } : { status: 200 }), 100, 20_000);
    expect(await send(site.deps, request)).toMatchObject({ kind: 'ok', attempts: 2 });
  });

  it('cuts an attempt off at the deadline when that comes before timeoutMs', async () => {
    const hang = fakeFetch((_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))));
    const started = Date.now();
    const outcome = await send(fakeDeps(hang, { clock: systemClock, timeoutMs: 60_000, deadline: started + 50 }), request);
    expect(outcome).toMatchObject({ kind: 'timeout', attempts: 1 });
    expect(outcome.kind !== 'ok' && outcome.reason).toContain('ran out of time');
    // Generous: only that it was the deadline (50 ms), not the 60 s timeout, that ended it.
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
