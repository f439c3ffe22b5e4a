/**
 * What a capability needs, as alternatives: for each operation (and each explicit scope), the scope sets
 * any one of which allows it. The token checker uses this to map probes back to capabilities.
 */
import { findOperation, getScope, type ScopeSet } from '../catalog';
import type { Capability, OperationRef } from '../profiles/types';
import { DATA_CENTER_SCOPES, isDataCenterScope } from '../scopes';

export type Requirement = readonly ScopeSet[];

const byOperation = new Map<string, Requirement>();
const byCapability = new WeakMap<Capability, readonly Requirement[]>();

/** Per operation, then per explicit scope: the scope sets that satisfy it (all of one set, any set). */
export function requirementOf(capability: Capability): readonly Requirement[] {
  const cached = byCapability.get(capability);
  if (cached) return cached;
  const requirement = [...(capability.operations ?? []).map(operationRequirement), ...(capability.scopes ?? []).map(scopeRequirement)];
  byCapability.set(capability, requirement);
  return requirement;
}

function operationRequirement(ref: OperationRef): Requirement {
  const key = `${ref.method} ${ref.path}`;
  const cached = byOperation.get(key);
  if (cached) return cached;
  const operation = findOperation(ref.method, ref.path);
  // Profiles are validated against the catalog when they are built or parsed; reaching this is a bug.
  if (!operation) throw new Error(`no Jira operation ${key}`);
  byOperation.set(key, operation.scopeSets);
  return operation.scopeSets;
}

/** A Data Center link permission includes the lower ones, so any higher permission satisfies it too. */
function scopeRequirement(scope: string): Requirement {
  if (isDataCenterScope(scope)) {
    return DATA_CENTER_SCOPES.slice(DATA_CENTER_SCOPES.indexOf(scope)).map((s) => ({ kind: 'classic', scopes: [s] }));
  }
  return [{ kind: getScope(scope)?.kind ?? 'granular', scopes: [scope] }];
}
