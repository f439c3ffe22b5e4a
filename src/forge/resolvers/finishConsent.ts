import { z } from 'zod';
import { InputError } from '../../core/model';
import { loadClientSecret, loadConnection, recordReport } from '../connections';
import { finishConsent as exchangeAndRead, readConsentRedirect } from '../core';
import { findProfile } from '../profiles';
import { keys } from '../storage/keys';
import { recheckConnection } from './checkConnection';
import { defineResolver } from './define';
import { connectionId } from './schemas';
import { CONSENT_TTL_SECONDS, type PendingConsent } from './startConsent';

export const finishConsent = defineResolver(
  'finishConsent',
  'admin',
  z.object({
    id: connectionId,
    state: z.string().trim().min(1).max(200),
    redirectedUrl: z.string().trim().min(1, 'paste the address your browser was sent to').max(4000),
  }),
  async ({ id, state, redirectedUrl }, context, deps) => {
    const expired = () => new InputError('This consent test has expired or belongs to another session. Start the consent test again.', 'state');
    const pending = await deps.store.get<PendingConsent>(keys.pendingConsent(state));
    // By the admin who started it, for this connection, while fresh.
    if (!pending || pending.connectionId !== id || pending.accountId !== context.accountId || isStale(pending, deps.clock.now())) throw expired();
    const connection = await loadConnection(deps.store, id);
    const clientSecret = await loadClientSecret(deps, id);
    if (!clientSecret) throw new InputError('Save the client secret for this connection before the consent test.', 'clientSecret');
    // A paste that cannot be used leaves the state as it was, so the admin can paste again.
    readConsentRedirect({ redirectedUrl, callbackUrl: connection.callbackUrl, state }, deps.checkDeps.hosts.auth);
    // One use only: of two finishes sent at once, one claims the state and the other is told it expired.
    if (!(await deps.store.claim(keys.consentUsed(state), { ttlSeconds: CONSENT_TTL_SECONDS }))) throw expired();
    await deps.store.delete(keys.pendingConsent(state));
    // The core exchanges the code, reads the granted scopes and drops the tokens: nothing here keeps them.
    const report = await exchangeAndRead(deps.checkDeps, {
      clientId: connection.clientId,
      clientSecret,
      callbackUrl: connection.callbackUrl,
      state,
      redirectedUrl,
      profile: await findProfile(deps.store, connection.profileId),
    });
    await recordReport(deps.store, id, { lastConsent: report });
    // The connection's verdict follows the strongest scope source, which this consent may just have become.
    return recheckConnection(id, deps);
  },
);

function isStale(pending: PendingConsent, now: Date): boolean {
  return now.getTime() - Date.parse(pending.startedAt) > CONSENT_TTL_SECONDS * 1000;
}
