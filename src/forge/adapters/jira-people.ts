/**
 * Asked of Jira as the calling user (`asUser`), so the answer is about the person behind the request, not
 * about the app.
 */
import { asUser, route } from '@forge/api';
import { ADMIN_CHECK_BODY, readAdminCheck, readPerson } from '../jira-permissions';
import type { Directory, PermissionChecker } from '../ports';

export const jiraPermissions: PermissionChecker = {
  // The accountId is the caller's: asUser() already acts for exactly that person.
  isJiraAdmin: async () =>
    readAdminCheck(
      await asUser().requestJira(route`/rest/api/3/permissions/check`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: ADMIN_CHECK_BODY,
      }),
    ),
};

export const jiraDirectory: Directory = {
  person: async () => readPerson(await asUser().requestJira(route`/rest/api/3/myself`, { headers: { Accept: 'application/json' } })),
};
