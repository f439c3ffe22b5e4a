import type { ResolverName, ResolverResponse } from '../api';
import type { AppDeps, ResolverContext } from '../ports';
import { ACCESS_LEVELS, type ResolverDefinition } from './define';
import { checkConnection } from './checkConnection';
import { checkMyToken } from './checkMyToken';
import { deleteConnection } from './deleteConnection';
import { deleteProfile } from './deleteProfile';
import { explainMyRequest } from './explainMyRequest';
import { explainRequest } from './explainRequest';
import { explore } from './explore';
import { exportData } from './exportData';
import { finishConsent } from './finishConsent';
import { forgetMyToken } from './forgetMyToken';
import { forgetOrgKey } from './forgetOrgKey';
import { getMe } from './getMe';
import { getMyTokenStatus } from './getMyTokenStatus';
import { getOrgInventorySettings } from './getOrgInventorySettings';
import { getSite } from './getSite';
import { getTokenCheck } from './getTokenCheck';
import { leastPrivilege } from './leastPrivilege';
import { listConnections } from './listConnections';
import { listProfiles } from './listProfiles';
import { listTokenChecks } from './listTokenChecks';
import { lookupCloudId } from './lookupCloudId';
import { getRecheckStatus, recheckAllNow } from './recheckAllNow';
import { runOrgInventory } from './runOrgInventory';
import { getReminderSettings, listExpiring, saveReminderSettings } from './reminders';
import { saveConnection } from './saveConnection';
import { saveOrgInventorySettings } from './saveOrgInventorySettings';
import { saveProfile } from './saveProfile';
import { startConsent } from './startConsent';

export { ADMIN_ONLY_MESSAGE, SIGNED_OUT_MESSAGE } from './define';

type ResolverTable = { [K in ResolverName]: ResolverDefinition<K> };

/**
 * Refuses, at start, a definition whose access is not exactly one of the levels (one cast past the type),
 * so no resolver is ever served without saying who may call it.
 */
export function resolverTable(definitions: ResolverTable): ResolverTable {
  for (const [key, definition] of Object.entries(definitions)) {
    const access: unknown = definition.access;
    if (!ACCESS_LEVELS.some((level) => level === access)) {
      throw new Error(`Resolver "${key}" has access ${JSON.stringify(access) ?? 'undefined'}; say 'admin' or 'self'.`);
    }
  }
  return definitions;
}

/** Every resolver of the contract, checked by the type: a missing one does not compile. */
export const resolvers = resolverTable({
  getMe,
  listProfiles,
  checkMyToken,
  getMyTokenStatus,
  forgetMyToken,
  explainMyRequest,
  getSite,
  lookupCloudId,
  listConnections,
  saveConnection,
  deleteConnection,
  checkConnection,
  startConsent,
  finishConsent,
  listTokenChecks,
  getTokenCheck,
  explore,
  explainRequest,
  leastPrivilege,
  saveProfile,
  deleteProfile,
  getRecheckStatus,
  recheckAllNow,
  getOrgInventorySettings,
  saveOrgInventorySettings,
  forgetOrgKey,
  runOrgInventory,
  listExpiring,
  getReminderSettings,
  saveReminderSettings,
  exportData,
});

/** The admin-only resolvers, read from their definitions. */
export const ADMIN_RESOLVERS: readonly ResolverName[] = Object.values(resolvers)
  .filter((definition) => definition.access === 'admin')
  .map((definition) => definition.name);

export function isResolverName(name: string): name is ResolverName {
  return Object.hasOwn(resolvers, name);
}

/** Runs a resolver by name, as the Forge bridge and the local server both do. */
export async function invokeResolver(name: string, payload: unknown, context: ResolverContext, deps: AppDeps): Promise<ResolverResponse<unknown>> {
  if (!isResolverName(name)) return { ok: false, error: { code: 'not-found', message: `No resolver named "${name}".` } };
  const definition: ResolverDefinition<ResolverName> = resolvers[name];
  return definition.run(payload, context, deps);
}
