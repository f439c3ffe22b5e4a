import { z } from 'zod';
import type { ConnectionView } from '../api';
import { loadClientSecret, loadConnection, loadStatus, recordReport, viewOf } from '../connections';
import { checkOAuthClient, grantFromConsent } from '../core';
import type { AppDeps } from '../ports';
import { findProfile } from '../profiles';
import type { KeepResult } from '../tokens';
import { defineResolver } from './define';
import { connectionId } from './schemas';

export const checkConnection = defineResolver('checkConnection', 'admin', z.object({ id: connectionId }), async ({ id }, _context, deps) =>
  recheckConnection(id, deps),
);

/**
 * Runs the OAuth client check with the stored secret and records the report. Scopes are judged from the last
 * consent test's grant when it read one for this client ID, else from the pasted list. Also used by the re-check
 * consumer and after a consent test.
 */
export async function recheckConnection(id: string, deps: AppDeps, keep: KeepResult = () => true): Promise<ConnectionView> {
  const connection = await loadConnection(deps.store, id);
  const clientSecret = await loadClientSecret(deps, id);
  const grant = grantFromConsent((await loadStatus(deps.store, id)).lastConsent, connection.clientId);
  const report = await checkOAuthClient(deps.checkDeps, {
    clientId: connection.clientId,
    ...(clientSecret ? { clientSecret } : {}),
    ...(connection.callbackUrl ? { callbackUrl: connection.callbackUrl } : {}),
    scopes: connection.scopes,
    profile: await findProfile(deps.store, connection.profileId),
    name: connection.name,
    ...(grant ? { grant } : {}),
  });
  if (keep()) await recordReport(deps.store, id, { lastReport: report });
  return viewOf(deps.store, connection);
}
