import { findOperation, type OperationRecord } from '../core/catalog';
import { isRecord, parseBody, type Exchange, type Reply } from './http';
import { authenticate, gatewayNotAuthenticated, scopeMismatch, scopesAllow, type Entry, type Principal } from './jira-auth';
import { findObject, paramKind, type JiraObject } from './jira-data';
import { jiraResource } from './jira-resources';
import { recorded, recordedReply } from './recorded';
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
  let loginFailedHeaders: Record<string, string> = {};
  if (isAnonymous(operation)) {
    // Jira answers anyway, and says in a header that the credentials it was sent failed.
    const failed = request.entry === 'site' && request.credentials.kind !== 'none' && !authenticate(state, request.credentials, request.site, 'site');
    if (failed) loginFailedHeaders = recorded('site.anonymous-bad-token').response.headers;
  } else {
    principal = authenticate(state, request.credentials, request.site, request.entry);
    if (!principal) return { ...notAuthenticated(request, operation), operationId };
    if (!scopesAllow(principal.scopes, operation.scopeSets)) return { ...scopeMismatch(state), operationId };
  }

  const resolved = resolvePathObjects(request, operation);
  if ('missing' in resolved) return { ...objectNotFound(resolved.missing), operationId };
  const objects = resolved.found;

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
  return { ...reply, headers: { ...reply.headers, ...loginFailedHeaders }, operationId };
}

const ISSUE_READ = /^\/rest\/api\/3\/issue\/\{issueIdOrKey\}$/;
const PROJECT_READ = /^\/rest\/api\/3\/project\/\{projectIdOrKey\}$/;

/**
 * Credentials the host did not authenticate. The gateway refuses them; a site treats the caller as
 * anonymous, who may not see issues or projects (404, as if they did not exist) nor anything else (401).
 */
function notAuthenticated(request: JiraRequest, operation: OperationRecord): Reply {
  if (request.entry === 'gateway') return gatewayNotAuthenticated();
  const read = request.method === 'GET' || request.method === 'HEAD';
  if (read && ISSUE_READ.test(operation.path)) return recordedReply('site.scoped-token-issue-read');
  if (read && PROJECT_READ.test(operation.path)) return projectNotFound(safeDecode(request.path.split('/').at(-1) ?? ''));
  return recordedReply('site.myself-not-authenticated');
}

type ObjectKind = ReturnType<typeof paramKind>;

/** The recorded 404 for the kind of object that is missing; other kinds have no recording yet. */
function objectNotFound(missing: { kind: ObjectKind; value: string }): Reply {
  if (missing.kind === 'issue') return recordedReply('site.issue-not-found');
  if (missing.kind === 'project') return projectNotFound(missing.value);
  return notFound('The requested object does not exist or you do not have permission to see it.');
}

/** The recorded key in site.project-not-found, which Jira replaces with the key it was asked for. */
const RECORDED_PROJECT_KEY = 'VULN';

function projectNotFound(key: string): Reply {
  const reply = recordedReply('site.project-not-found');
  return { ...reply, json: withProjectKey(reply.json, key) };
}

function withProjectKey(value: unknown, key: string): unknown {
  if (typeof value === 'string') return value.replaceAll(`'${RECORDED_PROJECT_KEY}'`, `'${key}'`);
  if (Array.isArray(value)) return value.map((item) => withProjectKey(item, key));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, withProjectKey(item, key)]));
  return value;
}

/** The objects named by the path parameters, or the first one that does not exist. */
function resolvePathObjects(request: JiraRequest, operation: OperationRecord): { found: JiraObject[] } | { missing: { kind: ObjectKind; value: string } } {
  const template = operation.path.split('/').filter(Boolean);
  const concrete = request.path.split('/').filter(Boolean);
  const found: JiraObject[] = [];
  for (const [index, segment] of template.entries()) {
    if (!segment.startsWith('{')) continue;
    const kind = paramKind(segment.slice(1, -1), template[index - 1]);
    const value = safeDecode(concrete[index] ?? '');
    const object = findObject(request.site.jira, kind, value);
    if (!object) return { missing: { kind, value } };
    found.push(object);
  }
  return { found };
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
