/** A profile spelled out: each capability's operations with the scope sets that allow them, and its scopes. */
import { findOperation, type ScopeKind } from '../catalog';
import type { Certainty, Profile } from './types';

export interface DescribedOperation {
  method: string;
  path: string;
  operationId?: string;
  /** Any one set allows it: all of its scopes. Empty sets left out. */
  scopeSets: { kind: ScopeKind; scopes: string[] }[];
}

export interface DescribedCapability {
  name: string;
  certainty: Certainty;
  description?: string;
  ask?: string;
  operations: DescribedOperation[];
  scopes: string[];
}

export interface ProfileDescription {
  id: string;
  name: string;
  vendor: string;
  tokenKind: Profile['tokenKind'];
  summary: string;
  capabilities: DescribedCapability[];
  vendorScopes: string[];
  tokenScopes?: string[];
  needsOfflineAccess: boolean;
  callbackUrls: string[];
}

export function describeProfile(profile: Profile): ProfileDescription {
  return {
    id: profile.id,
    name: profile.name,
    vendor: profile.vendor,
    tokenKind: profile.tokenKind,
    summary: profile.summary,
    capabilities: profile.capabilities.map((capability) => ({
      name: capability.name,
      // Stored custom profiles from before `certainty` existed meant required.
      certainty: capability.certainty === 'likely' ? 'likely' : 'required',
      ...(capability.description ? { description: capability.description } : {}),
      ...(capability.ask ? { ask: capability.ask } : {}),
      operations: (capability.operations ?? []).map((ref) => {
        const operation = findOperation(ref.method, ref.path);
        return {
          method: ref.method,
          path: ref.path,
          ...(operation ? { operationId: operation.operationId } : {}),
          scopeSets: (operation?.scopeSets ?? []).filter((set) => set.scopes.length > 0).map((set) => ({ kind: set.kind, scopes: [...set.scopes] })),
        };
      }),
      scopes: [...(capability.scopes ?? [])],
    })),
    vendorScopes: [...profile.vendorScopes],
    ...(profile.tokenScopes ? { tokenScopes: [...profile.tokenScopes] } : {}),
    needsOfflineAccess: profile.needsOfflineAccess,
    callbackUrls: [...profile.callbackUrls],
  };
}
