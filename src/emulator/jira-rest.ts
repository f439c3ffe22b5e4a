import { findOperation, type OperationRecord } from '../core/catalog';
import { isRecord, parseBody, type Exchange, type Reply } from './http';
import { authenticate, NOT_AUTHENTICATED, SCOPE_MISMATCH, scopesAllow, type Entry, type Principal } from './jira-auth';
import { findObject, paramKind, type JiraObject } from './jira-data';
import { jiraResource } from './jira-resources';
import type { EmulatedSite, EmulatorState } from './state';

/** An exchange on a Jira host, with the `/ex/jira/{cloudId}` prefix already taken off `path`. */
export interface JiraRequest extends Exchange {
  site: EmulatedSite;
  entry: Entry;
  /** e.g. `https://acme.atlassian.net` or the gateway base, for `self` links. */
  baseUrl: string;
}

/**
 * POSTs that only read, each as Atlassian's REST v3 reference describes it: they return something computed
 * from the request and store nothing. Written out by hand, not taken from the product's probe catalog, so
 * that a POST the product wrongly takes for a read shows up here as a mutation.
 */
export const READ_ONLY_POSTS: ReadonlySet<string> = new Set([
  '/rest/api/3/permissions/check', // Get bulk permissions
  '/rest/api/3/permissions/project', // Get permitted projects
  '/rest/api/3/search', // Search for issues using JQL (POST), being removed
  '/rest/api/3/search/jql', // Search for issues using JQL enhanced search (POST)
  '/rest/api/3/search/approximate-count', // Count issues using JQL
  '/rest/api/3/jql/parse', // Parse JQL query
  '/rest/api/3/jql/match', // Check issues against JQL
  '/rest/api/3/jql/sanitize', // Sanitize JQL queries: returns them rewritten, saves nothing
  '/rest/api/3/expression/eval', // Evaluate Jira expression, being removed
  '/rest/api/3/expression/evaluate', // Evaluate Jira expression using enhanced search API
  '/rest/api/3/expression/analyse', // Analyse Jira expression
  '/rest/api/3/issue/bulkfetch', // Bulk fetch issues
  '/rest/api/3/changelog/bulkfetch', // Bulk fetch changelogs
  '/rest/api/3/issue/{issueIdOrKey}/changelog/list', // Get changelogs by IDs
  '/rest/api/3/issue/watching', // Get is watching issue bulk
  '/rest/api/3/app/field/context/configuration/list', // Bulk get custom field configurations
]);

export function isReadOnly(method: string, operation: OperationRecord): boolean {
  return method === 'GET' || method === 'HEAD' || (method === 'POST' && READ_ONLY_POSTS.has(operation.path));
}

/** Anonymous endpoints (every set empty) answer even a bad token, like serverInfo on a real site. */
function isAnonymous(operation: OperationRecord): boolean {
  return operation.scopeSets.length > 0 && operation.scopeSets.every((set) => set.scopes.length === 0);
}

export function notFound(message: string): Reply {
  return { status: 404, json: { errorMessages: [message], errors: {} } };
}

/**
 * The gateway's 404 for a path it does not route. What api.atlassian.com really sends there is not known, so
 * the emulator sends a body that is plainly not Jira's: Jira never saw the request, and a probe must not read
 * it as an answer from past the scope check.
 */
export const GATEWAY_NOT_ROUTED: Reply = { status: 404 };

/**
 * Any Jira REST request, matched against the catalog. Order as on a real site: unknown path, then
 * authentication, then scopes, then whether the ids in the path exist, then the answer.
 */
export function handleJiraRequest(state: EmulatorState, request: JiraRequest): Reply {
  // HEAD is a GET without the body, as on any Jira.
  const operation = findOperation(request.method === 'HEAD' ? 'GET' : request.method, request.path);
  if (!operation) return request.entry === 'gateway' ? GATEWAY_NOT_ROUTED : notFound('No resource found at this path.');
  const operationId = operation.operationId;

  let principal: Principal | undefined;
  if (!isAnonymous(operation)) {
    principal = authenticate(state, request.credentials, request.site, request.entry);
    if (!principal) return { ...NOT_AUTHENTICATED, operationId };
    if (!scopesAllow(principal.scopes, operation.scopeSets)) return { ...SCOPE_MISMATCH, operationId };
  }

  const objects = resolvePathObjects(request, operation);
  if (!objects) return { ...notFound('The requested object does not exist or you do not have permission to see it.'), operationId };

  const body = parseBody(request);
  if (!body.ok) return { status: 400, json: { errorMessages: ['The request body is not valid JSON.'], errors: {} }, operationId };

  if (!isReadOnly(request.method, operation)) return { ...answerChange(request.method), operationId };
  const reply = jiraResource({
    operation,
    objects,
    principal,
    site: request.site,
    query: request.query,
    body: isRecord(body.value) ? body.value : {},
    baseUrl: request.baseUrl,
  });
  return { ...reply, operationId };
}

/** The objects named by the path parameters, or undefined when any of them does not exist. */
function resolvePathObjects(request: JiraRequest, operation: OperationRecord): JiraObject[] | undefined {
  const template = operation.path.split('/').filter(Boolean);
  const concrete = request.path.split('/').filter(Boolean);
  const objects: JiraObject[] = [];
  for (const [index, segment] of template.entries()) {
    if (!segment.startsWith('{')) continue;
    const kind = paramKind(segment.slice(1, -1), template[index - 1]);
    const found = findObject(request.site.jira, kind, safeDecode(concrete[index] ?? ''));
    if (!found) return undefined;
    objects.push(found);
  }
  return objects;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** What Jira answers to a change it accepted. Scope Doctor must never get here on a customer's site. */
function answerChange(method: string): Reply {
  if (method === 'POST') return { status: 201, json: {}, mutated: true };
  return { status: 204, mutated: true };
}
