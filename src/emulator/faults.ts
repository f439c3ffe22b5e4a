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

/** Per-route failures and delays, so checks can be tested against a flaky Atlassian. */
export class FaultInjector {
  private rules: { rule: FaultRule; remaining: number }[] = [];
  private globalLatencyMs = 0;

  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
    this.globalLatencyMs = 0;
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
