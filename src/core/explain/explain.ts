/**
 * Why a request failed, from what was pasted: the operation and the scope sets that allow it, what the
 * status and headers say (a missing scope, bad credentials, a scoped token on the site URL, a 404 that may
 * be a permission), whether the URL's Cloud ID is the site's, and — with a grant or a profile — exactly
 * which scopes to add.
 */
import { AUTH_MISMATCH_FAILURE, classifyReply, SCOPE_CHECK_FAILURE, SCOPE_MISMATCH_MESSAGE, type OutcomeKind } from '../atlassian';
import { API_TOKENS_PAGE } from '../atlassian/pages';
import type { OperationRecord, ScopeKind, ScopeSet } from '../catalog';
import { InputError, makeReport, worstStatus, type CheckResult, type Evidence, type Report, type Status } from '../model';
import type { Profile } from '../profiles/types';
import { preferredKind } from '../scope-coverage';
import { minimalCover } from '../scope-coverage/minimal-cover';
import { entryOf, isCloudIdShape, matchOperation, normalisePath, type Entry } from './match';
import { parseRequests, type CredentialKind, type ObservedRequest, type RequestSource } from './parse';
import { pluralise } from '../text';

const GATEWAY = 'https://api.atlassian.com/ex/jira';

export interface ExplainContext {
  /** The site the requests are meant for: the Forge context, or `--site` looked up. */
  site?: { host?: string; cloudId?: string };
  /** The scopes the credentials hold (a pasted list or a consented grant), and where they come from. */
  granted?: { scopes: readonly string[]; source: string };
  /** The integration's profile: its guide's scopes stand in for a grant, and its kind words the fixes. */
  profile?: Profile;
}

export interface ExplainedOperation {
  method: string;
  path: string;
  operationId: string;
  api: string;
  deprecated: boolean;
}

export interface RequestExplanation {
  /** `GET https://api.atlassian.com/ex/jira/…/rest/agile/1.0/board/12/sprint`: no query, no credentials. */
  request: string;
  source: RequestSource;
  /** Lines (or HAR entries) it was read from; identical requests are explained once. */
  at: number[];
  method?: string;
  entry: Entry['kind'];
  cloudId?: string;
  status?: number;
  /** How it authenticated, by kind only. */
  credential?: CredentialKind;
  operation?: ExplainedOperation;
  /** Sets any one of which allows the operation (all scopes of the set); empty sets left out. */
  scopeSets: { kind: ScopeKind; scopes: string[] }[];
  /** Only granular scopes allow it (Jira Software endpoints): classic scopes do not work here. */
  granularOnly: boolean;
  /** `METHOD template` of near operations when none matched. */
  suggestions: string[];
  /** With a grant or profile: the fewest scopes to add for this request. */
  missing?: string[];
  verdict: Status;
  results: CheckResult[];
}

export interface ExplainReport extends Report {
  requests: RequestExplanation[];
  /** HAR entries or URLs that are not Jira REST calls. */
  skipped: number;
  /** With a grant or profile: the fewest scopes to add so that every matched request is allowed. */
  missing?: string[];
}

/** Reads the pasted text and explains each distinct request in it. Throws InputError when there is none. */
export function explainText(text: string, context: ExplainContext, now: Date): ExplainReport {
  const parsed = parseRequests(text);
  if (parsed.requests.length === 0) {
    const skipped = parsed.skipped ? ` (${pluralise(parsed.skipped, 'URL')} that are not Jira REST calls)` : '';
    throw new InputError(`no Jira REST request found${skipped}: paste a URL with /rest/…, "METHOD URL", a curl command, a log line or a HAR file`);
  }
  const groups = new Map<string, { request: ObservedRequest; at: number[] }>();
  for (const request of parsed.requests) {
    const key = JSON.stringify([
      request.method,
      request.origin,
      request.path,
      request.status,
      request.failureCategory,
      request.credential,
      scopeWords(request),
    ]);
    const group = groups.get(key);
    if (group) group.at.push(request.at);
    else groups.set(key, { request, at: [request.at] });
  }
  const requests = [...groups.values()].map(({ request, at }) => ({ ...explainRequest(request, context, now), at }));
  return summarise(requests, parsed.skipped, context, now);
}

