/**
 * The only ways core reaches the outside world. Forge, Node and the tests each supply their own.
 */

/** The subset of WHATWG fetch core uses; both Forge's `fetch` and Node's global fetch satisfy it. */
export interface HttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  redirect?: 'manual' | 'follow' | 'error';
}

export interface HttpResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type FetchLike = (url: string, init?: HttpRequest) => Promise<HttpResponse>;

export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Where each Atlassian host is reached. In production these are the real hosts; locally and in tests
 * every one of them points at the emulator.
 */
export interface AtlassianHosts {
  /** e.g. `https://auth.atlassian.com` */
  auth: string;
  /** e.g. `https://api.atlassian.com` */
  api: string;
  /** Base URL for a validated site host name such as `acme.atlassian.net`. */
  site(host: string): string;
}

export const realAtlassianHosts: AtlassianHosts = {
  auth: 'https://auth.atlassian.com',
  api: 'https://api.atlassian.com',
  site: (host) => `https://${host}`,
};

/**
 * The emulator serves every Atlassian host from one loopback origin, told apart by a path prefix:
 * `/auth/…` for auth.atlassian.com, `/api/…` for api.atlassian.com, `/site/{host}/…` for a site.
 */
export function emulatorHosts(baseUrl: string): AtlassianHosts {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    auth: `${base}/auth`,
    api: `${base}/api`,
    site: (host) => `${base}/site/${host}`,
  };
}

/** Everything a check needs from outside, injected so Forge, the CLI, the local server and tests share it. */
export interface CheckDeps {
  fetch: FetchLike;
  hosts: AtlassianHosts;
  clock?: Clock;
  /** Per-attempt timeout in ms (default 8000), cut shorter when the deadline is nearer. */
  timeoutMs?: number;
  /**
   * When the whole check must be done, in ms since the epoch on `clock`. Every request, retry and wait
   * stops in time, and what is left undecided says it ran out of time. Absent: no limit.
   */
  deadline?: number;
  /** Most requests in flight at once, and so per round of probes (default 24). */
  concurrency?: number;
  /** Retries after a 429 or 503 (default 2), each after Retry-After or an exponential backoff with jitter. */
  maxRetries?: number;
  random?: () => number;
}
