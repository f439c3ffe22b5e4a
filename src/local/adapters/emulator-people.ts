/**
 * Locally, "who is an admin" and "what is my name" are asked of the emulator exactly as Forge asks Jira,
 * authenticated as the demo account with its classic token. Each question has a timeout and is asked again
 * once after a 429 or 5xx, so a slow or flaky emulator cannot hold a page or refuse an admin by accident.
 */
import { parseRetryAfterSeconds } from '../../core/atlassian';
import type { AtlassianHosts, Clock, FetchLike, HttpRequest, HttpResponse } from '../../core/ports';
import { systemClock } from '../../core/ports';
import { DEMO_ACCOUNTS, DEMO_SITE } from '../../emulator/demo';
import { ADMIN_CHECK_BODY, PERMISSIONS_CHECK_PATH, readAdminCheck, readPerson } from '../../forge/jira-permissions';
import type { Directory, PermissionChecker } from '../../forge/ports';

/** Per attempt: a page waits at most twice this, plus one short wait, for who its person is. */
export const PEOPLE_TIMEOUT_MS = 5000;
/** A longer Retry-After is not worth waiting for here: the second answer stands. */
const MAX_RETRY_WAIT_MS = 2000;
const DEFAULT_RETRY_WAIT_MS = 250;

export interface PeopleOptions {
  clock?: Clock;
  /** Per attempt (default PEOPLE_TIMEOUT_MS). */
  timeoutMs?: number;
}

export function emulatorPeople(
  hosts: AtlassianHosts,
  fetch: FetchLike,
  { clock = systemClock, timeoutMs = PEOPLE_TIMEOUT_MS }: PeopleOptions = {},
): { permissions: PermissionChecker; directory: Directory } {
  const site = hosts.site(DEMO_SITE.host);
  const authFor = (accountId: string): Record<string, string> => {
    const account = Object.values(DEMO_ACCOUNTS).find((a) => a.accountId === accountId);
    if (!account) throw new Error('Not a demo account');
    const basic = Buffer.from(`${account.email}:${account.classicToken}`).toString('base64');
    return { Authorization: `Basic ${basic}`, Accept: 'application/json' };
  };
  const ask = async (what: string, url: string, init: HttpRequest): Promise<Pick<HttpResponse, 'status' | 'text'>> => {
    const first = await askOnce(fetch, timeoutMs, what, url, init);
    if (first.status !== 429 && first.status < 500) return first;
    const header = first.headers.get('retry-after');
    const retryAfter = header === null ? undefined : parseRetryAfterSeconds(header, clock.now().getTime());
    await clock.sleep(Math.min(retryAfter === undefined ? DEFAULT_RETRY_WAIT_MS : retryAfter * 1000, MAX_RETRY_WAIT_MS));
    return askOnce(fetch, timeoutMs, what, url, init);
  };
  return {
    permissions: {
      isJiraAdmin: async (accountId) =>
        readAdminCheck(
          await ask('Jira permission check', `${site}${PERMISSIONS_CHECK_PATH}`, {
            method: 'POST',
            headers: { ...authFor(accountId), 'Content-Type': 'application/json' },
            body: ADMIN_CHECK_BODY,
          }),
        ),
    },
    directory: {
      person: async (accountId) => readPerson(await ask('Jira /myself', `${site}/rest/api/3/myself`, { headers: authFor(accountId) })),
    },
  };
}

/** The answer with its body read, or an error naming what got no answer in time. */
async function askOnce(fetch: FetchLike, timeoutMs: number, what: string, url: string, init: HttpRequest) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text: async () => text };
  } catch (error) {
    if (controller.signal.aborted) throw new Error(`${what} got no answer within ${timeoutMs} ms`, { cause: error });
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