function summarise(requests: RequestExplanation[], skipped: number, context: ExplainContext, now: Date): ExplainReport {
  const results: CheckResult[] = [];
  const grant = grantOf(context);
  let missing: string[] | undefined;
  if (grant) {
    const unmet = requests.flatMap((r) => (r.missing?.length ? [r.scopeSets] : []));
    missing = minimalCover(unmet, new Set(grant.scopes), preferredKind(new Set(grant.scopes))).added;
    if (requests.length > 1 && missing.length > 0) {
      const failing = requests.filter((r) => r.missing?.length).length;
      results.push({
        id: 'explain.missing',
        title: `${pluralise(missing.length, 'scope')} to add for all ${requests.length} requests`,
        status: requests.some((r) => r.results.some((x) => x.id === 'explain.grant' && x.status === 'fail')) ? 'fail' : 'warn',
        detail: `${failing} of ${requests.length} requests need scopes not in ${grant.source}: ${missing.join(', ')}.`,
        fix: `${addScopesFix(missing, requests.find((r) => r.credential)?.credential, context.profile)}.`,
        scopesToAdd: missing,
        evidence: { missing },
      });
    }
  }
  if (skipped > 0) {
    results.push({
      id: 'explain.skipped',
      title: `${pluralise(skipped, 'request')} skipped: not Jira REST calls`,
      status: 'info',
      detail: 'Only requests to /rest/… on a Jira site or through https://api.atlassian.com/ex/jira/{cloudId} are explained.',
    });
  }
  const report = makeReport(requests.length === 1 ? requests[0]!.request : `${requests.length} requests`, results, now);
  const verdict = worstStatus([report.verdict, ...requests.map((r) => r.verdict)]);
  return { ...report, verdict, requests, skipped, ...(missing ? { missing } : {}) };
}

/** One request: operation, scope sets, where it went, what the reply says, and what the grant lacks. */
function explainRequest(observed: ObservedRequest, context: ExplainContext, now: Date): RequestExplanation {
  const entry = entryOf(observed.origin, observed.path);
  // Shown without query or credentials: the query may carry a token, and it does not decide scopes.
  const shownWith = (method: string | undefined) => `${method ? `${method} ` : ''}${observed.origin ?? ''}${observed.path}`;
  const base: RequestExplanation = {
    request: shownWith(observed.method),
    source: observed.source,
    at: [observed.at],
    ...(observed.method ? { method: observed.method } : {}),
    entry: entry.kind,
    ...(entry.kind === 'gateway' ? { cloudId: entry.cloudId } : {}),
    ...(observed.status ? { status: observed.status } : {}),
    ...(observed.credential ? { credential: observed.credential } : {}),
    scopeSets: [],
    granularOnly: false,
    suggestions: [],
    verdict: 'pass',
    results: [],
  };
  const results: CheckResult[] = [];
  const finish = (extra: Partial<RequestExplanation> = {}): RequestExplanation => ({
    ...base,
    ...extra,
    results,
    verdict: worstStatus(results.map((r) => r.status)),
  });

  if (entry.kind === 'gateway-other-product') {
    results.push({
      id: 'explain.product',
      title: `Not a Jira request: ${entry.product} through the API gateway`,
      status: 'unknown',
      detail: 'Scope Doctor knows the scopes of Jira (platform and Jira Software) only.',
      fix: 'Look the endpoint up in that product’s REST API reference.',
    });
    return finish();
  }

  const normalised = normalisePath(entry.jiraPath);
  const match = matchOperation(observed.method, normalised.path);
  const method = observed.method ?? match.assumedMethod;
  const operation = match.operation;
  results.push(operationResult(observed, normalised, match, method));
  results.push(...entryResults(entry, observed, context, normalised.path));
  const usable = operation ? operation.scopeSets.filter((set) => set.scopes.length > 0) : [];
  if (operation) results.push(scopeSetsResult(operation, usable));

  const reply = replyKind(observed, now);
  if (reply) results.push(replyResult(reply, observed, entry, context, usable, normalised.path));

  const grant = grantOf(context);
  let missing: string[] | undefined;
  if (grant && operation && usable.length > 0) {
    const held = new Set(grant.scopes);
    const holding = usable.find((set) => set.scopes.every((s) => held.has(s)));
    missing = holding ? [] : minimalCover([usable], held, preferredKind(held)).added;
    results.push(grantResult(grant, holding, missing, reply, observed, context.profile));
  }
  const granularOnly = usable.length > 0 && usable.every((set) => set.kind === 'granular');
  return finish({
    request: shownWith(method),
    ...(method ? { method } : {}),
    ...(operation ? { operation: explainedOperation(operation) } : {}),
    scopeSets: usable.map((set) => ({ kind: set.kind, scopes: [...set.scopes] })),
    granularOnly,
    suggestions: match.suggestions.map((op) => `${op.method} ${op.path}`),
    ...(missing ? { missing } : {}),
  });
}

