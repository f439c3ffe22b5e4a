import { CONSOLE_LABELS, normalizeLabel } from './console-labels';
import { operations, probes, provenance, scopes } from './data.generated';
import type { OperationRecord, ProbeCandidate, ScopeKind, ScopeRecord, ScopeSet } from './types';

export type { HttpMethod, OperationRecord, ProbeCandidate, ProbeRecord, ScopeKind, ScopeRecord, ScopeSet } from './types';
export { normalizeLabel } from './console-labels';
export { provenance };

const scopeByName = new Map<string, ScopeRecord>(scopes.map((s) => [s.scope, s]));

const operationsByScope = new Map<string, OperationRecord[]>();
for (const op of operations) {
  const seen = new Set<string>();
  for (const set of op.scopeSets) {
    for (const scope of set.scopes) {
      if (seen.has(scope)) continue;
      seen.add(scope);
      const list = operationsByScope.get(scope) ?? [];
      list.push(op);
      operationsByScope.set(scope, list);
    }
  }
}

const labelIndex = new Map<string, string[]>();
function addLabel(label: string, scope: string): void {
  const key = normalizeLabel(label);
  if (!key) return;
  const list = labelIndex.get(key) ?? [];
  if (!list.includes(scope)) list.push(scope);
  labelIndex.set(key, list);
}
for (const [title, scope] of CONSOLE_LABELS) addLabel(title, scope);
for (const s of scopes) if (s.label) addLabel(s.label, s.scope);

const probesByScope = new Map<string, readonly ProbeCandidate[]>(probes.map((p) => [p.scope, p.probes]));

/** Operations grouped by method and segment count, so a path lookup scans only plausible templates. */
interface CompiledOperation {
  op: OperationRecord;
  segments: string[];
  literalCount: number;
}
const operationIndex = new Map<string, CompiledOperation[]>();
for (const op of operations) {
  const segments = splitPath(op.path);
  const key = `${op.method} ${segments.length}`;
  const list = operationIndex.get(key) ?? [];
  list.push({ op, segments, literalCount: segments.filter((s) => !isParam(s)).length });
  operationIndex.set(key, list);
}
// Most literal segments first: `/issue/picker` wins over `/issue/{issueIdOrKey}`.
for (const list of operationIndex.values()) list.sort((a, b) => b.literalCount - a.literalCount);

function splitPath(path: string): string[] {
  return path.split('?')[0]!.split('/').filter(Boolean);
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

export function allScopes(): readonly ScopeRecord[] {
  return scopes;
}

export function allOperations(): readonly OperationRecord[] {
  return operations;
}

export function getScope(scope: string): ScopeRecord | undefined {
  return scopeByName.get(scope);
}

export function isKnownScope(scope: string): boolean {
  return scopeByName.has(scope);
}

/** classic (`read:jira-work`) or granular (`read:sprint:jira-software`); undefined for unknown strings. */
export function scopeKind(scope: string): ScopeKind | undefined {
  return scopeByName.get(scope)?.kind;
}

/** Every operation that lists the scope in any of its sets. */
export function operationsForScope(scope: string): readonly OperationRecord[] {
  return operationsByScope.get(scope) ?? [];
}

/**
 * The operation for a method and a path. The path may be a template from the spec
 * (`/rest/agile/1.0/sprint/{sprintId}`) or a concrete request path (`/rest/agile/1.0/sprint/42?x=1`).
 */
export function findOperation(method: string, path: string): OperationRecord | undefined {
  const segments = splitPath(path);
  const candidates = operationIndex.get(`${method.toUpperCase()} ${segments.length}`) ?? [];
  // A parameter in the template matches any segment, including another template's `{name}`.
  for (const { op, segments: template } of candidates) {
    if (template.every((t, i) => isParam(t) || t === segments[i])) return op;
  }
  return undefined;
}

/** Scope sets that allow the operation: all scopes of at least one set. */
export function scopeSetsFor(method: string, path: string): readonly ScopeSet[] | undefined {
  return findOperation(method, path)?.scopeSets;
}

/** Scope strings for a console title ("View sprints") or a spec description; empty when none match. */
export function scopesForLabel(label: string): readonly string[] {
  return labelIndex.get(normalizeLabel(label)) ?? [];
}

/** Every known title, for did-you-mean over labels. */
export function allLabels(): readonly string[] {
  return [...labelIndex.keys()];
}

/** Side-effect-free request candidates that prove a read scope is held (best first). */
export function probesForScope(scope: string): readonly ProbeCandidate[] {
  return probesByScope.get(scope) ?? [];
}
