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
};

function withoutScopes(scopes: readonly string[], omitted: readonly string[]): readonly string[] {
  return scopes.filter((scope) => !omitted.includes(scope));
}

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
