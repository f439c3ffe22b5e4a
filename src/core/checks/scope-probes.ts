import { allOperations, allScopes, findOperation, probesForScope, type OperationRecord } from '../catalog';
import { isJiraMethod, type JiraMethod, type Outcome } from '../atlassian';

/**
 * What a probe may send. A probe must not be able to change anything:
 * - GETs, and the POSTs the catalog lists as read-only probe candidates, go as they are.
 * - Any other POST, and every PUT and DELETE, only with a path that names, by an id Jira assigns, an object
 *   that cannot exist: Jira has to find that object before it could change it or anything under it. `0` is
 *   no such id (permission scheme 0 is the Default Permission Scheme; priorities, statuses and screens have
 *   small ids), so ids are IMPOSSIBLE_ID. An operation without such a parameter acts on the site or the
 *   caller and is never sent.
 * - A parameter naming something by a string that could exist (a property key, an app's field key, an
 *   application setting, a build provider's pipeline or repository id) never makes a change safe: only a
 *   nonexistent id of the object holding it does.
 * - No body, ever.
 */
export interface ProbeRequest extends OperationRequest {
  /** Concrete path, parameters filled with values that name nothing. */
  path: string;
  /** The operation's scope sets: the request is allowed when the token holds all scopes of one of them. */
  sets: readonly (readonly string[])[];
  /** A change request, harmless only because its path names nothing. */
  write: boolean;
  deprecated: boolean;
}

/** A catalog operation, as a request names it. */
export interface OperationRequest {
  method: JiraMethod;
  /** The catalog's path, e.g. `/rest/agile/1.0/sprint/{sprintId}`. */
  template: string;
}

/** 18 digits: above any id Jira has handed out, below 2^63 − 1 (Jira's ids are longs, the spec's int64). */
export const IMPOSSIBLE_ID = '999999999999999999';
/** For parameters that are not ids (keys, names, types): no Jira object is called this. */
export const NOT_AN_ID = 'scope-doctor-none';

const APP_ONLY = /^\/rest\/(forge|atlassian-connect)\//;
/** Parameters whose values are ids or numbers: `id`, `idOrKey`, `sprintId`, `issueIdOrKey`, `buildNumber`. */
const NUMERIC_PARAM = /^(?:id|idOr[A-Z]\w*|\w+(?:Id|IdOrKey|KeyOrId|Number))$/;
/** Jira Software's provider APIs: their ids are strings the build, deployment or security tool chose. */
const PROVIDER_API = /^\/rest\/(builds|deployments|devinfo|devopscomponents|featureflags|operations|remotelinks|security)\//;
/** The one `{id}` that is a key anyone may pick: an application setting's name. */
const KEY_NAMED_ID = '/rest/api/3/application-properties/{id}';

/** POSTs that only read, as the catalog lists them among its probe candidates (search, match, evaluate…). */
const READ_ONLY_POSTS: ReadonlySet<string> = new Set(
  allScopes().flatMap(({ scope }) =>
    probesForScope(scope)
      .filter((p) => p.method === 'POST' && !p.appOnly)
      .map((p) => p.path),
  ),
);

export function fillPath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => (NUMERIC_PARAM.test(name) ? IMPOSSIBLE_ID : NOT_AN_ID));
}

/** A parameter filled with IMPOSSIBLE_ID that Jira itself assigns, so that no object has it. */
function namesNothing(template: string, param: string): boolean {
  return NUMERIC_PARAM.test(param) && !PROVIDER_API.test(template) && template !== KEY_NAMED_ID;
}

function paramsOf(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
}