function explainedOperation(op: OperationRecord): ExplainedOperation {
  return { method: op.method, path: op.path, operationId: op.operationId, api: op.api, deprecated: op.deprecated };
}

// ---- the operation ------------------------------------------------------------------------------------

function operationResult(
  observed: ObservedRequest,
  normalised: ReturnType<typeof normalisePath>,
  match: ReturnType<typeof matchOperation>,
  method: string | undefined,
): CheckResult {
  const { operation } = match;
  if (!operation) {
    const tried = `${observed.method ?? ''} ${normalised.path}`.trim();
    if (match.otherMethods.length > 0) {
      return {
        id: 'explain.operation',
        title: observed.method ? `No ${observed.method} operation at ${normalised.path}` : `Which method? ${normalised.path} has several`,
        status: 'unknown',
        detail: `Jira has ${match.otherMethods.join(', ')} for this path.`,
        fix: `Give the method, e.g. "${match.otherMethods[0]} ${normalised.path}".`,
      };
    }
    return {
      id: 'explain.operation',
      title: `No Jira operation matches ${tried}`,
      status: 'unknown',
      detail: 'The Jira platform and Jira Software REST APIs have no such endpoint, so which scopes it needs cannot be told.',
      fix: match.suggestions.length
        ? `Did you mean ${match.suggestions.map((op) => `${op.method} ${op.path}`).join(' or ')}?`
        : 'Check the path against the REST API reference (developer.atlassian.com/cloud/jira/platform/rest/v3).',
    };
  }
  const notes = [
    match.assumedMethod
      ? `No method given: read as ${match.assumedMethod}${match.otherMethods.length ? ` (the path also has ${match.otherMethods.join(', ')})` : ''}.`
      : '',
    normalised.note ? `Path ${normalised.note}.` : '',
    observed.hadQuery ? 'Query string ignored: the scopes an endpoint needs do not depend on it.' : '',
    operation.deprecated ? 'Atlassian marks this operation deprecated.' : '',
  ].filter(Boolean);
  return {
    id: 'explain.operation',
    title: `${method} ${operation.path} (${operation.operationId})`,
    status: 'info',
    detail: notes.join('\n') || `The ${operation.api === 'jira-software' ? 'Jira Software' : 'Jira platform'} REST API operation ${operation.operationId}.`,
  };
}

function scopeSetsResult(operation: OperationRecord, usable: readonly ScopeSet[]): CheckResult {
  if (usable.length === 0) {
    const anonymous = operation.scopeSets.length > 0;
    return anonymous
      ? { id: 'explain.scopes', title: 'Needs no scope', status: 'info', detail: 'Jira answers this endpoint without checking a scope.' }
      : {
          id: 'explain.scopes',
          title: 'No OAuth 2.0 scope or API token allows this endpoint',
          status: 'warn',
          detail: 'It is for Connect and Forge apps only.',
          fix: 'Ask the vendor: an integration with an OAuth 2.0 app or an API token cannot call it.',
        };
  }
  const granularOnly = usable.every((set) => set.kind === 'granular');
  const classicOnly = usable.every((set) => set.kind === 'classic');
  const lines = usable.map((set, i) => `${i > 0 ? 'or ' : ''}${set.kind}${set.scopes.length > 1 ? ', all of' : ''}: ${set.scopes.join(', ')}`);
  if (granularOnly) {
    lines.push(
      operation.api === 'jira-software'
        ? 'Granular scopes only: classic scopes (read:jira-work, write:jira-work…) do not allow Jira Software (agile) endpoints.'
        : 'Granular scopes only: no classic scope allows it.',
    );
  } else if (classicOnly) lines.push('Classic scopes only: no granular scope allows it.');
  if (operation.scopeSets.some((set) => set.scopes.length === 0))
    lines.push('The spec also lists a set with no scope, which only apps can use; it is left out.');
  const title =
    usable.length === 1
      ? `Needs ${usable[0]!.scopes.join(' and ')}${granularOnly ? ' (granular only)' : classicOnly ? ' (classic)' : ''}`
      : `Needs every scope of one of ${usable.length} sets`;
  return { id: 'explain.scopes', title, status: 'info', detail: lines.join('\n'), evidence: { scopes: [...new Set(usable.flatMap((s) => s.scopes))] } };
}

