import { z } from 'zod';
import { loadConnection } from '../connections';
import { startConsent as buildConsent, parseScopeList } from '../core';
import { findProfile } from '../profiles';
import { keys } from '../storage/keys';
import { defineResolver } from './define';
import { connectionId } from './schemas';

/** Long enough to consent and paste the address back, short enough that a stale state is useless. */
export const CONSENT_TTL_SECONDS = 15 * 60;

export interface PendingConsent {
  connectionId: string;
  accountId: string;
  startedAt: string;
}

export const startConsent = defineResolver('startConsent', 'admin', z.object({ id: connectionId }), async ({ id }, context, deps) => {
  const connection = await loadConnection(deps.store, id);
  const profile = await findProfile(deps.store, connection.profileId);
  // Ask for what the integration asks for (the vendor's list) and whatever else was pasted, typos corrected, so
  // the grant shows which of them the app really gets; plus offline_access where the integration needs refresh
  // tokens, as the integration itself must ask for it.
  const scopes = [...new Set([...profile.vendorScopes, ...parseScopeList(connection.scopes).scopes])];
  if (profile.needsOfflineAccess && !scopes.includes('offline_access')) scopes.push('offline_access');
  const started = buildConsent(deps.checkDeps, { clientId: connection.clientId, callbackUrl: connection.callbackUrl, scopes });
  const pending: PendingConsent = { connectionId: id, accountId: context.accountId, startedAt: deps.clock.now().toISOString() };
  await deps.store.set(keys.pendingConsent(started.state), pending, { ttlSeconds: CONSENT_TTL_SECONDS });
  return started;
});
