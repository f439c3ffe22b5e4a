export type ScopeKind = 'classic' | 'granular';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface ScopeSet {
  kind: ScopeKind;
  scopes: readonly string[];
}

export interface OperationRecord {
  api: string;
  method: string;
  path: string;
  operationId: string;
  scopeSets: readonly ScopeSet[];
  deprecated: boolean;
}

export interface ScopeRecord {
  scope: string;
  kind: ScopeKind;
  product: string;
  action: string | null;
  resource: string | null;
  /** One-line description from the spec's scope dictionary; null for scopes the specs do not list. */
  label: string | null;
  operationCount: number;
  source: 'openapi' | 'known';
  note?: string;
  alsoListedInSetsOfKind?: readonly ScopeKind[];
}

export interface ProbeCandidate {
  method: string;
  path: string;
  api: string;
  otherScopesNeeded: readonly string[];
  needsParam: boolean;
  requiredQuery: readonly string[];
  alsoSatisfiedBy: readonly (readonly string[])[];
  deprecated: boolean;
  appOnly: boolean;
  requiresBody?: boolean;
}

export interface ProbeRecord {
  scope: string;
  kind: ScopeKind;
  probes: readonly ProbeCandidate[];
}