// ---- where the request went ------------------------------------------------------------------------------

function entryResults(entry: Entry, observed: ObservedRequest, context: ExplainContext, jiraPath: string): CheckResult[] {
  const results: CheckResult[] = [];
  const expected = context.site?.cloudId;
  if (entry.kind === 'gateway-no-cloud-id') {
    results.push({
      id: 'explain.entry',
      title: 'The gateway URL has no /ex/jira/{cloudId}',
      status: 'fail',
      detail: 'Jira REST calls through api.atlassian.com go to https://api.atlassian.com/ex/jira/{cloudId}/rest/….',
      fix: `Use ${gatewayUrl(expected, jiraPath)}${expected ? '' : ' (scope-doctor cloud-id your-site prints the Cloud ID)'}.`,
      urls: [gatewayUrl(expected, jiraPath)],
    });
  } else if (entry.kind === 'gateway' && !isCloudIdShape(entry.cloudId)) {
    results.push({
      id: 'explain.cloud-id',
      title: `"${preview(entry.cloudId)}" is not a Cloud ID`,
      status: 'fail',
      detail: 'The gateway URL takes the site’s Cloud ID (a UUID such as 1f0c5d2e-7b3a-4c8e-9d41-6a2b8c0fe9a2), not its name.',
      fix: `Use ${gatewayUrl(expected, jiraPath)}${expected ? '' : ` (scope-doctor cloud-id ${siteGuess(entry.cloudId)} prints the Cloud ID)`}.`,
      urls: [gatewayUrl(expected, jiraPath)],
    });
  } else if (entry.kind === 'gateway' && expected) {
    const same = entry.cloudId.toLowerCase() === expected.toLowerCase();
    results.push({
      id: 'explain.cloud-id',
      title: same ? `Cloud ID is ${context.site?.host ?? 'this site'}’s` : `Cloud ID ${entry.cloudId} is not ${context.site?.host ?? 'this site'}’s`,
      status: same ? 'pass' : 'fail',
      detail: same
        ? `${entry.cloudId} is the Cloud ID of ${context.site?.host ?? 'this site'}.`
        : `${context.site?.host ?? 'This site'} has Cloud ID ${expected}: the request went to another site, or to none.`,
      ...(same ? {} : { fix: `Use ${gatewayUrl(expected, jiraPath)}.`, urls: [gatewayUrl(expected, jiraPath)] }),
      evidence: { cloudId: entry.cloudId, expectedCloudId: expected },
    });
  } else if (entry.kind === 'site') {
    const expectedHost = context.site?.host;
    if (expectedHost && expectedHost !== entry.host) {
      results.push({
        id: 'explain.site',
        title: `The request went to ${entry.host}, not ${expectedHost}`,
        status: 'fail',
        detail: `It was sent to another site than ${expectedHost}.`,
        fix: `Use https://${expectedHost}${jiraPath}.`,
        urls: [`https://${expectedHost}${jiraPath}`],
      });
    }
    if (observed.credential === 'bearer') {
      results.push({
        id: 'explain.entry',
        title: 'An OAuth 2.0 access token on the site URL',
        status: 'fail',
        detail: `OAuth 2.0 access tokens work only through the API gateway, never on https://${entry.host}.`,
        fix: `Use ${gatewayUrl(expected, jiraPath)}${expected ? '' : ` (scope-doctor cloud-id ${entry.host} prints the Cloud ID)`}.`,
        urls: [gatewayUrl(expected, jiraPath)],
      });
    }
  } else if (entry.kind === 'other-host') {
    results.push({
      id: 'explain.entry',
      title: `${entry.host} is not a Jira Cloud address`,
      status: 'info',
      detail:
        'Jira Cloud is reached at *.atlassian.net, *.jira.com or https://api.atlassian.com/ex/jira/{cloudId}. The scopes below are Jira Cloud’s; on Jira Data Center an application link has one permission (READ, WRITE, ADMIN) instead.',
    });
  }
  return results;
}

