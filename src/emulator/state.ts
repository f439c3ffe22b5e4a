import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/ports';
import { emptyJiraData, type JiraData } from './jira-data';

export interface EmulatedSite {
  host: string;
  name: string;
  cloudId: string;
  jira: JiraData;
}

export interface EmulatedAccount {
  accountId: string;
  displayName: string;
  email: string;
  isAdmin: boolean;
  /** Sites this person can use. */
  siteHosts: string[];
}

export interface EmulatedApiToken {
  token: string;
  accountId: string;
  /** classic: full access as the owner, site URL and gateway; scoped: gateway only, listed scopes only. */
  kind: 'classic' | 'scoped';
  scopes: readonly string[];
  expiresAt?: Date;
}

export interface EmulatedOAuthApp {
  name: string;
  clientId: string;
  clientSecret: string;
  callbackUrls: string[];
  /** Scopes added in the developer console; consent grants at most these. */
  scopes: readonly string[];
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  accountId: string;
  issuedAt: Date;
  used: boolean;
}

export interface AccessToken {
  token: string;
  clientId: string;
  accountId: string;
  scopes: readonly string[];
  familyId: string;
  expiresAt: Date;
  revoked: boolean;
}

export interface RefreshToken {
  token: string;
  clientId: string;
  accountId: string;
  scopes: readonly string[];
  familyId: string;
  issuedAt: Date;
  familyStartedAt: Date;
  /** rotated: exchanged once already; presenting it again after the reuse leeway revokes the family. */
  status: 'active' | 'rotated' | 'revoked';
  /** When it was first exchanged: the reuse leeway counts from here. */
  rotatedAt?: Date;
}

/**
 * How the token endpoint words a bad authorization code, and in which order it checks: today's 400, the
 * older reports' 403, or the code checked before the client (so a wrong secret is not told apart). Which
 * order Atlassian uses is not known, so tests cover every mode.
 */
export type TokenEndpointMode = 'current' | 'older-403' | 'code-before-client';

/** Wire behaviours the sources disagree on, or that clients see differently; tests switch them. */
export interface WireSwitches {
  tokenEndpoint: TokenEndpointMode;
  /** Tokens per page of the organization's API token list. */
  orgTokenPageSize: number;
  /** `links.next` of that list as a cursor or a whole URL: Atlassian's organization APIs do both. */
  orgTokenNext: 'cursor' | 'url';
  /**
   * Send `X-Failure-Category: FAILURE_CLIENT_SCOPE_CHECK` with a scope refusal (default true). Off, the
   * refusal carries only its body, as clients that keep no headers see it.
   */
  scopeFailureHeader: boolean;
}

/** An incoming application link on the emulated Jira Data Center server. */
export interface EmulatedDcLink {
  name: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  permission: 'READ' | 'WRITE' | 'ADMIN' | 'SYSTEM_ADMIN';
}

export interface EmulatedDcUser {
  name: string;
  key: string;
  displayName: string;
  emailAddress: string;
}

/** A Jira Data Center personal access token (sent as Bearer). */
export interface EmulatedDcToken {
  token: string;
  user: EmulatedDcUser;
  expiresAt?: Date;
}

export interface EmulatedOrgMember {
  id: string;
  name: string;
  email: string;
}

/** A user API token as Atlassian Administration lists it (never its value: the list has none). */
export interface EmulatedOrgToken {
  id: string;
  label: string;
  status: string;
  accountId: string;
  createdAt: Date;
  expiresAt: Date;
  lastActiveAt?: Date;
}

/** An Atlassian organization: its admin API keys and its managed users' API tokens. */
export interface EmulatedOrg {
  id: string;
  name: string;
  adminKeys: string[];
  members: EmulatedOrgMember[];
  apiTokens: EmulatedOrgToken[];
}

/** Everything the emulated Atlassian knows. Tests add to it through the methods below. */
export class EmulatorState {
  readonly wire: WireSwitches = { tokenEndpoint: 'current', scopeFailureHeader: true, orgTokenPageSize: 3, orgTokenNext: 'cursor' };
  readonly orgs = new Map<string, EmulatedOrg>();
  readonly sites = new Map<string, EmulatedSite>();
  readonly accounts = new Map<string, EmulatedAccount>();
  readonly apiTokens = new Map<string, EmulatedApiToken>();
  readonly oauthApps = new Map<string, EmulatedOAuthApp>();
  readonly authorizationCodes = new Map<string, AuthorizationCode>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();
  /** The emulated Jira Data Center server (`/dc`): links by client ID, personal access tokens by value. */
  readonly dcLinks = new Map<string, EmulatedDcLink>();
  readonly dcTokens = new Map<string, EmulatedDcToken>();

