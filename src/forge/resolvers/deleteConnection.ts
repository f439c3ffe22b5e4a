import { z } from 'zod';
import { loadConnection } from '../connections';
import { keys, secretKeys } from '../storage/keys';
import { defineResolver } from './define';
import { connectionId } from './schemas';

export const deleteConnection = defineResolver(
  'deleteConnection',
  z.object({ id: connectionId }),
  async ({ id }, _context, deps) => {
    await loadConnection(deps.store, id);
    // The secret goes first: a half-finished delete must not leave a secret nobody can see or remove.
    await deps.secrets.deleteSecret(secretKeys.clientSecret(id));
    await deps.store.delete(keys.connectionStatus(id));
    await deps.store.delete(keys.connection(id));
    return { deleted: true as const };
  },
);