function gatewayUrl(cloudId: string | undefined, jiraPath: string): string {
  return `${GATEWAY}/${cloudId ?? '{cloudId}'}${jiraPath}`;
}

/** `acme.atlassian.net` or `acme` put where the Cloud ID goes: the site to look up. */
function siteGuess(value: string): string {
  return /^[a-z0-9.-]+$/i.test(value) && value.length <= 100 ? value : 'your-site';
}

// ---- what the reply says ----------------------------------------------------------------------------------

interface ReplyReading {
  kind: OutcomeKind;
  status: number;
  /** The body is Jira's own error JSON: Jira, not the gateway, answered. */
  jiraShaped: boolean;
  /** The gateway said which check failed: header, or the recorded scope body words. */
  said: string;
  retryAfterSeconds?: number;
}

/** The reply read with the client's own classification; the scope words count wherever the log put them. */
function replyKind(observed: ObservedRequest, now: Date): ReplyReading | undefined {
  const { status, failureCategory } = observed;
  if (status === undefined) return undefined;
  const text = observed.replyText ?? '';
  const outcome = classifyReply(
    'request',
    { status, text: jsonIn(text), header: (name) => (name.toLowerCase() === 'x-failure-category' ? (failureCategory ?? null) : null) },
    1,
    now.getTime(),
  );
  let kind = outcome.kind;
  // A log line carries the gateway's words outside any JSON; they prove a scope failure just the same.
  if (kind === 'invalid-credentials' && failureCategory !== AUTH_MISMATCH_FAILURE && scopeWords(observed)) kind = 'scope-mismatch';
  const said = failureCategory ? `X-Failure-Category: ${failureCategory}` : scopeWords(observed) ? '"Unauthorized; scope does not match"' : '';
  return {
    kind,
    status,
    jiraShaped: outcome.kind !== 'ok' && outcome.jiraErrorShape === true,
    said,
    ...(outcome.kind !== 'ok' && outcome.retryAfterSeconds !== undefined ? { retryAfterSeconds: outcome.retryAfterSeconds } : {}),
  };
}

