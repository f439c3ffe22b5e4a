/**
 * The demo tenant the emulator serves: one site, two people, a few integrations, each a scenario from the
 * vendor guides. Every credential here is an obvious fake that only the emulator accepts.
 */
import { requireProfile } from '../core/profiles';

export const DEMO_SITE = {
  host: 'acme.atlassian.net',
  name: 'acme',
  cloudId: '1f0c5d2e-7b3a-4c8e-9d41-6a2b8c0fe9a2',
} as const;

export const DEMO_ACCOUNTS = {
  admin: {
    accountId: '5b10a2844c20165700ede21a',
    displayName: 'Ana Admin',
    email: 'ana@acme.example',
    isAdmin: true,
    /** Classic API token: full access as Ana, on the site URL and the gateway. */
    classicToken: 'demo-classic-token-ana',
  },
  user: {
    accountId: '5b10ac8d82e05b22cc7d4ef5',
    displayName: 'Uri User',
    email: 'uri@acme.example',
    isAdmin: false,
    classicToken: 'demo-classic-token-uri',
  },
} as const;

export type DemoRole = keyof typeof DEMO_ACCOUNTS;

/**
 * API tokens the emulator knows, each a scenario. Scoped tokens work only through the gateway
 * (`/ex/jira/{cloudId}`); on the site URL they get 401 like on a real site.
 */
export const DEMO_TOKENS = {
  /** Kendis user token (seed 001) created without the two write scopes; scoped, so site URL fails. */
  kendisScopedAna: {
    owner: 'admin',
    kind: 'scoped',
    token: 'demo-scoped-token-kendis-ana',
    omittedFromKendisProfile: ['write:epic:jira-software', 'write:sprint:jira-software'],
  },
  /** Uri's scoped token with everything the Kendis user profile asks for. */
  kendisScopedUri: { owner: 'user', kind: 'scoped', token: 'demo-scoped-token-kendis-uri', omittedFromKendisProfile: [] },
  /** Expired: 401 everywhere. */
  expiredUri: { owner: 'user', kind: 'expired', token: 'demo-expired-token-uri', omittedFromKendisProfile: [] },
} as const;

/** OAuth 2.0 (3LO) apps registered with the emulated auth server. */
export const DEMO_OAUTH_APPS = {
  /** Kendis Cloud OAuth (seed 000) with "Update and delete sprints" not added in the console. */
  kendis: {
    clientId: 'demo-kendis-client-id',
    clientSecret: 'demo-kendis-client-secret',
    callbackUrl: 'https://acme.kendis.io/oauth/jira/callback',
    missingConsolePermission: 'Update and delete sprints',
  },
  /** OneConnect bi-directional (seed 003), EU region, the full corrected scope list. */
  oneconnect: {
    clientId: 'demo-oneconnect-client-id',
    clientSecret: 'demo-oneconnect-client-secret',
    callbackUrl: 'https://eu.oneconnect.ai/oauth/jira/callback',
  },
  /** Targetprocess (seed 004): all 13 scopes, and the integration forgets offline_access. */
  targetprocess: {
    clientId: 'demo-targetprocess-client-id',
    clientSecret: 'demo-targetprocess-client-secret',
    callbackUrl: 'https://acme.tpondemand.com/svc/jira-cloud/oauth/callback',
  },
  /**
   * OneConnect bi-directional for the non-EU region, set up right, whose client secret was then rotated in the
   * developer console: `clientSecret` is what the integration still holds, `rotatedSecret` what the console has
   * once local mode's demo rotates it (see rotateDemoSecret).
   */
  oneconnectUs: {
    clientId: 'demo-oneconnect-us-client-id',
    clientSecret: 'demo-oneconnect-us-client-secret',
    rotatedSecret: 'demo-oneconnect-us-client-secret-rotated',
    callbackUrl: 'https://my.oneconnect.ai/oauth/jira/callback',
  },
} as const;

export type DemoOAuthApp = keyof typeof DEMO_OAUTH_APPS;

/** A second site, so Cloud ID lookups can tell sites apart. Nobody from the demo accounts works there. */
export const DEMO_OTHER_SITE = {
  host: 'globex.atlassian.net',
  name: 'globex',
  cloudId: '7c3e9a10-2d4b-4f6a-8b1c-0e5d7f9a3b64',
} as const;

/** The scopes Kendis' user-token guide (seed 001) tells each user to select. */
export const KENDIS_USER_TOKEN_SCOPES = requireProfile('kendis-user-token').vendorScopes;

/** Scopes each demo scoped token holds: the Kendis user-token list minus what the scenario left out. */
export const DEMO_TOKEN_SCOPES: Record<'kendisScopedAna' | 'kendisScopedUri', readonly string[]> = {
  kendisScopedAna: withoutScopes(KENDIS_USER_TOKEN_SCOPES, DEMO_TOKENS.kendisScopedAna.omittedFromKendisProfile),
  kendisScopedUri: withoutScopes(KENDIS_USER_TOKEN_SCOPES, DEMO_TOKENS.kendisScopedUri.omittedFromKendisProfile),
};

