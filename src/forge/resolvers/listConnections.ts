import { viewOf, type StoredConnection } from '../connections';
import { collect } from '../storage/collect';
import { keys } from '../storage/keys';
import { defineResolver } from './define';
import { noPayload } from './schemas';

export const listConnections = defineResolver('listConnections', 'admin', noPayload, async (_payload, _context, deps) => {
  const connections = await collect<StoredConnection>(deps.store, keys.connectionPrefix);
  connections.sort((a, b) => a.name.localeCompare(b.name));
  return Promise.all(connections.map((connection) => viewOf(deps.store, connection)));
});
