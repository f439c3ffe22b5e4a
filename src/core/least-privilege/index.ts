/**
 * Least privilege from real traffic: from the requests an integration really sends (a list of endpoints, a
 * HAR, log lines), the fewest scopes that allow every one of them — granular preferred, with where classic
 * would be fewer and which endpoints take classic only — and a custom profile made from it.
 */
import { getScope, type OperationRecord, type ScopeKind, type ScopeSet } from '../catalog';
import { entryOf, matchOperation, normalisePath, parseRequests } from '../explain';
import { InputError, makeReport, type CheckResult, type Report } from '../model';
import type { TokenKind } from '../profiles/types';
import { minimalCover, type Cover } from '../scope-coverage/minimal-cover';
import { pluralise } from '../text';

/** Enough to prove the minimum for any real integration's traffic in well under a second. */
const LEAST_PRIVILEGE_BUDGET = 200_000;

export interface TrafficOperation {
  method: string;
  path: string;
  operationId: string;
  api: string;
  /** Requests of the input that are this operation. */
  requests: number;
  /** The sets that allow it (all scopes of one set), empty ones left out. */
  scopeSets: { kind: ScopeKind; scopes: string[] }[];
  accepts: 'granular-only' | 'classic-only' | 'both' | 'no-scope' | 'apps-only';
}

export interface PlannedScope {
  scope: string;
  kind: ScopeKind;
  /** What the scope allows, in Atlassian's words, where the catalog has them. */
  label?: string;
  /** `METHOD template` of each operation that needs it in this plan. */
  neededFor: string[];
}

export interface ScopePlan {
  scopes: PlannedScope[];
  /** No set of fewer scopes allows every operation. False: a bound, the search stopped at its limit. */
  exact: boolean;
  /** No plan has fewer scopes than this. */
  lowerBound: number;
}

export interface LeastPrivilegeReport extends Report {
  /** Requests that are Jira operations. */
  matchedRequests: number;
  operations: TrafficOperation[];
  /** Granular wherever an endpoint takes granular scopes: the least each scope grants. */
  plan: ScopePlan;
  /** Fewer scopes, by allowing classic ones: only when it is strictly fewer than `plan`. */
  smaller?: ScopePlan;
  /** Requests that match no Jira operation, with near templates. */
  unmatched: { request: string; suggestions: string[] }[];
  /** Entries or URLs that are not Jira REST calls. */
  skipped: number;
}

export function leastPrivilegeFromText(text: string, now: Date, budget = LEAST_PRIVILEGE_BUDGET): LeastPrivilegeReport {
  const parsed = parseRequests(text);
  const byOperation = new Map<OperationRecord, number>();
  const unmatched = new Map<string, string[]>();
  for (const request of parsed.requests) {
    const entry = entryOf(request.origin, request.path);
    const shown = `${request.method ? `${request.method} ` : ''}${request.path}`;
    if (!('jiraPath' in entry)) {
      unmatched.set(shown, []);
      continue;
    }
    const match = matchOperation(request.method, normalisePath(entry.jiraPath).path);
    if (match.operation) byOperation.set(match.operation, (byOperation.get(match.operation) ?? 0) + 1);
    else
      unmatched.set(
        `${request.method ?? ''} ${normalisePath(entry.jiraPath).path}`.trim(),
        match.suggestions.map((op) => `${op.method} ${op.path}`),
      );
  }
  if (byOperation.size === 0 && unmatched.size === 0) {
    throw new InputError('no Jira REST request found: give endpoints ("GET /rest/api/3/myself"), URLs, log lines or a HAR file');
  }
  return leastPrivilege(
    [...byOperation].map(([operation, requests]) => ({ operation, requests })),
    [...unmatched].map(([request, suggestions]) => ({ request, suggestions })),
    parsed.skipped,
    now,
    budget,
  );
}

function leastPrivilege(
  seen: readonly { operation: OperationRecord; requests: number }[],
  unmatched: LeastPrivilegeReport['unmatched'],
  skipped: number,
  now: Date,
  budget = LEAST_PRIVILEGE_BUDGET,
): LeastPrivilegeReport {
  const operations = seen
    .map(({ operation, requests }) => trafficOperation(operation, requests))
    .sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  const allowed = operations.filter((op) => op.scopeSets.length > 0);
  // Granular wherever the endpoint has a granular set; classic only where nothing else allows it.
  const granularFirst = allowed.map((op) => (op.accepts === 'classic-only' ? op.scopeSets : op.scopeSets.filter((set) => set.kind === 'granular')));
  const plan = planOf(allowed, minimalCover(granularFirst, new Set(), 'granular', { budget }));
  const anyKind = planOf(
    allowed,
    minimalCover(
      allowed.map((op) => op.scopeSets),
      new Set(),
      'granular',
      { budget },
    ),
  );
  const smaller = anyKind.scopes.length < plan.scopes.length ? anyKind : undefined;
  const results = resultsOf(operations, plan, smaller, unmatched, skipped);
  const matchedRequests = operations.reduce((sum, op) => sum + op.requests, 0);
  return {
    ...makeReport(`${pluralise(matchedRequests, 'request')} to ${pluralise(operations.length, 'operation')}`, results, now),
    matchedRequests,
    operations,
    plan,
    ...(smaller ? { smaller } : {}),
    unmatched,
    skipped,
  };
}

