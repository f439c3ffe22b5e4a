/**
 * Locally, "who is an admin" and "what is my name" are asked of the emulator exactly as Forge asks Jira,
 * authenticated as the demo account with its classic token.
 */
import type { AtlassianHosts, FetchLike } from '../../core/ports';
import { DEMO_ACCOUNTS, DEMO_SITE } from '../../emulator/demo';
import { ADMIN_CHECK_BODY, PERMISSIONS_CHECK_PATH, readAdminCheck, readPerson } from '../../forge/jira-permissions';
import type { Directory, PermissionChecker } from '../../forge/ports';

export function emulatorPeople(hosts: AtlassianHosts, fetch: FetchLike): { permissions: PermissionChecker; directory: Directory } {
  const site = hosts.site(DEMO_SITE.host);
  const authFor = (accountId: string): Record<string, string> => {
    const account = Object.values(DEMO_ACCOUNTS).find((a) => a.accountId === accountId);
    if (!account) throw new Error('Not a demo account');
    const basic = Buffer.from(`${account.email}:${account.classicToken}`).toString('base64');
    return { Authorization: `Basic ${basic}`, Accept: 'application/json' };
  };
  return {
    permissions: {
      isJiraAdmin: async (accountId) =>
        readAdminCheck(
          await fetch(`${site}${PERMISSIONS_CHECK_PATH}`, {
            method: 'POST',
            headers: { ...authFor(accountId), 'Content-Type': 'application/json' },
            body: ADMIN_CHECK_BODY,
          }),
        ),
    },
    directory: {
      person: async (accountId) => readPerson(await fetch(`${site}/rest/api/3/myself`, { headers: authFor(accountId) })),
    },
  };
}
