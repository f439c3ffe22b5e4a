/** `429` and `503` carry Retry-After (and a 429 Atlassian's X-RateLimit-* headers), as recorded. */
export type FaultKind = 'latency' | '429' | '503' | '500' | 'malformed' | 'hang' | 'reset';
/** `dc` is the emulated Jira Data Center server under `/dc`. */
export type HostName = 'auth' | 'api' | 'site' | 'dc';

export interface FaultRule {
  host?: HostName;
  method?: string;
  /** Matched against the path within the host (`/rest/api/3/myself`, `/oauth/token`) and the full URL path. */
  pathPrefix?: string;
  pattern?: RegExp;
  kind: FaultKind;
  /** Delay for `latency`. */
  ms?: number;
  /** Seconds in the `Retry-After` header of a 429 or 503 (default 1). */
  retryAfter?: number;
  /** How many matching requests it hits before it goes away (default: all). */
  times?: number;
}

export interface FaultTarget {
  host: HostName;
  method: string;
  /** Every path the request can be named by: full URL path, path within the host, Jira REST path. */
  paths: readonly string[];
}

/** At most `limit` requests per site in each `windowMs` of the emulator's clock; past that a 429 until the window ends. */
export interface SiteRateLimit {
  limit: number;
  windowMs: number;
}

/** Per-route failures and delays, so checks can be tested against a flaky Atlassian. */
export class FaultInjector {
  private rules: { rule: FaultRule; remaining: number }[] = [];
  private globalLatencyMs = 0;
  private siteLimit: SiteRateLimit | undefined;
  private windows = new Map<string, { window: number; used: number }>();
  /** Requests let through by the per-site rate limit, per site: what a benchmark divides by the limit. */
  readonly admitted = new Map<string, number>();

  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
    this.globalLatencyMs = 0;
    this.siteLimit = undefined;
    this.windows.clear();
    this.admitted.clear();
  }

  /**
   * Rate-limits each site on its own, like Jira Cloud's per-tenant limits: a site's host and its Cloud ID on
   * the gateway count as one site, the token endpoint as another. Rejected requests do not count.
   */
  rateLimitPerSite(limit: SiteRateLimit): void {
    this.siteLimit = limit;
    this.windows.clear();
  }

  /** A 429 rule for this request when its site is over the limit, else undefined (and the request counted). */
  takeSiteLimit(site: string, now: Date): FaultRule | undefined {
    if (!this.siteLimit) return undefined;
    const { limit, windowMs } = this.siteLimit;
    const window = Math.floor(now.getTime() / windowMs);
    const current = this.windows.get(site);
    const entry = current && current.window === window ? current : { window, used: 0 };
    this.windows.set(site, entry);
    if (entry.used >= limit) {
      const untilNext = (window + 1) * windowMs - now.getTime();
      return { kind: '429', retryAfter: Math.max(1, Math.ceil(untilNext / 1000)) };
    }
    entry.used += 1;
    this.admitted.set(site, (this.admitted.get(site) ?? 0) + 1);
    return undefined;
  }

  /** Delay for every request (the benchmark's slow network). */
  latency(ms: number): void {
    this.globalLatencyMs = Math.max(0, ms);
  }

  get globalLatency(): number {
    return this.globalLatencyMs;
  }

  /** The first rule matching the request, used up by one. */
  take(target: FaultTarget): FaultRule | undefined {
    const entry = this.rules.find(({ rule, remaining }) => remaining > 0 && matches(rule, target));
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.rules = this.rules.filter((r) => r !== entry);
    return entry.rule;
  }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  if (rule.host && rule.host !== target.host) return false;
  if (rule.method && rule.method.toUpperCase() !== target.method) return false;
  const { pathPrefix, pattern } = rule;
  if (pathPrefix !== undefined && !target.paths.some((path) => path.startsWith(pathPrefix))) return false;
  // search() ignores lastIndex, so a /g pattern matches the same on every request.
  if (pattern && !target.paths.some((path) => path.search(pattern) >= 0)) return false;
  return true;
}
