/** Shorthand for the catalog operations profiles list; every one is checked against the catalog in tests. */
import type { OperationRef } from './types';

export const GET = (path: string): OperationRef => ({ method: 'GET', path });
export const POST = (path: string): OperationRef => ({ method: 'POST', path });
export const PUT = (path: string): OperationRef => ({ method: 'PUT', path });
export const DELETE = (path: string): OperationRef => ({ method: 'DELETE', path });

/** Reading and searching issues and projects: classic read:jira-work, or a long list of granular scopes. */
export const READ_ISSUES = [
  GET('/rest/api/3/search/jql'),
  GET('/rest/api/3/issue/{issueIdOrKey}'),
  GET('/rest/api/3/project/search'),
] as const;

export const WRITE_ISSUES = [
  POST('/rest/api/3/issue'),
  PUT('/rest/api/3/issue/{issueIdOrKey}'),
  POST('/rest/api/3/issue/{issueIdOrKey}/transitions'),
] as const;