function replyResult(
  reply: ReplyReading,
  observed: ObservedRequest,
  entry: Entry,
  context: ExplainContext,
  usable: readonly ScopeSet[],
  jiraPath: string,
): CheckResult {
  const { status } = reply;
  const evidence: Evidence = { httpStatus: status, outcome: reply.kind, ...(observed.failureCategory ? { failureCategory: observed.failureCategory } : {}) };
  const result = (title: string, value: Status, detail: string, fix?: string): CheckResult => ({
    id: 'explain.reply',
    title,
    status: value,
    detail,
    ...(fix ? { fix } : {}),
    evidence,
  });
  const cloudId = context.site?.cloudId;
  const siteHost = entry.kind === 'site' ? entry.host : context.site?.host;
  const scopedOnSite = `A scoped API token works only through the gateway: use ${gatewayUrl(cloudId, jiraPath)}${cloudId || !siteHost ? '' : ` (scope-doctor cloud-id ${siteHost} prints the Cloud ID)`}.`;

  switch (reply.kind) {
    case 'ok':
      return result(`${status}: the request succeeded`, 'pass', 'The credentials, the scopes and Jira’s permissions all allowed it.');
    case 'scope-mismatch': {
      const needs = usable.length ? ` It needs ${describeSets(usable)}.` : '';
      return result(
        `${status}: refused for a missing scope`,
        'fail',
        `The gateway accepted the credentials but they lack a scope this endpoint needs (it said ${reply.said}).${needs}`,
        // With a grant the grant result names exactly what to add; without one, the least set that would do.
        grantOf(context) || usable.length === 0 ? undefined : `${addScopesFix(cheapestSet(usable), observed.credential, context.profile)}.`,
      );
    }
    case 'invalid-credentials': {
      if (observed.credential === 'bearer' && entry.kind === 'site') {
        return result(
          `${status}: an OAuth 2.0 access token on the site URL`,
          'fail',
          'OAuth 2.0 access tokens work only through the gateway.',
          `Use ${gatewayUrl(cloudId, jiraPath)}.`,
        );
      }
      const checkToken = `check that the email is the token owner’s and that the token is not expired or revoked (${API_TOKENS_PAGE})`;
      if (entry.kind === 'site') {
        return result(
          `${status}: a scoped API token on the site URL, or wrong credentials`,
          'fail',
          'A scoped API token is refused on the site URL and works only through the gateway; a classic token is refused there only when the email or the token is wrong.',
          `${scopedOnSite} For a classic token, ${checkToken}.`,
        );
      }
      if (observed.credential === 'bearer') {
        return result(
          `${status}: the OAuth 2.0 access token was not accepted${reply.said ? ` (${reply.said})` : ''}`,
          'fail',
          'The gateway did not authenticate it: access tokens last an hour, and consent can be revoked.',
          'Get a new access token (refresh it, or have the user consent again).',
        );
      }
      const throughGateway = entry.kind === 'gateway' || observed.failureCategory !== undefined;
      return result(
        `${status}: the credentials were not accepted${reply.said ? ` (${reply.said})` : ''}`,
        'fail',
        throughGateway
          ? 'The gateway did not authenticate the credentials. Whether it accepts classic (unscoped) API tokens is not known; a classic token works on the site URL.'
          : 'Without the host it cannot be told whether a scoped token was sent to the site URL, where it is always refused.',
        `${checkToken[0]!.toUpperCase()}${checkToken.slice(1)}; create a new token if in doubt.${throughGateway ? '' : ` ${scopedOnSite}`}`,
      );
    }
    case 'forbidden':
      return result(
        `${status}: Jira refused the account, not the scopes`,
        'fail',
        'A missing scope is refused with 401; a 403 means Jira checked the account and it lacks a Jira permission for this (Browse projects for issues, Administer Jira for settings), or the feature is turned off.',
        'Give the account that owns the token (or consented to the app) the permission in Jira, or ask a Jira administrator.',
      );
    case 'not-found': {
      const permission = 'Jira answers 404 both when something does not exist and when the account may not see it (project permissions, issue security).';
      if (entry.kind === 'gateway' && observed.replyText !== undefined && !reply.jiraShaped) {
        return result(
          `${status}, not from Jira: the gateway may not have routed it`,
          'unknown',
          'The reply is not Jira’s error JSON, so Jira may never have seen the request. The path or the Cloud ID may be wrong (what the gateway answers for an unknown Cloud ID is not known).',
          `Check the Cloud ID${cloudId ? ` (this site’s is ${cloudId})` : ' (scope-doctor cloud-id your-site)'} and the path.`,
        );
      }
      const onSite =
        entry.kind === 'site' && observed.credential !== 'bearer' ? '\nA scoped API token used on the site URL also gets 404 on issue and project reads.' : '';
      return result(
        reply.jiraShaped ? `${status} from Jira: missing, or not visible to this account` : `${status}: missing, or not visible to this account`,
        'warn',
        `${permission}${onSite}`,
        `Open it in Jira as the same account: if it is not there either, the id is wrong or the account needs a permission (Browse projects).${onSite ? ` ${scopedOnSite}` : ''}`,
      );
    }
    case 'rate-limited':
      return result(
        `${status}: rate limited`,
        'unknown',
        'Atlassian asked the caller to slow down; this says nothing about scopes or credentials.',
        reply.retryAfterSeconds !== undefined
          ? `Wait ${reply.retryAfterSeconds} s (Retry-After) and try again; spread the requests out.`
          : 'Wait and try again; spread the requests out.',
      );
    case 'server-error':
      return result(
        `${status}: failed on Atlassian’s side`,
        'unknown',
        'A server error says nothing about scopes or credentials.',
        'Try again later; check https://jira-software.status.atlassian.com.',
      );
    case 'bad-request':
      return result(
        `${status}: the request itself was refused`,
        'warn',
        status === 400 ? 'A field, a parameter or the JQL is wrong; scopes and credentials are refused with 401.' : `Jira refused the request (${status}).`,
        'Read the errorMessages in the reply and correct the request.',
      );
    default:
      return result(
        `${status}: an answer that says nothing about scopes`,
        'unknown',
        status >= 300 && status < 400 ? 'The address redirects (a moved site, or a login page).' : `An unexpected ${status}.`,
        status >= 300 && status < 400 ? 'Use the address it redirects to.' : 'Look at the full reply.',
      );
  }
}

// ---- the grant --------------------------------------------------------------------------------------------

