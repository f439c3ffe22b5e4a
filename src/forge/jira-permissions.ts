/**
 * The Jira admin question asked the same way in Forge (as the user) and locally (against the emulator):
 * `POST /rest/api/3/permissions/check` for the global ADMINISTER permission.
 */
import type { HttpResponse } from '../core/ports';
import type { Person } from './ports';

export const PERMISSIONS_CHECK_PATH = '/rest/api/3/permissions/check';
export const ADMIN_CHECK_BODY = JSON.stringify({ globalPermissions: ['ADMINISTER'] });

/** True only on a 2xx that lists ADMINISTER; an error reply throws so it is not mistaken for "not an admin". */
export async function readAdminCheck(response: Pick<HttpResponse, 'status' | 'text'>): Promise<boolean> {
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`Jira permission check answered HTTP ${response.status}`);
  }
  const body: unknown = JSON.parse(await response.text());
  if (typeof body !== 'object' || body === null || !('globalPermissions' in body)) return false;
  const granted = body.globalPermissions;
  return Array.isArray(granted) && granted.includes('ADMINISTER');
}

/** The person in a `/rest/api/3/myself` reply. */
export async function readPerson(response: Pick<HttpResponse, 'status' | 'text'>): Promise<Person> {
  if (response.status < 200 || response.status >= 300) throw new Error(`Jira /myself answered HTTP ${response.status}`);
  const body: unknown = JSON.parse(await response.text());
  if (typeof body !== 'object' || body === null) return { displayName: '' };
  const fields = body as Record<string, unknown>;
  const displayName = typeof fields.displayName === 'string' ? fields.displayName : '';
  return typeof fields.emailAddress === 'string' && fields.emailAddress ? { displayName, email: fields.emailAddress } : { displayName };
}
