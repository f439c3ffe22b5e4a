/**
 * Titles the Atlassian developer console and the scoped-token wizard show for scopes. Vendor guides list
 * scopes by these titles ("View sprints"), which the OpenAPI specs do not carry, so they are curated here.
 * Keys are compared after normalizeLabel(); a title listed twice belongs to both scopes.
 */
export const CONSOLE_LABELS: ReadonlyArray<readonly [title: string, scope: string]> = [
  // Classic
  ['View Jira issue data', 'read:jira-work'],
  ['Create and manage issues', 'write:jira-work'],
  ['Manage project settings', 'manage:jira-project'],
  ['Manage Jira global settings', 'manage:jira-configuration'],
  ['View user profiles', 'read:jira-user'],
  ['Manage Jira webhooks', 'manage:jira-webhook'],
  ['Manage development and release information for Jira', 'manage:jira-data-provider'],
  // Granular: Jira platform
  ['View projects', 'read:project:jira'],
  ['Create and update projects', 'write:project:jira'],
  ['View issues', 'read:issue:jira'],
  ['View issue details', 'read:issue-details:jira'],
  ['View avatars', 'read:avatar:jira'],
  ['View application roles', 'read:application-role:jira'],
  ['View groups', 'read:group:jira'],
  ['View users', 'read:user:jira'],
  ['View user properties', 'read:user.property:jira'],
  ['View JQL', 'read:jql:jira'],
  // Granular: Jira Software
  // The same title as read:issue:jira: a list giving only "View issues" cannot say which of the two it is.
  ['View issues', 'read:issue:jira-software'],
  ['View boards, backlogs, and related items', 'read:board-scope:jira-software'],
  ['View board configuration', 'read:board-scope.admin:jira-software'],
  ['Move issues between boards and backlogs', 'write:board-scope:jira-software'],
  ['View epics and related issues', 'read:epic:jira-software'],
  ['Update epics', 'write:epic:jira-software'],
  ['View sprints', 'read:sprint:jira-software'],
  ['Update and delete sprints', 'write:sprint:jira-software'],
  ['Delete sprints', 'delete:sprint:jira-software'],
];

/** Case, punctuation and spacing do not matter when matching a title someone typed. */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
