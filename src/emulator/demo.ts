/**
 * The demo tenant the emulator serves: one site, two people, a few integrations, each a scenario from the
 * vendor guides. Every credential here is an obvious fake that only the emulator accepts.
 */
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
