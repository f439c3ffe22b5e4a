import type { CoverageResult } from '../scope-coverage/types';
import type { CheckResult, Report } from '../model';
import type { Profile } from '../profiles/types';
import type { ScopeFinding } from '../scopes/types';

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
  /** The scopes as configured in the developer console, as pasted (any format parseScopeList takes); may be empty. */
  scopes: string;
  profile?: Profile;
  /** What a consent test read for this app: when present, coverage is judged from it, not the pasted list. */
  grant?: ConsentedGrant;
  /** The connection's name, e.g. "OnePlan OneConnect (EU)": a region in it is checked against the callback URL. */
  name?: string;
}

/** The scopes Atlassian granted in a consent test (accessible-resources), and when they were read. */
export interface ConsentedGrant {
  scopes: string[];
  /** ISO time of the consent test. */
  readAt: string;
  refreshTokenIssued: boolean;
}

/** Which list a coverage verdict was judged from, and how the two lists differ when both exist. */
export interface ScopeSource {
  /** `consent`: the consented grant; `pasted`: the pasted console list, unverified; `none`: neither. */
  used: 'consent' | 'pasted' | 'none';
  /** The pasted list as read (corrections applied); empty when nothing was pasted. */
  pasted: string[];
  /** The consented grant, when a consent test read one. */
  granted?: string[];
  readAt?: string;
  /** Present when both lists exist (offline_access left out: it is no console permission). */
  onlyGranted?: string[];
  onlyPasted?: string[];
}

export interface OAuthClientReport extends Report {
  coverage?: CoverageResult;
  findings: ScopeFinding[];
  /** Absent in reports stored before verdicts named their source. */
  scopeSource?: ScopeSource;
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
  /** The app the consent was for: a grant read for another client ID says nothing about this one. */
  clientId?: string;
  resources: AccessibleResource[];
  coverage?: CoverageResult;
  /** The code exchange returned a refresh token: offline_access is granted. */
  refreshTokenIssued?: boolean;
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
