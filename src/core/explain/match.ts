/**
 * Where a request went (the gateway with a Cloud ID, a site, somewhere else) and which catalog operation it
 * is, with did-you-mean over the templates when none is.
 */
import { allOperations, findOperation, type OperationRecord } from '../catalog';
import { SITE_DOMAINS } from '../atlassian/site';
import { editDistance, typoBudget } from '../scopes/suggest';
import { HTTP_METHODS } from './parse';

const CLOUD_ID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GATEWAY_HOST = 'api.atlassian.com';

export type Entry =
  /** `https://api.atlassian.com/ex/jira/{cloudId}/rest/…`; `cloudId` as written, shape not yet checked. */
  | { kind: 'gateway'; cloudId: string; jiraPath: string }
  /** `https://api.atlassian.com/ex/confluence/…` and the like: another product behind the same gateway. */
  | { kind: 'gateway-other-product'; product: string }
  /** `https://api.atlassian.com/rest/…`: the gateway without `/ex/jira/{cloudId}`. */
  | { kind: 'gateway-no-cloud-id'; jiraPath: string }
  | { kind: 'site'; host: string; jiraPath: string }
  /** A host that is not Jira Cloud (Data Center, a proxy, a local emulator). */
  | { kind: 'other-host'; host: string; jiraPath: string }
  /** No host at all: `GET /rest/api/3/myself`. */
  | { kind: 'path'; jiraPath: string };

export function entryOf(origin: string | undefined, path: string): Entry {
  if (!origin) return { kind: 'path', jiraPath: path };
  const host = new URL(origin).hostname.toLowerCase();
  if (host === GATEWAY_HOST) {
    const gateway = /^\/ex\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    if (gateway) {
      const product = decodeURIComponent(gateway[1]!).toLowerCase();
      if (product !== 'jira') return { kind: 'gateway-other-product', product };
      return { kind: 'gateway', cloudId: decodeURIComponent(gateway[2]!), jiraPath: gateway[3] ?? '/' };
    }
    return { kind: 'gateway-no-cloud-id', jiraPath: path };
  }
  if (SITE_DOMAINS.some((domain) => host.endsWith(`.${domain}`))) return { kind: 'site', host, jiraPath: path };
  return { kind: 'other-host', host, jiraPath: path };
}

export function isCloudIdShape(value: string): boolean {
  return CLOUD_ID_SHAPE.test(value);
}

export interface NormalisedPath {
  path: string;
  /** Why the path was read as another version's (`/rest/api/2/…` as `/rest/api/3/…`). */
  note?: string;
}

/**
 * The catalog holds REST v3 and agile 1.0. Jira's v2 and v3 have the same operations and scopes (v3 adds
 * rich-text fields), and `latest` is an alias, so those are read as their catalog version.
 */
export function normalisePath(path: string): NormalisedPath {
  let cleaned = path.replace(/\/{2,}/g, '/');
  if (cleaned.length > 1) cleaned = cleaned.replace(/\/+$/, '');
  const version = /^\/rest\/api\/(2|latest)(\/.*)?$/.exec(cleaned);
  if (version) {
    return {
      path: `/rest/api/3${version[2] ?? ''}`,
      note: `read as /rest/api/3: REST API v${version[1] === '2' ? '2' : 'latest'} has the same operations and scopes`,
    };
  }
  const agile = /^\/rest\/agile\/latest(\/.*)?$/.exec(cleaned);
  if (agile) return { path: `/rest/agile/1.0${agile[1] ?? ''}`, note: 'read as /rest/agile/1.0: latest is its alias' };
  return { path: cleaned };
}

export interface OperationMatch {
  operation?: OperationRecord;
  /** The method was not given and was taken to be this one. */
  assumedMethod?: string;
  /** Methods the catalog has for this path when the given one (or GET, when none was given) has none. */
  otherMethods: string[];
  /** Near templates, when nothing matched: did you mean …? */
  suggestions: OperationRecord[];
}

/** The operation for a method (or, without one, GET, else the only method the path has) and a path. */
export function matchOperation(method: string | undefined, path: string): OperationMatch {
  const methodsWithPath = HTTP_METHODS.filter((m) => findOperation(m, path));
  if (method) {
    const operation = findOperation(method, path);
    if (operation) return { operation, otherMethods: [], suggestions: [] };
    return { otherMethods: methodsWithPath, suggestions: methodsWithPath.length ? [] : suggestOperations(method, path) };
  }
  const assumed = methodsWithPath.includes('GET') ? 'GET' : methodsWithPath.length === 1 ? methodsWithPath[0] : undefined;
  if (assumed)
    return { operation: findOperation(assumed, path), assumedMethod: assumed, otherMethods: methodsWithPath.filter((m) => m !== assumed), suggestions: [] };
  return { otherMethods: methodsWithPath, suggestions: methodsWithPath.length ? [] : suggestOperations(undefined, path) };
}

const MAX_SUGGESTIONS = 3;
const VERSION = /^(?:\d+(?:\.\d+)?|latest)$/;
/** Over this, a template is too far from the path to be what was meant. */
const MAX_PATH_DISTANCE = 1.5;

/** Templates closest to the path, the same method first; a parameter takes any id-like segment for free. */
export function suggestOperations(method: string | undefined, path: string): OperationRecord[] {
  const segments = segmentsOf(path);
  const scored = allOperations()
    .map((op) => ({ op, distance: pathDistance(segments, segmentsOf(op.path)) + (method && op.method !== method ? 0.25 : 0) }))
    .filter((s) => s.distance <= MAX_PATH_DISTANCE)
    .sort((a, b) => a.distance - b.distance || a.op.path.localeCompare(b.op.path) || a.op.method.localeCompare(b.op.method));
  // One per template: the same path under another method is not another guess.
  // Only the near misses about as close as the best one.
  const seen = new Set<string>();
  const best = scored[0]?.distance ?? 0;
  return scored
    .filter((s) => s.distance <= best + 0.5 && !seen.has(s.op.path) && seen.add(s.op.path))
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.op);
}

function segmentsOf(path: string): string[] {
  return path.split('?')[0]!.split('/').filter(Boolean);
}

/** Segment-wise edit distance: a typo in a word costs half, a missing or extra segment one, another word two. */
function pathDistance(request: readonly string[], template: readonly string[]): number {
  let previous = Array.from({ length: template.length + 1 }, (_, j) => j);
  for (let i = 1; i <= request.length; i++) {
    const current = [i];
    for (let j = 1; j <= template.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + segmentCost(request[i - 1]!, template[j - 1]!));
    }
    previous = current;
  }
  return previous[template.length]!;
}

function segmentCost(segment: string, template: string): number {
  if (template.startsWith('{') && template.endsWith('}')) return looksLikeValue(segment) ? 0 : 0.5;
  if (segment === template) return 0;
  if (segment.toLowerCase() === template.toLowerCase()) return 0.25;
  // `/rest/agile/1/…` for `/rest/agile/1.0/…`: another version of the same API.
  if (VERSION.test(segment) && VERSION.test(template)) return 0.5;
  // Another word altogether is no near miss: it costs as much as dropping one segment and adding another.
  return editDistance(segment, template, 3) <= typoBudget(template.length) ? 0.5 : 2;
}

/** An id, a key or a name in a path (`10042`, `ACME-12`, a UUID), not one of the API's own words. */
function looksLikeValue(segment: string): boolean {
  return /\d/.test(segment) || /^[A-Z][A-Z0-9_]*$/.test(segment) || segment.includes('%');
}