interface Grant {
  scopes: readonly string[];
  source: string;
  /** From the vendor's guide, not the credentials: a gap asks the vendor. */
  fromProfile: boolean;
}

function grantOf(context: ExplainContext): Grant | undefined {
  if (context.granted) return { ...context.granted, fromProfile: false };
  const profile = context.profile;
  if (!profile || profile.tokenKind === 'classic-token' || profile.tokenKind === 'dc-oauth') return undefined;
  const scopes = profile.tokenKind === 'scoped-token' ? (profile.tokenScopes ?? profile.vendorScopes) : profile.vendorScopes;
  return { scopes, source: `the ${profile.vendor} guide’s list`, fromProfile: true };
}

function grantResult(
  grant: Grant,
  holding: ScopeSet | undefined,
  missing: readonly string[],
  reply: ReplyReading | undefined,
  observed: ObservedRequest,
  profile: Profile | undefined,
): CheckResult {
  if (holding) {
    const refused = reply?.kind === 'scope-mismatch';
    return {
      id: 'explain.grant',
      title: refused ? `${capitalise(grant.source)} allows it, yet the gateway refused a scope` : `Allowed by ${grant.source}`,
      status: refused ? 'warn' : 'pass',
      detail: `It holds every scope of the ${holding.kind} set: ${holding.scopes.join(', ')}.`,
      ...(refused
        ? {
            fix: 'The credentials that sent it hold less than this list: check the app’s console permissions, or the scopes chosen when the token was created.',
          }
        : {}),
    };
  }
  const succeeded = reply?.kind === 'ok';
  const refusedForScope = reply?.kind === 'scope-mismatch';
  const status: Status = succeeded ? 'info' : refusedForScope || !grant.fromProfile ? 'fail' : 'warn';
  const vendor = profile?.vendor ?? 'the vendor';
  return {
    id: 'explain.grant',
    title: `${pluralise(missing.length, 'scope')} missing from ${grant.source}: ${missing.join(', ')}`,
    status,
    detail: succeeded
      ? `The request succeeded, so the credentials that sent it hold more than ${grant.source} (or it is a classic token).`
      : `With ${grant.source}, this request is refused until ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} added.`,
    ...(succeeded
      ? {}
      : {
          fix: `${addScopesFix(missing, observed.credential, profile)}.${grant.fromProfile ? ` Ask ${vendor} whether its guide should list ${missing.length === 1 ? 'it' : 'them'}.` : ''}`,
          scopesToAdd: [...missing],
        }),
    evidence: { missing: [...missing] },
  };
}

// ---- wording ---------------------------------------------------------------------------------------------

/** The exact step for adding scopes, worded for an API token, an OAuth 2.0 app, or either. */
function addScopesFix(missing: readonly string[], credential: CredentialKind | undefined, profile: Profile | undefined): string {
  const list = missing.join(', ');
  const kind =
    profile?.tokenKind === 'oauth' || (!profile && credential === 'bearer')
      ? 'oauth'
      : profile?.tokenKind === 'scoped-token' || (!profile && credential === 'basic')
        ? 'token'
        : 'either';
  if (kind === 'oauth') return `Add ${list} to the app in the developer console (Permissions), then have the user consent again`;
  if (kind === 'token') return `Create a new API token with ${list} added (the scopes of an existing token cannot change)`;
  return `Add ${list}: to the OAuth 2.0 app in the developer console (then consent again), or to a new scoped API token (an existing token’s scopes cannot change)`;
}

function describeSets(sets: readonly ScopeSet[]): string {
  return sets.map((set) => `${set.scopes.join(' and ')} (${set.kind})`).join(', or ');
}

/** The set with the fewest scopes, granular first: the least a token needs for this one request. */
function cheapestSet(sets: readonly ScopeSet[]): string[] {
  return [...minimalCover([sets], new Set(), 'granular').added];
}

function scopeWords(observed: ObservedRequest): boolean {
  return SCOPE_MISMATCH_MESSAGE.test(observed.replyText ?? '') || observed.failureCategory === SCOPE_CHECK_FAILURE;
}

/** The reply's JSON body, also when a log line prints it after other words; '' when there is none. */
function jsonIn(text: string): string {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) return '';
  const candidate = text.slice(start, end + 1);
  try {
    JSON.parse(candidate);
    return candidate;
  } catch {
    return '';
  }
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
