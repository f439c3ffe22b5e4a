/** Targetprocess Jira Cloud connector over OAuth 2.0 authorization code (seed 004). */
import { GET, POST, PUT, READ_ISSUES, WRITE_ISSUES } from './operations';
import type { Profile } from './types';

export const targetprocess: Profile = {
  id: 'targetprocess',
  name: 'Targetprocess — Jira Cloud OAuth 2.0',
  vendor: 'Targetprocess',
  tokenKind: 'oauth',
  summary:
    'An OAuth 2.0 (3LO) app with 13 classic and granular scopes; the same scopes, plus offline_access, go ' +
    'in the Targetprocess integration profile, which may not list any scope the app lacks.',
  // The guide calls all 13 scopes "absolutely required", and each capability rests on one of them.
  capabilities: [
    { name: 'Read issues and projects', certainty: 'required', operations: READ_ISSUES },
    { name: 'Create and edit issues', certainty: 'required', operations: WRITE_ISSUES },
    {
      name: 'Read users',
      certainty: 'required',
      description: 'Without read:jira-user Jira answers 403 to the connector.',
      operations: [GET('/rest/api/3/user/search')],
    },
    {
      name: 'Read issue types, fields and relations',
      certainty: 'required',
      description: 'The guide names manage:jira-configuration for this.',
      operations: [GET('/rest/api/3/issuetypescheme'), GET('/rest/api/3/field/search'), GET('/rest/api/3/issueLinkType')],
    },
    {
      name: 'Create components from JS mappings',
      certainty: 'required',
      operations: [POST('/rest/api/3/component')],
    },
    {
      name: 'Read boards and their configuration',
      certainty: 'required',
      operations: [GET('/rest/agile/1.0/board'), GET('/rest/agile/1.0/board/{boardId}/configuration')],
    },
    {
      name: 'Read sprints and sprint issues',
      certainty: 'required',
      operations: [
        GET('/rest/agile/1.0/board/{boardId}/sprint'),
        GET('/rest/agile/1.0/sprint/{sprintId}'),
        GET('/rest/agile/1.0/sprint/{sprintId}/issue'),
      ],
    },
    {
      name: 'Update sprints',
      certainty: 'required',
      operations: [PUT('/rest/agile/1.0/sprint/{sprintId}'), POST('/rest/agile/1.0/sprint/{sprintId}/issue')],
    },
    {
      name: 'Move issues between boards and backlogs',
      certainty: 'required',
      operations: [POST('/rest/agile/1.0/backlog/issue'), POST('/rest/agile/1.0/board/{boardId}/issue')],
    },
  ],
  needsOfflineAccess: true,
  // Targetprocess generates the callback URL in each integration profile.
  callbackUrls: [],
  vendorScopes: [
    'offline_access',
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
  ],
  guide: 'Targetprocess help: Jira Cloud connector with OAuth 2.0 authorization code',
  source: 'builtin',
};
