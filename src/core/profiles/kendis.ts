/**
 * Kendis (program planning for Jira): Cloud OAuth 2.0 app (seed 000), per-user scoped API token (seed 001),
 * and Jira Data Center OAuth 2.0 application link (seed 002).
 */
import { DELETE, GET, POST, PUT, READ_ISSUES, WRITE_ISSUES } from './operations';
import type { Capability, Profile, ProfileFixes } from './types';

// Every capability below comes from a permission the Kendis guides ask for, so it is required — except
// deleting sprints, which only the console title "Update and delete sprints" suggests.
const VIEW_PROJECTS: Capability = {
  name: 'View projects',
  certainty: 'required',
  description:
    'The console permission Kendis asks for. On its own read:project:jira opens few requests (a full project ' +
    'read needs classic read:jira-work or about ten granular scopes); Kendis needs it alongside the board scope.',
  scopes: ['read:project:jira'],
};

const VIEW_BOARDS: Capability = {
  name: 'View boards, backlogs, and related items',
  certainty: 'required',
  description: 'Listing boards needs read:board-scope:jira-software and read:project:jira together.',
  operations: [GET('/rest/agile/1.0/board'), GET('/rest/agile/1.0/board/{boardId}/version')],
};

const VIEW_EPICS: Capability = {
  name: 'View epics and related issues',
  certainty: 'required',
  operations: [GET('/rest/agile/1.0/epic/{epicIdOrKey}'), GET('/rest/agile/1.0/board/{boardId}/epic')],
};

const UPDATE_EPICS: Capability = {
  name: 'Update epics',
  certainty: 'required',
  operations: [
    POST('/rest/agile/1.0/epic/{epicIdOrKey}'),
    POST('/rest/agile/1.0/epic/{epicIdOrKey}/issue'),
    PUT('/rest/agile/1.0/epic/{epicIdOrKey}/rank'),
  ],
};

const VIEW_SPRINTS: Capability = {
  name: 'View sprints',
  certainty: 'required',
  description:
    'Reading sprints needs read:sprint:jira-software. Listing the issues of a sprint through the agile API ' +
    'also needs read:issue-details:jira and read:jql:jira, which no Kendis guide lists.',
  operations: [GET('/rest/agile/1.0/sprint/{sprintId}'), GET('/rest/agile/1.0/board/{boardId}/sprint')],
};

const UPDATE_SPRINTS: Capability = {
  name: 'Update sprints',
  certainty: 'required',
  operations: [POST('/rest/agile/1.0/sprint'), PUT('/rest/agile/1.0/sprint/{sprintId}'), POST('/rest/agile/1.0/sprint/{sprintId}/issue')],
};

/** Fix texts in Kendis's own words (both Cloud guides). */
const FIXES: ProfileFixes = {
  // Kendis has no base-URL field: with "Using Scope API" on, it calls Jira through the gateway itself.
  scopedTokenBaseUrl:
    'In Kendis, open ALM Account (or your Profile → ALM Credentials), click Edit and enable "Using Scope API"; Kendis then calls Jira through {gatewayUrl}.',
  callbackUrl:
    'In Kendis, open ALM Account, click Edit, enable "Using Scope API" and copy the Callback URL it shows; paste it here and in the developer console (Authorization → OAuth 2.0 (3LO)).',
};

/** Kendis shows each customer their own callback URL, on their own Kendis host. */
const CALLBACK_PATTERN = 'https://{your-kendis}.kendis.io/…';

export const kendisCloudOAuth: Profile = {
  id: 'kendis-cloud-oauth',
  name: 'Kendis — Jira Cloud OAuth 2.0 (3LO)',
  vendor: 'Kendis',
  tokenKind: 'oauth',
  summary:
    'An OAuth 2.0 (3LO) app in the Atlassian developer console with six granular Jira permissions, the ' +
    'callback URL Kendis shows under ALM Account, and its client ID and secret entered in Kendis.',
  capabilities: [
    VIEW_PROJECTS,
    VIEW_BOARDS,
    VIEW_EPICS,
    UPDATE_EPICS,
    VIEW_SPRINTS,
    {
      ...UPDATE_SPRINTS,
      description: 'The guide’s “Update and delete sprints” permission, write:sprint:jira-software: creating, updating and filling sprints.',
    },
    {
      name: 'Delete sprints',
      certainty: 'likely',
      ask: 'deletes sprints',
      description:
        'Despite its console title, write:sprint:jira-software does not allow deleting a sprint: ' +
        'DELETE /rest/agile/1.0/sprint/{sprintId} needs delete:sprint:jira-software ("Delete sprints"), ' +
        'which the Kendis guide does not ask for.',
      operations: [DELETE('/rest/agile/1.0/sprint/{sprintId}')],
    },
  ],
  needsOfflineAccess: false,
  // Kendis shows a callback URL per customer account.
  callbackUrls: [],
  callbackPattern: CALLBACK_PATTERN,
  vendorScopes: [
    'read:project:jira',
    'read:board-scope:jira-software',
    'read:epic:jira-software',
    'write:epic:jira-software',
    'read:sprint:jira-software',
    'write:sprint:jira-software',
  ],
  fixes: FIXES,
  guide: 'Kendis help: Jira Scope-Based API Token Configuration',
  source: 'builtin',
};

