/**
 * First-start demo data so the admin page is not empty: the OneConnect scope list exactly as its guide
 * prints it (typos included), a Targetprocess app and a OneConnect app whose secret the vendor rotated. The
 * Kendis app is left for the person to add. With the emulator at hand, a few days of history too, recorded by
 * really running the checks on the days before today.
 */
import { isoDay } from '../core/expiry';
import { requireProfile } from '../core/profiles';
import { DEMO_ACCOUNTS, DEMO_OAUTH_APPS, DEMO_TOKENS } from '../emulator/demo';
import type { ShiftedClock } from '../emulator/fake-clock';
import { rotateDemoSecret } from '../emulator/seed';
import type { EmulatorState } from '../emulator/state';
import type { ConnectionInput, ResolverResponse } from '../forge/api';
import type { AppDeps } from '../forge/ports';
import { resolvers } from '../forge/resolvers';
import { demoContext } from './deps';

const SEEDED_MARKER = 'local:seeded';

/** How seed 003's guide misprints three of its scopes. */
const ONECONNECT_GUIDE_TYPOS: Readonly<Record<string, string>> = {
  'read:issue:jira': 'read:issue:Jira',
  'read:project:jira': 'read:project:Jira',
  'read:board-scope:jira-software': 'read: board-scope:jira-software',
};

export const ONECONNECT_PROFILE_ID = 'oneconnect-oauth-full';
export const TARGETPROCESS_PROFILE_ID = 'targetprocess';
const KENDIS_TOKEN_PROFILE_ID = 'kendis-user-token';

/** Seed 003's 22 scopes as the guide lists them, typos included. */
export const ONECONNECT_GUIDE_SCOPES = requireProfile(ONECONNECT_PROFILE_ID)
  .vendorScopes.map((scope) => ONECONNECT_GUIDE_TYPOS[scope] ?? scope)
  .join('\n');

/** Seed 004's 13 console scopes: offline_access is asked for by Targetprocess, not set in the console. */
const TARGETPROCESS_CONSOLE_SCOPES = requireProfile(TARGETPROCESS_PROFILE_ID)
  .vendorScopes.filter((scope) => scope !== 'offline_access')
  .join('\n');

export const DEMO_CONNECTIONS: readonly ConnectionInput[] = [
  {
    name: 'OnePlan OneConnect (EU)',
    profileId: ONECONNECT_PROFILE_ID,
    clientId: DEMO_OAUTH_APPS.oneconnect.clientId,
    callbackUrl: DEMO_OAUTH_APPS.oneconnect.callbackUrl,
    scopes: ONECONNECT_GUIDE_SCOPES,
    clientSecret: DEMO_OAUTH_APPS.oneconnect.clientSecret,
  },
  {
    name: 'Targetprocess',
    profileId: TARGETPROCESS_PROFILE_ID,
    clientId: DEMO_OAUTH_APPS.targetprocess.clientId,
    callbackUrl: DEMO_OAUTH_APPS.targetprocess.callbackUrl,
    scopes: TARGETPROCESS_CONSOLE_SCOPES,
    clientSecret: DEMO_OAUTH_APPS.targetprocess.clientSecret,
  },
  {
    name: 'OnePlan OneConnect (US)',
    profileId: ONECONNECT_PROFILE_ID,
    clientId: DEMO_OAUTH_APPS.oneconnectUs.clientId,
    callbackUrl: DEMO_OAUTH_APPS.oneconnectUs.callbackUrl,
    scopes: requireProfile(ONECONNECT_PROFILE_ID).vendorScopes.join('\n'),
    clientSecret: DEMO_OAUTH_APPS.oneconnectUs.clientSecret,
  },
];

/** The emulator local mode started, and the clock it shares with the app: what the demo's history is made with. */
export interface DemoTimeline {
  emulator: EmulatorState;
  clock: ShiftedClock;
}

/** Uri's token is checked for the Kendis user-token profile, and expires this many days from today. */
const DEMO_TOKEN_EXPIRES_IN_DAYS = 6;
/** The day, counted back from today, the vendor rotated the OneConnect (US) secret. */
const DEMO_ROTATED_DAYS_AGO = 1;
/** Days ago of the past daily re-checks: connections up to yesterday, Uri's token up to today. */
const CONNECTION_CHECK_DAYS_AGO = [3, 2, 1];
const TOKEN_CHECK_DAYS_AGO = [2, 1, 0];

/**
 * Saves the demo connections through the real resolver (validation, secret storage), once per data dir; with
 * a timeline, also their history. On later starts the timeline's fresh emulator is brought to the same state.
 */
export async function seedDemoData(deps: AppDeps, timeline?: DemoTimeline): Promise<void> {
  if (await deps.store.get(SEEDED_MARKER)) {
    if (timeline) rotateDemoSecret(timeline.emulator);
    return;
  }
  const ids: string[] = [];
  for (const connection of DEMO_CONNECTIONS) {
    const saved = await resolvers.saveConnection.run({ connection }, demoContext('admin'), deps);
    // A failed seed must not keep the page from starting; the next start tries again.
    if (saved.ok) ids.push(saved.data.id);
    else deps.log(`Could not add the demo connection "${connection.name}": ${saved.error.message}`);
  }
  if (timeline) await recordDemoHistory(deps, ids, timeline);
  if (ids.length === DEMO_CONNECTIONS.length) await deps.store.set(SEEDED_MARKER, true);
}

/**
 * The daily re-checks of the last few days, run for real against the emulator with the shared clock set
 * back: every connection passes its checks until the OneConnect (US) secret is rotated yesterday, and Uri's
 * token, which expires in six days, is checked each day up to today.
 */
async function recordDemoHistory(deps: AppDeps, connectionIds: readonly string[], { emulator, clock }: DemoTimeline): Promise<void> {
  const expiresOn = isoDay(clock.now(), DEMO_TOKEN_EXPIRES_IN_DAYS);
  const steps = new Set([...CONNECTION_CHECK_DAYS_AGO, ...TOKEN_CHECK_DAYS_AGO]);
  try {
    for (const daysAgo of [...steps].sort((a, b) => b - a)) {
      clock.shiftDays(-daysAgo);
      if (daysAgo === DEMO_ROTATED_DAYS_AGO) rotateDemoSecret(emulator);
      if (CONNECTION_CHECK_DAYS_AGO.includes(daysAgo)) {
        for (const id of connectionIds) logFailure(deps, 'a demo connection', await resolvers.checkConnection.run({ id }, demoContext('admin'), deps));
      }
      if (TOKEN_CHECK_DAYS_AGO.includes(daysAgo)) {
        const token = {
          email: DEMO_ACCOUNTS.user.email,
          token: DEMO_TOKENS.kendisScopedUri.token,
          profileId: KENDIS_TOKEN_PROFILE_ID,
          expiresOn,
          recheck: false,
        };
        logFailure(deps, 'the demo token', await resolvers.checkMyToken.run(token, demoContext('user'), deps));
      }
    }
  } finally {
    clock.shiftDays(0);
  }
}

function logFailure(deps: AppDeps, what: string, response: ResolverResponse<unknown>): void {
  if (!response.ok) deps.log(`Could not check ${what} for the demo history: ${response.error.message}`);
}
