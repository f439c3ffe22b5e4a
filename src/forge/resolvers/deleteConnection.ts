import { z } from 'zod';
import { deleteConnectionData, loadConnection } from '../connections';
import { defineResolver } from './define';
import { connectionId } from './schemas';

export const deleteConnection = defineResolver('deleteConnection', 'admin', z.object({ id: connectionId }), async ({ id }, _context, deps) => {
  await loadConnection(deps.store, id);
  await deleteConnectionData(deps, id);
  return { deleted: true as const };
});