export const kendisUserToken: Profile = {
  id: 'kendis-user-token',
  name: 'Kendis — personal scoped API token',
  vendor: 'Kendis',
  tokenKind: 'scoped-token',
  summary:
    'Each Kendis user creates an API token with scopes for Jira and enters it in their Kendis profile ' +
    '(Using Scope API checked). Scoped tokens work only through api.atlassian.com/ex/jira/{cloudId}.',
  capabilities: [
    VIEW_PROJECTS,
    { ...VIEW_BOARDS, operations: [GET('/rest/agile/1.0/board')] },
    VIEW_EPICS,
    UPDATE_EPICS,
    VIEW_SPRINTS,
    UPDATE_SPRINTS,
    { name: 'Read and search issues', certainty: 'required', operations: READ_ISSUES },
    { name: 'Create and edit issues', certainty: 'required', operations: WRITE_ISSUES },
    { name: 'View users', certainty: 'required', operations: [GET('/rest/api/3/user/search')] },
    { name: 'Manage project versions', certainty: 'required', operations: [POST('/rest/api/3/version')] },
    {
      name: 'Delete comments, attachments, avatars and board properties',
      certainty: 'required',
      description:
        'Granular delete:comment:jira alone does not allow deleting a comment (the API also wants ' +
        'delete:comment.property:jira); the classic write:jira-work in the same list is what allows it.',
      operations: [
        DELETE('/rest/api/3/issue/{issueIdOrKey}/comment/{id}'),
        DELETE('/rest/api/3/attachment/{id}'),
        DELETE('/rest/api/3/universal_avatar/type/{type}/owner/{owningObjectId}/avatar/{id}'),
        DELETE('/rest/agile/1.0/board/{boardId}/properties/{propertyKey}'),
        POST('/rest/api/3/task/{taskId}/cancel'),
        DELETE('/rest/builds/0.1/pipelines/{pipelineId}/builds/{buildNumber}'),
      ],
    },
    {
      name: 'Delete Assets objects',
      certainty: 'required',
      description: 'Assets (CMDB) scopes of Jira Service Management; the Jira catalog has no requests for them.',
      scopes: ['delete:cmdb-attribute:jira', 'delete:cmdb-object:jira', 'delete:cmdb-schema:jira', 'delete:cmdb-type:jira'],
    },
  ],
  needsOfflineAccess: false,
  callbackUrls: [],
  vendorScopes: [
    'delete:async-task:jira',
    'delete:attachment:jira',
    'delete:avatar:jira',
    'delete:board-scope.admin:jira-software',
    'delete:build-info:jira',
    'delete:cmdb-attribute:jira',
    'delete:cmdb-object:jira',
    'delete:cmdb-schema:jira',
    'delete:cmdb-type:jira',
    'delete:comment:jira',
    'read:project:jira',
    'read:board-scope:jira-software',
    'read:epic:jira-software',
    'read:sprint:jira-software',
    'read:jira-work',
    'read:jira-user',
    'write:epic:jira-software',
    'write:sprint:jira-software',
    'write:jira-work',
    'manage:jira-project',
  ],
  fixes: FIXES,
  guide: 'Kendis help: Jira Scope-Based API Authentication for Individual Users',
  source: 'builtin',
};

export const kendisDataCenterOAuth: Profile = {
  id: 'kendis-dc-oauth',
  name: 'Kendis — Jira Data Center OAuth 2.0',
  vendor: 'Kendis',
  tokenKind: 'dc-oauth',
  summary:
    'An incoming application link (External application) on a Jira Data Center site with the Kendis ' +
    'callback URL as redirect URL and the Admin permission; Kendis then asks a Jira admin to authorize.',
  capabilities: [
    { name: 'Read program work', certainty: 'required', scopes: ['READ'] },
    { name: 'Create and update issues', certainty: 'required', scopes: ['WRITE'] },
    {
      name: 'Manage program-level configuration',
      certainty: 'required',
      description: 'The guide selects the Admin permission, which includes READ and WRITE.',
      scopes: ['ADMIN'],
    },
  ],
  needsOfflineAccess: false,
  callbackUrls: [],
  vendorScopes: ['ADMIN'],
  guide: 'Kendis help: Integrate Kendis with Jira Server Using OAuth 2.0',
  source: 'builtin',
};