  constructor(readonly clock: Clock) {}

  addSite(site: Omit<EmulatedSite, 'jira'> & { jira?: JiraData }): EmulatedSite {
    const added = { ...site, jira: site.jira ?? emptyJiraData() };
    this.sites.set(added.host, added);
    return added;
  }

  addAccount(account: EmulatedAccount): EmulatedAccount {
    this.accounts.set(account.accountId, account);
    return account;
  }

  addApiToken(token: EmulatedApiToken): EmulatedApiToken {
    this.apiTokens.set(token.token, token);
    return token;
  }

  addOAuthApp(app: EmulatedOAuthApp): EmulatedOAuthApp {
    this.oauthApps.set(app.clientId, app);
    return app;
  }

  siteByHost(host: string): EmulatedSite | undefined {
    return this.sites.get(host.toLowerCase());
  }

  siteByCloudId(cloudId: string): EmulatedSite | undefined {
    return [...this.sites.values()].find((site) => site.cloudId === cloudId);
  }

  accountByEmail(email: string): EmulatedAccount | undefined {
    const wanted = email.toLowerCase();
    return [...this.accounts.values()].find((account) => account.email.toLowerCase() === wanted);
  }

  sitesOf(account: EmulatedAccount): EmulatedSite[] {
    return account.siteHosts.flatMap((host) => this.siteByHost(host) ?? []);
  }

  /**
   * Tokens as if the account had consented to the app: for tests that need a working access token
   * without the browser round trip. A refresh token comes only with `offline_access`.
   */
  issueTokens(grant: { clientId: string; accountId: string; scopes: readonly string[] }): {
    accessToken: string;
    refreshToken?: string;
  } {
    const { access, refresh } = this.grantTokens(grant);
    return refresh ? { accessToken: access.token, refreshToken: refresh.token } : { accessToken: access.token };
  }

  /** A new token family: what a consent produces. */
  grantTokens(grant: { clientId: string; accountId: string; scopes: readonly string[] }): {
    access: AccessToken;
    refresh?: RefreshToken;
  } {
    // Copy only the grant's fields: callers may pass a whole authorization-code record.
    const { clientId, accountId, scopes } = grant;
    const familyId = randomToken('family');
    const access = this.addAccessToken({ clientId, accountId, scopes, familyId });
    if (!scopes.includes('offline_access')) return { access };
    return { access, refresh: this.addRefreshToken({ clientId, accountId, scopes, familyId, familyStartedAt: this.clock.now() }) };
  }

  addAccessToken(grant: { clientId: string; accountId: string; scopes: readonly string[]; familyId: string }): AccessToken {
    const token: AccessToken = {
      ...grant,
      token: randomToken('demo-access'),
      expiresAt: new Date(this.clock.now().getTime() + ACCESS_TOKEN_LIFETIME_S * 1000),
      revoked: false,
    };
    this.accessTokens.set(token.token, token);
    return token;
  }

  addRefreshToken(grant: { clientId: string; accountId: string; scopes: readonly string[]; familyId: string; familyStartedAt: Date }): RefreshToken {
    const token: RefreshToken = { ...grant, token: randomToken('demo-refresh'), issuedAt: this.clock.now(), status: 'active' };
    this.refreshTokens.set(token.token, token);
    return token;
  }

  /** Revokes every access and refresh token of one consent: what Atlassian does when a rotated token is reused. */
  revokeFamily(familyId: string): void {
    for (const access of this.accessTokens.values()) if (access.familyId === familyId) access.revoked = true;
    for (const refresh of this.refreshTokens.values()) if (refresh.familyId === familyId) refresh.status = 'revoked';
  }

  /** A live access token, or undefined when unknown, expired or revoked. */
  liveAccessToken(token: string): AccessToken | undefined {
    const access = this.accessTokens.get(token);
    if (!access || access.revoked || access.expiresAt.getTime() <= this.clock.now().getTime()) return undefined;
    return access;
  }
}

export const ACCESS_TOKEN_LIFETIME_S = 3600;

export function randomToken(prefix: string): string {
  return `${prefix}-${randomBytes(18).toString('hex')}`;
}
