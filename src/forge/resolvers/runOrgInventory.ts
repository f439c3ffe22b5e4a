import { z } from 'zod';
import { listOrgTokens, requireOrgId } from '../../core/checks';
import { InputError } from '../../core/model';
import type { TokenCheckSummary } from '../api';
import { joinInventoryWithChecks, loadOrgKey, loadOrgSettings } from '../org-inventory';
import { collect } from '../storage/collect';
import { keys } from '../storage/keys';
import { defineResolver } from './define';

/**
 * Reads the organization's API tokens and joins them with the personal-page token checks. A pasted key is used
 * for this call only and never stored; without one, the key stored with the admin's opt-in is used.
 */
export const runOrgInventory = defineResolver(
  'runOrgInventory',
  'admin',
  z.object({ orgId: z.string().max(100).optional(), adminKey: z.string().max(4096).optional() }),
  async (input, _context, deps) => {
    const orgId = requireOrgId(input.orgId ?? (await loadOrgSettings(deps)).orgId);
    const pasted = input.adminKey?.trim() ? input.adminKey : undefined;
    const adminKey = pasted ?? (await loadOrgKey(deps));
    if (!adminKey) throw new InputError('Paste the organization admin API key: it is used for this run only', 'adminKey');
    const report = await listOrgTokens(deps.checkDeps, {
      orgId,
      adminKey,
      newKeyStep: pasted ? 'paste it here' : 'store it here in place of this one (or Forget key)',
    });
    const checks = await collect<TokenCheckSummary>(deps.store, keys.tokenCheckPrefix);
    return { report, ...joinInventoryWithChecks(report, checks), keyUsed: pasted ? 'pasted' : 'stored' };
  },
);