/** The probe for one catalog operation, or undefined when it could change something or would prove nothing. */
function probeOf(op: OperationRecord): ProbeRequest | undefined {
  if (!isJiraMethod(op.method) || APP_ONLY.test(op.path)) return undefined;
  // No scope set, or an empty one any token passes: the answer would prove nothing.
  if (op.scopeSets.length === 0 || op.scopeSets.some((set) => set.scopes.length === 0)) return undefined;
  const reads = op.method === 'GET' || (op.method === 'POST' && READ_ONLY_POSTS.has(op.path));
  if (!reads && !paramsOf(op.path).some((param) => namesNothing(op.path, param))) return undefined;
  return {
    method: op.method,
    template: op.path,
    path: fillPath(op.path),
    sets: op.scopeSets.map((set) => set.scopes),
    write: !reads,
    deprecated: op.deprecated,
  };
}

// One object per operation, so a request can key a map.
const probeByOperation = new Map<OperationRecord, ProbeRequest>();
const probesByScope = new Map<string, ProbeRequest[]>();
for (const op of allOperations()) {
  const probe = probeOf(op);
  if (!probe) continue;
  probeByOperation.set(op, probe);
  for (const scope of new Set(probe.sets.flat())) {
    const list = probesByScope.get(scope);
    if (list) list.push(probe);
    else probesByScope.set(scope, [probe]);
  }
}

/** Every safe request whose scope sets mention the scope. */
export function probesFor(scope: string): readonly ProbeRequest[] {
  return probesByScope.get(scope) ?? [];
}

/** The safe request for a catalog operation (`GET`, `/rest/api/3/myself`), if it has one. */
export function probeForOperation(request: OperationRequest): ProbeRequest | undefined {
  const op = findOperation(request.method, request.template);
  return op && probeByOperation.get(op);
}

export type ProbeVerdict = 'allowed' | 'denied' | 'inconclusive';

/**
 * A 2xx, or an error in Jira's own shape (`{"errorMessages":[…],"errors":{…}}`), came from Jira past the
 * scope check: a scope set was held. A 401 scope mismatch: none was. Anything else, including a 404 in
 * another shape (the gateway's own answer for a path it does not route), says nothing.
 */
export function verdictOf(outcome: Outcome): ProbeVerdict {
  switch (outcome.kind) {
    case 'ok':
      return 'allowed';
    case 'bad-request':
    case 'not-found':
    case 'forbidden':
      return outcome.jiraErrorShape ? 'allowed' : 'inconclusive';
    case 'scope-mismatch':
      return 'denied';
    default:
      return 'inconclusive';
  }
}

export interface Observation {
  sets: readonly (readonly string[])[];
  verdict: 'allowed' | 'denied';
}

export interface Knowledge {
  held: ReadonlySet<string>;
  missing: ReadonlySet<string>;
}

/**
 * What the observations prove, by propagation: a denied request lacks a scope of every set (the last
 * unproven one when the rest are held); an allowed request holds all of some set not yet refuted, so every
 * scope all such sets share. Scopes neither proven held nor missing stay undecided. `decidedBy` names the
 * observation that settled each decided scope.
 */
export function inferScopes<O extends Observation>(observations: readonly O[]): Knowledge & { decidedBy: Map<string, O> } {
  const held = new Set<string>();
  const missing = new Set<string>();
  const decidedBy = new Map<string, O>();
  for (let changed = true; changed;) {
    changed = false;
    const mark = (target: Set<string>, scope: string, by: O) => {
      if (!target.has(scope)) {
        target.add(scope);
        decidedBy.set(scope, by);
        changed = true;
      }
    };
    for (const observation of observations) {
      const { sets, verdict } = observation;
      if (verdict === 'denied') {
        for (const set of sets) {
          if (set.some((s) => missing.has(s))) continue;
          const unproven = set.filter((s) => !held.has(s));
          if (unproven.length === 1) mark(missing, unproven[0] as string, observation);
        }
      } else {
        const open = sets.filter((set) => !set.some((s) => missing.has(s)));
        for (const scope of open[0] ?? []) if (open.every((set) => set.includes(scope))) mark(held, scope, observation);
      }
    }
  }
  return { held, missing, decidedBy };
}