/**
 * Scopes each demo OAuth app has in the developer console. `offline_access` is listed where the console
 * lets the app ask for refresh tokens; whether it is granted depends on the authorize request.
 */
export const DEMO_APP_SCOPES: Record<DemoOAuthApp, readonly string[]> = {
  // Seed 000: six console permissions, "Update and delete sprints" (write:sprint:jira-software) not added.
  kendis: [...withoutScopes(requireProfile('kendis-cloud-oauth').vendorScopes, ['write:sprint:jira-software']), 'offline_access'],
  // Seed 003: the 22 scopes with the guide's typos corrected.
  oneconnect: [...requireProfile('oneconnect-oauth-full').vendorScopes, 'offline_access'],
  // Seed 004: the 13 required scopes and offline_access; the integration is the one that forgets to ask.
  targetprocess: requireProfile('targetprocess').vendorScopes,
  oneconnectUs: [...requireProfile('oneconnect-oauth-full').vendorScopes, 'offline_access'],
};

function withoutScopes(scopes: readonly string[], omitted: readonly string[]): readonly string[] {
  return scopes.filter((scope) => !omitted.includes(scope));
}

/**
 * The demo Atlassian organization that owns acme.atlassian.net: an organization admin API key and its managed
 * users' API tokens, one per inventory scenario (expired, expiring within 30, 7 and 1 days, unused 90+ days).
 */
export const DEMO_ORG = {
  id: 'demo-org-8f2a61c4-0d7e-4b9a-a1f3-5c6e7d8b9a01',
  name: 'Acme',
  adminKey: 'demo-org-admin-key-acme',
} as const;

/** Another organization: its key is a good key, but not Acme's. */
export const DEMO_OTHER_ORG = {
  id: 'demo-org-2b7c9e01-5a4d-4f3e-9c8b-7a6d5e4f3c21',
  name: 'Globex',
  adminKey: 'demo-org-admin-key-globex',
} as const;

/** A third member of the Acme organization, who owns a token but has no demo login. */
export const DEMO_ORG_MEMBER = { id: '5b10ffe0c4a1b2000abcde77', name: 'Bo Builder', email: 'bo@acme.example' } as const;

/**
 * Acme's API tokens, dated relative to the emulator's clock when it starts (half days keep the whole-day
 * counts steady while a test runs). `owner` is a demo account role or `member`.
 */
export const DEMO_ORG_TOKENS = [
  { label: 'Kendis sync', owner: 'admin', createdDaysAgo: 200, expiresInDays: 5.5, lastActiveDaysAgo: 0.1, flag: 'expires-7d' },
  { label: 'OneConnect (EU)', owner: 'user', createdDaysAgo: 100, expiresInDays: 20.5, lastActiveDaysAgo: 1, flag: 'expires-30d' },
  { label: 'Old CI script', owner: 'admin', createdDaysAgo: 400, expiresInDays: 200.5, lastActiveDaysAgo: 120, flag: 'unused-90d' },
  { label: 'Targetprocess import', owner: 'user', createdDaysAgo: 365, expiresInDays: -3.5, lastActiveDaysAgo: 4, flag: 'expired' },
  { label: 'Backup export', owner: 'admin', createdDaysAgo: 30, expiresInDays: 300.5, lastActiveDaysAgo: 0.2, flag: undefined },
  { label: 'Weekly report', owner: 'member', createdDaysAgo: 60, expiresInDays: 0.5, lastActiveDaysAgo: 2, flag: 'expires-1d' },
  { label: 'Never used', owner: 'user', createdDaysAgo: 100, expiresInDays: 265.5, lastActiveDaysAgo: undefined, flag: 'unused-90d' },
] as const;

/**
 * The emulated Jira Data Center server under `/dc` (seed 002): an incoming application link for Kendis
 * with the Admin permission, and personal access tokens sent as Bearer.
 */
export const DEMO_DC = {
  /** Path prefix: `${emulator.url}/dc` is the server's base URL. */
  pathPrefix: '/dc',
  link: {
    name: 'Kendis',
    clientId: 'demo-dc-client-id',
    clientSecret: 'demo-dc-client-secret',
    redirectUrl: 'https://acme.kendis.io/oauth/jira-server/callback',
    permission: 'ADMIN',
  },
  user: { name: 'ana', key: 'JIRAUSER10000', displayName: 'Ana Admin', emailAddress: 'ana@acme.example' },
  /** Ana's personal access token. */
  pat: 'demo-dc-pat-ana',
  /** A personal access token past its expiry date: 401. */
  expiredPat: 'demo-dc-pat-expired',
} as const;
