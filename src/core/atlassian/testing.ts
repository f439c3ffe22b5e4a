import type { CheckDeps } from '../ports';
import type { Clock, FetchLike, HttpRequest, HttpResponse } from '../ports';
import { realAtlassianHosts } from '../ports';

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedCall {
  url: string;
  init?: HttpRequest;
}

/** A FetchLike answering from a function, recording every call: unit tests need no server. */
export function fakeFetch(answer: (url: string, init?: HttpRequest) => FakeReply | Promise<FakeReply>): FetchLike & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch = async (url: string, init?: HttpRequest): Promise<HttpResponse> => {
    calls.push({ url, init });
    const reply = await answer(url, init);
    const headers = new Map(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return { status: reply.status, headers: { get: (name) => headers.get(name.toLowerCase()) ?? null }, text: async () => text };
  };
  return Object.assign(fetch, { calls });
}

/** A clock whose sleeps return at once and are remembered, so backoff is tested without waiting. */
export function instantClock(now = new Date('2026-11-25T09:00:00Z')): Clock & { slept: number[] } {
  const slept: number[] = [];
  return { now: () => now, sleep: async (ms) => void slept.push(ms), slept };
}

export function fakeDeps(fetch: FetchLike, overrides: Partial<CheckDeps> = {}): CheckDeps {
  return { fetch, hosts: realAtlassianHosts, clock: instantClock(), random: () => 0.5, ...overrides };
}
