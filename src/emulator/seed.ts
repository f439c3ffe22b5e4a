import {
  DEMO_ACCOUNTS,
  DEMO_APP_SCOPES,
  DEMO_DC,
  DEMO_OAUTH_APPS,
  DEMO_ORG,
  DEMO_ORG_MEMBER,
  DEMO_ORG_TOKENS,
  DEMO_OTHER_ORG,
  DEMO_OTHER_SITE,
  DEMO_SITE,
  DEMO_TOKENS,
  DEMO_TOKEN_SCOPES,
  type DemoOAuthApp,
} from './demo';
import { demoJiraData } from './jira-data';
import type { EmulatorState } from './state';

/** Long before any clock the emulator runs with: an expired token is expired whatever the fake time. */
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

const APP_NAMES: Record<DemoOAuthApp, string> = {
  kendis: 'Kendis',
  oneconnect: 'OnePlan OneConnect',
  targetprocess: 'Targetprocess',
  oneconnectUs: 'OnePlan OneConnect (US)',
};

/** The demo tenant: the seed scenarios on acme.atlassian.net, an empty second site, and a Data Center server. */
export function seedDemoTenant(state: EmulatorState): void {
  state.addSite({ ...DEMO_SITE, jira: demoJiraData() });
  state.addSite({ ...DEMO_OTHER_SITE });

  for (const account of Object.values(DEMO_ACCOUNTS)) {
    state.addAccount({
      accountId: account.accountId,
      displayName: account.displayName,
      email: account.email,
      isAdmin: account.isAdmin,
      siteHosts: [DEMO_SITE.host],
    });
    state.addApiToken({ token: account.classicToken, accountId: account.accountId, kind: 'classic', scopes: [] });
  }

  state.addApiToken({
    token: DEMO_TOKENS.kendisScopedAna.token,
    accountId: DEMO_ACCOUNTS.admin.accountId,
    kind: 'scoped',
    scopes: DEMO_TOKEN_SCOPES.kendisScopedAna,
  });
  state.addApiToken({
    token: DEMO_TOKENS.kendisScopedUri.token,
    accountId: DEMO_ACCOUNTS.user.accountId,
    kind: 'scoped',
    scopes: DEMO_TOKEN_SCOPES.kendisScopedUri,
  });
  state.addApiToken({
    token: DEMO_TOKENS.expiredUri.token,
    accountId: DEMO_ACCOUNTS.user.accountId,
    kind: 'classic',
    scopes: [],
    expiresAt: LONG_AGO,
  });

  for (const [key, app] of Object.entries(DEMO_OAUTH_APPS) as [DemoOAuthApp, (typeof DEMO_OAUTH_APPS)[DemoOAuthApp]][]) {
    state.addOAuthApp({
      name: APP_NAMES[key],
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      callbackUrls: [app.callbackUrl],
      scopes: DEMO_APP_SCOPES[key],
    });
  }

  seedDemoOrgs(state);

  state.dcLinks.set(DEMO_DC.link.clientId, { ...DEMO_DC.link });
  state.dcTokens.set(DEMO_DC.pat, { token: DEMO_DC.pat, user: { ...DEMO_DC.user } });
  state.dcTokens.set(DEMO_DC.expiredPat, { token: DEMO_DC.expiredPat, user: { ...DEMO_DC.user }, expiresAt: LONG_AGO });
}

const DAY_MS = 86_400_000;

/** The vendor rotates the demo OneConnect (US) app's client secret: the integration's copy stops working. */
export function rotateDemoSecret(state: EmulatorState): void {
  const { clientId, rotatedSecret } = DEMO_OAUTH_APPS.oneconnectUs;
  const app = state.oauthApps.get(clientId);
  if (app) app.clientSecret = rotatedSecret;
}

function seedDemoOrgs(state: EmulatorState): void {
  const now = state.clock.now().getTime();
  const at = (days: number) => new Date(now + days * DAY_MS);
  const members = [
    ...Object.values(DEMO_ACCOUNTS).map((account) => ({ id: account.accountId, name: account.displayName, email: account.email })),
    { ...DEMO_ORG_MEMBER },
  ];
  const ownerId = (owner: (typeof DEMO_ORG_TOKENS)[number]['owner']) => (owner === 'member' ? DEMO_ORG_MEMBER.id : DEMO_ACCOUNTS[owner].accountId);
  state.orgs.set(DEMO_ORG.id, {
    id: DEMO_ORG.id,
    name: DEMO_ORG.name,
    adminKeys: [DEMO_ORG.adminKey],
    members,
    apiTokens: DEMO_ORG_TOKENS.map((token, i) => ({
      id: `demo-token-id-${String(i + 1).padStart(4, '0')}`,
      label: token.label,
      status: 'ALLOWED',
      accountId: ownerId(token.owner),
      createdAt: at(-token.createdDaysAgo),
      expiresAt: at(token.expiresInDays),
      ...(token.lastActiveDaysAgo === undefined ? {} : { lastActiveAt: at(-token.lastActiveDaysAgo) }),
    })),
  });
  state.orgs.set(DEMO_OTHER_ORG.id, { id: DEMO_OTHER_ORG.id, name: DEMO_OTHER_ORG.name, adminKeys: [DEMO_OTHER_ORG.adminKey], members: [], apiTokens: [] });
}
