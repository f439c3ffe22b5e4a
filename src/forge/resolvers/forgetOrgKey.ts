import { loadOrgKey, saveOrgSettings } from '../org-inventory';
import { defineResolver } from './define';
import { noPayload } from './schemas';

/** Deletes the stored organization admin key; the org ID stays. Revoking the key itself is done in Atlassian Administration. */
export const forgetOrgKey = defineResolver('forgetOrgKey', 'admin', noPayload, async (_payload, context, deps) => {
  const forgotten = (await loadOrgKey(deps)) !== undefined;
  return { ...(await saveOrgSettings(deps, context.accountId, { key: 'remove' })), forgotten };
});
