import { z } from 'zod';
import { loadConnection } from '../connections';
import { startConsent as buildConsent, parseScopeList } from '../core';
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

export const startConsent = defineResolver(
  'startConsent',
  z.object({ id: connectionId }),
  async ({ id }, context, deps) => {
    const connection = await loadConnection(deps.store, id);
    // Ask for the scopes as the connection lists them, typos corrected, so consent shows what the app would get.
    const started = buildConsent(deps.checkDeps, {
      clientId: connection.clientId,
      callbackUrl: connection.callbackUrl,
      scopes: parseScopeList(connection.scopes).scopes,
    });
    const pending: PendingConsent = { connectionId: id, accountId: context.accountId, startedAt: deps.clock.now().toISOString() };
    await deps.store.set(keys.pendingConsent(started.state), pending, { ttlSeconds: CONSENT_TTL_SECONDS });
    return started;
  },
);
