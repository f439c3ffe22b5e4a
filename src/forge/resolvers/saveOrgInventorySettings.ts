import { z } from 'zod';
import { requireOrgId } from '../../core/checks';
import { requireSecret } from '../../core/checks/input';
import { InputError } from '../../core/model';
import { loadOrgSettings, saveOrgSettings } from '../org-inventory';
import { defineResolver } from './define';

const payload = z
  .object({
    orgId: z.string().max(100),
    adminKey: z.string().max(4096).optional(),
    storeKey: z.boolean(),
  })
  // Nothing is stored without the opt-in: a key sent without it is refused, not quietly dropped or kept.
  .refine((input) => input.storeKey || input.adminKey === undefined, {
    message: 'a key is stored only with the opt-in: turn on "Store the key", or use Run once, which keeps nothing',
    path: ['adminKey'],
  });

/** The org ID is config; the admin key is stored as a Forge secret only when the admin opted in, and removed when they opt out. */
export const saveOrgInventorySettings = defineResolver('saveOrgInventorySettings', 'admin', payload, async (input, context, deps) => {
  const orgId = requireOrgId(input.orgId);
  if (!input.storeKey) return saveOrgSettings(deps, context.accountId, { orgId, key: 'remove' });
  if (input.adminKey !== undefined) {
    const adminKey = requireSecret(input.adminKey, 'adminKey', 'The organization admin API key');
    return saveOrgSettings(deps, context.accountId, { orgId, key: { store: adminKey } });
  }
  if (!(await loadOrgSettings(deps)).adminKey.set) throw new InputError('Paste the organization admin API key to store it', 'adminKey');
  return saveOrgSettings(deps, context.accountId, { orgId, key: 'keep' });
});
