import { loadOrgSettings } from '../org-inventory';
import { defineResolver } from './define';
import { noPayload } from './schemas';

/** The org ID and whether an admin key is stored ("set · ends in …"), never the key. */
export const getOrgInventorySettings = defineResolver('getOrgInventorySettings', 'admin', noPayload, async (_payload, _context, deps) => loadOrgSettings(deps));
