/**
 * The scope explorer: a scope string or title → what it allows; an endpoint (`GET /rest/agile/1.0/board`
 * or just a path) → the scope sets that allow it.
 */
import { z } from 'zod';
import { allOperations, allScopes, findOperation, normalizeLabel, operationsForScope, type OperationRecord, type ScopeRecord } from '../../core/catalog';
import { CONSOLE_LABELS } from '../../core/catalog/console-labels';
import { suggestScope } from '../../core/scopes';
import { closestMatch } from '../../core/scopes/suggest';
import type { EndpointExplanation, ExploreResult, ScopeExplanation } from '../api';
import { defineResolver } from './define';

export const RESULT_LIMIT = 50;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export const explore = defineResolver(
  'explore',
  'admin',
  z.object({ query: z.string().trim().min(2, 'type at least two characters').max(300) }),
  async ({ query }) => exploreCatalog(query),
);

export function exploreCatalog(query: string): ExploreResult {
  const endpoint = /^([A-Za-z]+)\s+(\/\S*)$/.exec(query);
  if (endpoint) return { scopes: [], endpoints: endpointsFor(endpoint[2]!, endpoint[1]!.toUpperCase()) };
  if (query.startsWith('/')) return { scopes: [], endpoints: endpointsFor(query) };
  const scopes = scopesMatching(query);
  if (scopes.length > 0) return { scopes, endpoints: [] };
  const suggestion = didYouMean(query);
  return { scopes, endpoints: [], ...(suggestion ? { didYouMean: suggestion } : {}) };
}

/** Nothing matched: the scope string or console title the query is a typo of, if one is close. */
function didYouMean(query: string): string | undefined {
  // A stray space ("read: sprint:jira-software") is the commonest typo in pasted guides.
  if (query.includes(':')) return suggestScope(query.replace(/\s+/g, ''));
  const titles = [...new Set(CONSOLE_LABELS.map(([title]) => title))];
  const close = closestMatch(normalizeLabel(query), titles.map(normalizeLabel));
  return titles.find((title) => normalizeLabel(title) === close);
}

function endpointsFor(path: string, method?: string): EndpointExplanation[] {
  const methods = method ? [method] : METHODS;
  const exact = methods.flatMap((m) => findOperation(m, path) ?? []);
  // Then templates that contain what was typed, so `/rest/agile/1.0/board` also lists its sub-resources.
  const needle = path.split('?')[0]!.toLowerCase();
  const partial = allOperations().filter((op) => (!method || op.method === method) && op.path.toLowerCase().includes(needle) && !exact.includes(op));
  return [...exact, ...partial].slice(0, RESULT_LIMIT).map(explainEndpoint);
}

function explainEndpoint(op: OperationRecord): EndpointExplanation {
  return {
    method: op.method,
    path: op.path,
    operationId: op.operationId,
    scopeSets: op.scopeSets.map((set) => ({ kind: set.kind, scopes: [...set.scopes] })),
  };
}

const titlesByScope = new Map<string, string[]>();
for (const [title, scope] of CONSOLE_LABELS) titlesByScope.set(scope, [...(titlesByScope.get(scope) ?? []), title]);

function scopesMatching(query: string): ScopeExplanation[] {
  const needle = query.toLowerCase();
  const label = normalizeLabel(query);
  const matches = (record: ScopeRecord) =>
    record.scope.toLowerCase().includes(needle) ||
    (record.label?.toLowerCase().includes(needle) ?? false) ||
    (titlesByScope.get(record.scope) ?? []).some((title) => normalizeLabel(title).includes(label));
  // Exact scope string first, then the rest in catalog order.
  const found = allScopes().filter(matches);
  found.sort((a, b) => Number(b.scope === query) - Number(a.scope === query));
  return found.slice(0, RESULT_LIMIT).map(explainScope);
}

function explainScope(record: ScopeRecord): ScopeExplanation {
  return {
    scope: record.scope,
    kind: record.kind,
    product: record.product,
    label: record.label,
    consoleTitles: titlesByScope.get(record.scope) ?? [],
    operations: operationsForScope(record.scope)
      .slice(0, RESULT_LIMIT)
      .map((op) => ({ method: op.method, path: op.path, deprecated: op.deprecated })),
  };
}
