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
