/**
 * First-start demo data so the admin page is not empty: the OneConnect scope list exactly as its guide
 * prints it (typos included) and a Targetprocess app. The Kendis app is left for the person to add.
 */
import { DEMO_OAUTH_APPS } from '../emulator/demo';
import type { ConnectionInput } from '../forge/api';
import type { AppDeps } from '../forge/ports';
import { invokeResolver } from '../forge/resolvers';
import { demoContext } from './deps';

const SEEDED_MARKER = 'local:seeded';

/** Seed 003's 22 scopes as the guide lists them, with its `read: board-scope…` and `…:Jira` typos. */
export const ONECONNECT_GUIDE_SCOPES = [
  'read:jira-work',
  'manage:jira-project',
  'manage:jira-configuration',
  'read:jira-user',
  'write:jira-work',
  'manage:jira-webhook',
  'manage:jira-data-provider',
  'read:servicedesk-request',
  'manage:servicedesk-customer',
  'write:servicedesk-request',
  'read:servicemanagement-insight-objects',
  'read:issue:Jira',
  'read:project:Jira',
  'read: board-scope:jira-software',
  'read:sprint:jira-software',
  'read:issue-details:jira',
  'read:avatar:jira',
  'read:application-role:jira',
  'read:group:jira',
  'read:user:jira',
  'read:user.property:jira',
  'write:project:jira',
].join('\n');

export const ONECONNECT_PROFILE_ID = 'oneconnect-oauth-full';
export const TARGETPROCESS_PROFILE_ID = 'targetprocess';

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
    scopes: [
      'read:jira-work',
      'write:jira-work',
      'read:jira-user',
      'manage:jira-configuration',
      'manage:jira-project',
      'read:board-scope:jira-software',
      'read:board-scope.admin:jira-software',
      'read:project:jira',
      'read:issue-details:jira',
      'write:sprint:jira-software',
      'read:sprint:jira-software',
      'write:board-scope:jira-software',
      'read:jql:jira',
    ].join('\n'),
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