function trafficOperation(operation: OperationRecord, requests: number): TrafficOperation {
  const usable = operation.scopeSets.filter((set) => set.scopes.length > 0);
  const accepts: TrafficOperation['accepts'] =
    operation.scopeSets.length === 0
      ? 'apps-only'
      : usable.length === 0
        ? 'no-scope'
        : usable.every((set) => set.kind === 'granular')
          ? 'granular-only'
          : usable.every((set) => set.kind === 'classic')
            ? 'classic-only'
            : 'both';
  return {
    method: operation.method,
    path: operation.path,
    operationId: operation.operationId,
    api: operation.api,
    requests,
    scopeSets: usable.map((set) => ({ kind: set.kind, scopes: [...set.scopes] })),
    accepts,
  };
}

function planOf(operations: readonly TrafficOperation[], cover: Cover): ScopePlan {
  const neededFor = new Map<string, string[]>();
  cover.chosen.forEach((set: ScopeSet, i) => {
    const op = operations[i]!;
    for (const scope of set.scopes) neededFor.set(scope, [...(neededFor.get(scope) ?? []), `${op.method} ${op.path}`]);
  });
  return {
    scopes: cover.added.map((scope) => {
      const record = getScope(scope);
      return { scope, kind: record?.kind ?? 'granular', ...(record?.label ? { label: record.label } : {}), neededFor: neededFor.get(scope) ?? [] };
    }),
    exact: cover.exact,
    lowerBound: cover.lowerBound,
  };
}

function resultsOf(
  operations: readonly TrafficOperation[],
  plan: ScopePlan,
  smaller: ScopePlan | undefined,
  unmatched: LeastPrivilegeReport['unmatched'],
  skipped: number,
): CheckResult[] {
  const results: CheckResult[] = [];
  const allowed = operations.filter((op) => op.scopeSets.length > 0);
  if (allowed.length > 0) {
    const count = plan.scopes.length;
    const all = allowed.length === 1 ? 'the operation' : allowed.length === 2 ? 'both operations' : `all ${allowed.length} operations`;
    results.push({
      id: 'least.plan',
      title: `${pluralise(count, 'scope')} allow${count === 1 ? 's' : ''} ${all}: ${plan.exact ? 'the fewest possible' : `at most this many, at least ${plan.lowerBound}`}`,
      status: 'pass',
      detail: [
        ...plan.scopes.map((s) => `${s.scope.padEnd(40)} needed for: ${s.neededFor.join(', ')}`),
        ...(plan.exact ? [] : ['The search stopped at its limit before it could prove no smaller set exists: this is a bound, not a proven minimum.']),
      ].join('\n'),
      evidence: { scopes: plan.scopes.map((s) => s.scope), exact: plan.exact },
    });
  }
  if (smaller) {
    results.push({
      id: 'least.smaller-with-classic',
      title: `Fewer with classic scopes: ${smaller.scopes.length} (${smaller.scopes.map((s) => s.scope).join(', ')})`,
      status: 'info',
      detail: 'They allow every operation too, but each classic scope opens far more of Jira than these requests use; the granular set above grants the least.',
      evidence: { scopes: smaller.scopes.map((s) => s.scope) },
    });
  }
  const classicOnly = operations.filter((op) => op.accepts === 'classic-only');
  if (classicOnly.length > 0) {
    results.push({
      id: 'least.classic-only',
      title: `${pluralise(classicOnly.length, 'endpoint')} accept${classicOnly.length === 1 ? 's' : ''} classic scopes only`,
      status: 'info',
      detail: classicOnly.map((op) => `${op.method} ${op.path}: ${op.scopeSets.map((set) => set.scopes.join(' and ')).join(' or ')}`).join('\n'),
    });
  }
  const granularOnly = operations.filter((op) => op.accepts === 'granular-only');
  if (granularOnly.length > 0) {
    results.push({
      id: 'least.granular-only',
      title: `${pluralise(granularOnly.length, 'endpoint')} accept${granularOnly.length === 1 ? 's' : ''} granular scopes only`,
      status: 'info',
      detail: `No classic scope allows ${granularOnly.map((op) => `${op.method} ${op.path}`).join(', ')}${smaller ? ': the plan with classic scopes keeps granular ones for these' : ''}.`,
    });
  }
  const noScope = operations.filter((op) => op.accepts === 'no-scope');
  if (noScope.length > 0) {
    results.push({
      id: 'least.no-scope',
      title: `${pluralise(noScope.length, 'endpoint')} need${noScope.length === 1 ? 's' : ''} no scope`,
      status: 'info',
      detail: noScope.map((op) => `${op.method} ${op.path}`).join('\n'),
    });
  }
  const appsOnly = operations.filter((op) => op.accepts === 'apps-only');
  if (appsOnly.length > 0) {
    results.push({
      id: 'least.apps-only',
      title: `${pluralise(appsOnly.length, 'endpoint')} no OAuth 2.0 scope or API token allows`,
      status: 'warn',
      detail: `${appsOnly.map((op) => `${op.method} ${op.path}`).join(', ')}: for Connect and Forge apps only.`,
      fix: 'Ask the vendor: an integration with an OAuth 2.0 app or an API token cannot call these.',
    });
  }
  if (unmatched.length > 0) {
    results.push({
      id: 'least.unmatched',
      title: `${pluralise(unmatched.length, 'request')} match${unmatched.length === 1 ? 'es' : ''} no Jira operation`,
      status: 'warn',
      detail: unmatched.map((u) => `${u.request}${u.suggestions.length ? ` (did you mean ${u.suggestions.join(' or ')}?)` : ''}`).join('\n'),
      fix: 'Correct these or leave them out: the scopes above do not count them.',
    });
  }
  if (skipped > 0) {
    results.push({
      id: 'least.skipped',
      title: `${pluralise(skipped, 'request')} skipped: not Jira REST calls`,
      status: 'info',
      detail: 'Page loads, images and other products’ calls need no Jira scope.',
    });
  }
  return results;
}

