import type { CoverageResult } from '../scope-coverage/types';
import type { CheckResult, Report } from '../model';
import type { AtlassianHosts, Clock, FetchLike } from '../ports';
import type { Profile } from '../profiles/types';
import type { ScopeFinding } from '../scopes/types';

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

export interface CloudIdReport extends Report {
  /** Normalised host, e.g. `acme.atlassian.net`. */
  site: string;
  cloudId?: string;
}

export interface OAuthClientInput {
  clientId: string;
  /** Used for the token-endpoint probe only; never echoed back in any result. */
  clientSecret?: string;
  callbackUrl?: string;
  /** The scopes as configured in the developer console, as pasted (any format parseScopeList takes). */
  scopes: string;
  profile?: Profile;
}

export interface OAuthClientReport extends Report {
  coverage?: CoverageResult;
  findings: ScopeFinding[];
}

export interface ConsentStart {
  authorizeUrl: string;
  /** Random value the pasted redirect URL must carry back. */
  state: string;
}

export interface ConsentFinishInput {
  clientId: string;
  clientSecret: string;
  callbackUrl: string;
  state: string;
  /** The full URL the browser was redirected to after consent. */
  redirectedUrl: string;
  profile?: Profile;
}

export interface AccessibleResource {
  id: string;
  name: string;
  url: string;
  scopes: string[];
}

export interface ConsentReport extends Report {
  resources: AccessibleResource[];
  coverage?: CoverageResult;
}

export type TokenKindDetected = 'classic' | 'scoped' | 'invalid' | 'unknown';

export interface TokenCheckInput {
  /** Site host or URL, e.g. `acme.atlassian.net` or `https://acme.atlassian.net`. */
  site: string;
  email: string;
  /** Used for the requests only; never echoed back in any result. */
  token: string;
  profile?: Profile;
  /** Known Cloud ID (inside Forge it comes from the context); otherwise looked up. */
  cloudId?: string;
  /** When the check runs for a signed-in person, their accountId must own the token. */
  expectedAccountId?: string;
  /** ISO date (YYYY-MM-DD) the user entered; Atlassian offers no API for it. */
  expiresOn?: string;
}

export interface ScopeProbeResult {
  scope: string;
  status: 'held' | 'missing' | 'unknown';
  /** Capabilities of the profile that need it. */
  neededFor: string[];
  evidence?: CheckResult['evidence'];
}

export interface TokenReport extends Report {
  site: string;
  cloudId?: string;
  kind: TokenKindDetected;
  accountId?: string;
  /** `https://api.atlassian.com/ex/jira/{cloudId}` for scoped tokens (real host, even when emulated). */
  gatewayUrl?: string;
  probes: ScopeProbeResult[];
  /** Rounds of probe requests a scoped token took (at most 2). */
  probeRounds?: number;
  coverage?: CoverageResult;
  /** Whole days from today to expiresOn; negative once expired. */
  daysToExpiry?: number;
}

export interface DataCenterInput {
  /** The Jira server's base URL, context path included, e.g. `https://jira.acme.com/jira`. */
  baseUrl: string;
  /** Client ID of the incoming application link. */
  clientId?: string;
  /** Used for the token-endpoint probe only; never echoed back in any result. */
  clientSecret?: string;
  /** The integration's callback URL, which must equal the link's Redirect URL. */
  callbackUrl?: string;
  /** A personal access token, sent as Bearer; never echoed back in any result. */
  token?: string;
  /** The link's permission (READ / WRITE / ADMIN / SYSTEM_ADMIN, or the UI's "Admin"), as pasted. */
  scopes?: string;
  /** A profile with tokenKind `dc-oauth`. */
  profile?: Profile;
}

export interface DataCenterReport extends Report {
  /** Normalised base URL the checks ran against (no trailing slash). */
  baseUrl: string;
}
