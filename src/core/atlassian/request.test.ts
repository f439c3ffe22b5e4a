import { describe, expect, it } from 'vitest';
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
