/**
 * OnePlan OneConnect (seed 003): a classic API token without scopes, or an OAuth 2.0 (3LO) app — read-only
 * sync or full bi-directional sync.
 */
import { DELETE, GET, POST, READ_ISSUES, WRITE_ISSUES } from './operations';
import type { Capability, Profile, ProfileFixes } from './types';

const CALLBACK_URLS = ['https://my.oneconnect.ai/oauth/jira/callback', 'https://eu.oneconnect.ai/oauth/jira/callback'];
/** The guide's "In the non EU region" and "In the EU region". */
const CALLBACK_REGIONS = { [CALLBACK_URLS[0]!]: 'non-EU', [CALLBACK_URLS[1]!]: 'EU' };
const GUIDE = 'OneConnect help: Jira authentication options';

// Each capability stands for scopes the guide lists (its 22 are "the maximum set required"), so all are
// required: none rests on a console title alone.
const READ_CAPABILITIES: readonly Capability[] = [
  {
    name: 'Read issues, projects and fields',
    certainty: 'required',
    operations: [...READ_ISSUES, GET('/rest/api/3/field'), GET('/rest/api/3/issuetype')],
  },
  {
    name: 'Read users',
    certainty: 'required',
    description: 'Needs read:jira-user, or the five granular user, group, avatar, role and user-property scopes.',
    operations: [GET('/rest/api/3/user/search')],
  },
  {
    name: 'Read boards and sprints',
    certainty: 'required',
    operations: [
      GET('/rest/agile/1.0/board'),
      GET('/rest/agile/1.0/board/{boardId}'),
      GET('/rest/agile/1.0/board/{boardId}/sprint'),
      GET('/rest/agile/1.0/sprint/{sprintId}'),
    ],
  },
  {
    name: 'Read service requests and Assets objects',
    certainty: 'required',
    description: 'Jira Service Management scopes; the Jira catalog cannot tell which requests they allow.',
    scopes: ['read:servicedesk-request', 'read:servicemanagement-insight-objects'],
  },
];

const WRITE_CAPABILITIES: readonly Capability[] = [
  {
    name: 'Write back issues and comments',
    certainty: 'required',
    operations: [...WRITE_ISSUES, POST('/rest/api/3/issue/{issueIdOrKey}/comment')],
  },
  { name: 'Manage versions and components', certainty: 'required', operations: [POST('/rest/api/3/version'), POST('/rest/api/3/component')] },
  { name: 'Create projects', certainty: 'required', operations: [POST('/rest/api/3/project')] },
  { name: 'Read workflows and statuses', certainty: 'required', operations: [GET('/rest/api/3/workflows/search'), GET('/rest/api/3/statuses/search')] },
  {
    name: 'Register webhooks',
    certainty: 'required',
    operations: [GET('/rest/api/3/webhook'), POST('/rest/api/3/webhook'), DELETE('/rest/api/3/webhook')],
  },
  {
    name: 'Send development information',
    certainty: 'required',
    description: 'manage:jira-data-provider is for the development-information APIs; the Jira catalog lists no request for it.',
    scopes: ['manage:jira-data-provider'],
  },
  {
    name: 'Update service requests and customers',
    certainty: 'required',
    description: 'Jira Service Management scopes; the Jira catalog cannot tell which requests they allow.',
    scopes: ['write:servicedesk-request', 'manage:servicedesk-customer'],
  },
];

/**
 * The guide's classic scopes: seven of the Jira platform, four of Jira Service Management. The OAuth option
 * also needs "a Jira API token with scopes" created with Scope Type Classic; the guide says "two pages, 12
 * scopes total" but names only these 11, so they are what the token is checked for — never the agile
 * (granular-only) scopes of the app.
 */
const CLASSIC_SCOPES = [
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
];

/** The 22 scopes of the guide with its typos fixed (read:issue:Jira, read:project:Jira, read: board-scope…). */
const FULL_SCOPES = [
  ...CLASSIC_SCOPES,
  'read:issue:jira',
  'read:project:jira',
  'read:board-scope:jira-software',
  'read:sprint:jira-software',
  'read:issue-details:jira',
  'read:avatar:jira',
  'read:application-role:jira',
  'read:group:jira',
  'read:user:jira',
  'read:user.property:jira',
  'write:project:jira',
];

/** A read-only sync keeps the read scopes of each list. */
const READ_ONLY = (scope: string): boolean => scope.startsWith('read:');

/** OneConnect asks for the Cloud ID itself and sends the token through the gateway with it. */
const FIXES: ProfileFixes = {
  scopedTokenBaseUrl: 'In OneConnect’s Jira connector, enter the Cloud ID {cloudId}: OneConnect calls Jira through {gatewayUrl} with it.',
};

export const oneConnectClassicToken: Profile = {
  id: 'oneconnect-classic-token',
  name: 'OneConnect — API token without scopes',
  vendor: 'OnePlan',
  tokenKind: 'classic-token',
  summary:
    'An email address and a classic API token (no scopes) of a dedicated service account with read, ' +
    'write and manage access. The token can do whatever the account can, so only the account’s permissions ' +
    'limit it; tokens expire after at most one year.',
  // A token without scopes has no scope list to compare; what can be checked is that the account reaches
  // each request, so only capabilities defined by requests apply.
  capabilities: [...READ_CAPABILITIES, ...WRITE_CAPABILITIES].filter((c) => c.operations),
  needsOfflineAccess: false,
  callbackUrls: [],
  vendorScopes: [],
  guide: GUIDE,
  source: 'builtin',
};

export const oneConnectOAuthReadOnly: Profile = {
  id: 'oneconnect-oauth-readonly',
  name: 'OneConnect — OAuth 2.0 (3LO), read-only sync',
  vendor: 'OnePlan',
  tokenKind: 'oauth',
  summary:
    'The OneConnect OAuth 2.0 (3LO) app limited to the read scopes of the guide, for pulling data into ' +
    'OnePlan without writing back, plus an API token with classic scopes. Callback URL: my.oneconnect.ai, or ' +
    'eu.oneconnect.ai in the EU region.',
  capabilities: READ_CAPABILITIES,
  needsOfflineAccess: true,
  callbackUrls: CALLBACK_URLS,
  callbackRegions: CALLBACK_REGIONS,
  vendorScopes: FULL_SCOPES.filter(READ_ONLY),
  tokenScopes: CLASSIC_SCOPES.filter(READ_ONLY),
  fixes: FIXES,
  guide: GUIDE,
  source: 'builtin',
};

export const oneConnectOAuthFull: Profile = {
  id: 'oneconnect-oauth-full',
  name: 'OneConnect — OAuth 2.0 (3LO), bi-directional sync',
  vendor: 'OnePlan',
  tokenKind: 'oauth',
  summary:
    'The OneConnect OAuth 2.0 (3LO) app with the guide’s 22 classic, Service Management and granular scopes, ' +
    'for syncing both ways, plus an API token with the guide’s classic scopes. Callback URL: my.oneconnect.ai, ' +
    'or eu.oneconnect.ai in the EU region.',
  capabilities: [...READ_CAPABILITIES, ...WRITE_CAPABILITIES],
  needsOfflineAccess: true,
  callbackUrls: CALLBACK_URLS,
  callbackRegions: CALLBACK_REGIONS,
  vendorScopes: FULL_SCOPES,
  tokenScopes: CLASSIC_SCOPES,
  fixes: FIXES,
  guide: GUIDE,
  source: 'builtin',
};
