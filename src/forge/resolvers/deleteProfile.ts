import { z } from 'zod';
import { InputError } from '../../core/model';
import type { Profile } from '../../core/profiles/types';
import type { TokenCheckSummary } from '../api';
import type { StoredConnection } from '../connections';
import { getProfile } from '../core';
import { collect } from '../storage/collect';
import { keys } from '../storage/keys';
import { defineResolver } from './define';
import { conflict, notFound } from './errors';

/** Deletes a custom profile, but never one a connection or a person's daily re-check still relies on. */
export const deleteProfile = defineResolver(
  'deleteProfile',
  'admin',
  z.object({ id: z.string().trim().min(1, 'a profile id is required').max(100) }),
  async ({ id }, _context, deps) => {
    const builtin = getProfile(id);
    if (builtin) throw new InputError(`"${builtin.name}" is a built-in profile; only custom profiles can be deleted.`, 'id');
    const profile = await deps.store.get<Profile>(keys.customProfile(id));
    if (!profile) throw notFound(`No custom profile "${id}": it may have been deleted already. Reload the page.`);

    const connections = (await collect<StoredConnection>(deps.store, keys.connectionPrefix)).filter((c) => c.profileId === id);
    if (connections.length > 0) {
      const names = connections.map((c) => `"${c.name}"`).join(', ');
      throw conflict(
        `"${profile.name}" is used by the connection${connections.length === 1 ? '' : 's'} ${names}. Move ${connections.length === 1 ? 'it' : 'them'} to another profile or delete ${connections.length === 1 ? 'it' : 'them'} first.`,
      );
    }
    const rechecks = (await collect<TokenCheckSummary>(deps.store, keys.tokenCheckPrefix)).filter((summary) => summary.recheck && summary.profileId === id);
    if (rechecks.length > 0) {
      const people = rechecks.map((summary) => summary.displayName).join(', ');
      throw conflict(
        `"${profile.name}" is used by the daily token re-check of ${people}. They can pick another profile (or stop the re-check) on their personal page first.`,
      );
    }
    await deps.store.delete(keys.customProfile(id));
    return { deleted: true as const };
  },
);