export interface ProfileMeta {
  id: string;
  name: string;
  vendor: string;
  tokenKind: Extract<TokenKind, 'oauth' | 'scoped-token'>;
}

const MAX_CAPABILITIES = 100;
const MAX_OPERATIONS = 200;

/**
 * A custom profile (the JSON `--profile-file` and the admin page take) that needs exactly what the traffic
 * used: one capability per API resource, each required, and the plan's scopes as the vendor's list.
 */
export function profileFromTraffic(report: LeastPrivilegeReport, meta: ProfileMeta, now: Date): Record<string, unknown> {
  const groups = new Map<string, TrafficOperation[]>();
  for (const op of report.operations.filter((o) => o.scopeSets.length > 0)) {
    const key = resourceOf(op);
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  const entries = [...groups];
  // The schema's limits: whatever is past them goes together under one more capability.
  const kept = entries.slice(0, MAX_CAPABILITIES - 1);
  const rest = entries.slice(MAX_CAPABILITIES - 1).flatMap(([, ops]) => ops);
  const capabilities = [...kept, ...(rest.length ? [['other endpoints', rest] as const] : [])].map(([name, ops]) => ({
    name,
    certainty: 'required',
    description: `Seen in the traffic: ${ops.map((op) => `${op.method} ${op.path} ×${op.requests}`).join(', ')}`.slice(0, 1000),
    operations: ops.slice(0, MAX_OPERATIONS).map((op) => ({ method: op.method, path: op.path })),
  }));
  if (capabilities.length === 0) throw new InputError('no operation in the traffic that a scope allows: nothing to make a profile from');
  return {
    id: meta.id,
    name: meta.name,
    vendor: meta.vendor,
    tokenKind: meta.tokenKind,
    summary: `Made from ${report.matchedRequests} requests by scope-doctor scopes for on ${now.toISOString().slice(0, 10)}. Check each capability's name and whether the integration also needs offline_access.`,
    needsOfflineAccess: false,
    callbackUrls: [],
    vendorScopes: report.plan.scopes.map((s) => s.scope),
    capabilities,
  };
}

/** `board (Jira Software)`: the first word of the path after the API version. */
function resourceOf(op: TrafficOperation): string {
  const word =
    op.path
      .split('/')
      .filter(Boolean)
      .slice(3)
      .find((segment) => !segment.startsWith('{')) ?? op.path;
  return `${word} (${op.api === 'jira-software' ? 'Jira Software' : 'Jira'})`;
}
