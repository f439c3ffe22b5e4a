/**
 * First-start demo data so the admin page is not empty: the OneConnect scope list exactly as its guide
 * prints it (typos included) and a Targetprocess app. The Kendis app is left for the person to add.
 */
import { requireProfile } from '../core/profiles';
import { DEMO_OAUTH_APPS } from '../emulator/demo';
import type { ConnectionInput } from '../forge/api';
import type { AppDeps } from '../forge/ports';
import { invokeResolver } from '../forge/resolvers';
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
];

/** Saves the demo connections through the real resolver (validation, secret storage), once per data dir. */
export async function seedDemoData(deps: AppDeps): Promise<void> {
  if (await deps.store.get(SEEDED_MARKER)) return;
  let complete = true;
  for (const connection of DEMO_CONNECTIONS) {
    const saved = await invokeResolver('saveConnection', { connection }, demoContext('admin'), deps);
    // A failed seed must not keep the page from starting; the next start tries again.
    if (!saved.ok) {
      complete = false;
      deps.log(`Could not add the demo connection "${connection.name}": ${saved.error.message}`);
    }
  }
  if (complete) await deps.store.set(SEEDED_MARKER, true);
}
