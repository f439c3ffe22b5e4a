import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { InputError } from '../../core/model';
import { secretEnding } from '../../core/secret-hint';
import { eraseConnection, isDeleted, loadConnection, viewOf, type StoredConnection } from '../connections';
import type { Store } from '../ports';
import { findAppProfile } from '../profiles';
import { collect } from '../storage/collect';
import { keys, secretKeys } from '../storage/keys';
import { defineResolver } from './define';
import { conflict } from './errors';
import { connectionId, withinBytes } from './schemas';

/** A claim only has to outlive the save that made it; later saves of that version fail on the read anyway. */
const VERSION_CLAIM_TTL_SECONDS = 24 * 60 * 60;

const connectionInput = z.object({
  name: z.string().trim().min(1, 'give the connection a name').max(100),
  profileId: z.string().trim().min(1, 'pick a profile').max(100),
  clientId: z.string().trim().min(1, 'paste the client ID from the developer console').max(200),
  callbackUrl: z.string().trim().max(2000),
  scopes: z.string().refine(withinBytes(20_000), 'the scope list is too long (limit 20,000 bytes)'),
  clientSecret: z.string().trim().min(1, 'the client secret cannot be blank').max(500).optional(),
});

const payload = z
  .object({ id: connectionId.optional(), version: z.number().int().positive().optional(), connection: connectionInput })
  .refine((p) => p.id === undefined || p.version !== undefined, {
    message: 'the version you loaded is required to update a connection',
    path: ['version'],
  });

export const saveConnection = defineResolver('saveConnection', 'admin', payload, async (input, context, deps) => {
  const { clientSecret, ...settings } = input.connection;
  await findAppProfile(deps.store, settings.profileId);
  const previous = input.id ? await loadConnection(deps.store, input.id) : undefined;
  await refuseDuplicateName(deps.store, settings.name, previous?.id);
  const id = previous?.id ?? randomUUID();
  const version = (previous?.version ?? 0) + 1;
  // Another admin saved since this one loaded, or is saving the same version right now: refuse rather than
  // silently overwrite their change. The read catches the first; claiming the next version atomically, the second.
  const stale =
    previous !== undefined &&
    (previous.version !== input.version || !(await deps.store.claim(keys.connectionVersion(id, version), { ttlSeconds: VERSION_CLAIM_TTL_SECONDS })));
  if (stale) {
    throw conflict(`"${previous.name}" was changed since you loaded it. Reload to see the latest version, then make your change again.`);
  }
  // A delete in flight wins: refuse before writing, and undo the writes if it came while they ran.
  const deletedMeanwhile = async () => previous !== undefined && (await isDeleted(deps.store, id));
  const deleted = () => conflict(`"${previous?.name}" was deleted while you were saving it. Add it again if you still need it.`);
  if (await deletedMeanwhile()) throw deleted();
  if (clientSecret) await deps.secrets.setSecret(secretKeys.clientSecret(id), clientSecret);
  const secretSet = clientSecret !== undefined || previous?.secretSet === true || previous?.secretEndsWith !== undefined;
  const secretEndsWith = clientSecret ? secretEnding(clientSecret, 4) : previous?.secretEndsWith;
  const connection: StoredConnection = {
    ...settings,
    id,
    version,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: context.accountId,
    ...(secretSet ? { secretSet } : {}),
    ...(secretEndsWith ? { secretEndsWith } : {}),
  };
  await deps.store.set(keys.connection(id), connection);
  if (await deletedMeanwhile()) {
    await eraseConnection(deps, id);
    throw deleted();
  }
  return viewOf(deps.store, connection);
});

/** Two connections of one name cannot be told apart in the list, the Tokens tab or a daily re-check log. */
async function refuseDuplicateName(store: Store, name: string, ownId: string | undefined): Promise<void> {
  const wanted = nameKey(name);
  const others = await collect<StoredConnection>(store, keys.connectionPrefix);
  const same = others.find((other) => other.id !== ownId && nameKey(other.name) === wanted);
  if (same) throw new InputError(`A connection named "${same.name}" already exists: give this one another name, or edit that one.`, 'name');
}

function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
