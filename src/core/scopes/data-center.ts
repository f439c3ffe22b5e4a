/**
 * The one permission of a Jira Data Center incoming application link, in the words its Permission
 * drop-down uses, and how the levels rank: READ < WRITE < ADMIN < SYSTEM_ADMIN, each including the ones below.
 */
import { DATA_CENTER_SCOPES, type DataCenterScope } from './known';

/** What the Permission drop-down of an incoming link shows for each scope. */
export const PERMISSION_LABELS: Record<DataCenterScope, string> = { READ: 'Read', WRITE: 'Write', ADMIN: 'Admin', SYSTEM_ADMIN: 'System admin' };
export const PERMISSION_MEANING: Record<DataCenterScope, string> = {
  READ: 'view what the user can view',
  WRITE: 'also create, edit and delete what the user may change',
  ADMIN: 'also administer, as far as the user is a Jira administrator',
  SYSTEM_ADMIN: 'also system administration, as far as the user is a system administrator',
};

export function permissionRank(scope: DataCenterScope): number {
  return DATA_CENTER_SCOPES.indexOf(scope);
}

export function highestPermission(scopes: readonly DataCenterScope[]): DataCenterScope | undefined {
  return scopes.reduce<DataCenterScope | undefined>(
    (best, scope) => (best === undefined || permissionRank(scope) > permissionRank(best) ? scope : best),
    undefined,
  );
}
