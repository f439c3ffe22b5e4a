import { z } from 'zod';
import { loadConnection } from '../connections';
import { startConsent as buildConsent } from '../core';
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

export const startConsent = defineResolver(
  'startConsent',
  z.object({ id: connectionId }),
  async ({ id }, context, deps) => {
    const connection = await loadConnection(deps.store, id);
    const started = buildConsent(deps.checkDeps, {
      clientId: connection.clientId,
      callbackUrl: connection.callbackUrl,
      scopes: connection.scopes,
      profile: await findProfile(deps.store, connection.profileId),
    });
    const pending: PendingConsent = { connectionId: id, accountId: context.accountId, startedAt: deps.clock.now().toISOString() };
    await deps.store.set(keys.pendingConsent(started.state), pending, { ttlSeconds: CONSENT_TTL_SECONDS });
    return started;
  },
);
