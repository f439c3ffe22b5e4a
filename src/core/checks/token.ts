import { AUTH_MISMATCH_FAILURE, evidenceOf, gatewayBaseUrl, gatewayRequest, isInconclusive, isRecord, mapLimit, parseSite, siteRequest, type Credentials, type Outcome } from '../atlassian';
import { findOperation } from '../catalog';
import { analyzeCoverage } from '../scope-coverage';
import { makeReport, type CheckResult, type Evidence } from '../model';
import { systemClock } from '../ports';
import { vendorFix } from '../profiles/fixes';
import { profileTokenScopes, tokenView } from '../profiles/token-scopes';
import type { Profile } from '../profiles/types';
import { resolveCloudId } from './cloud-id';
import { neededForLines } from './coverage-results';
import { daysUntil, expiryResult } from './expiry';
import { requireCloudProfile, requireEmail, requireSecret } from './input';
import { inferScopes, planProbe, verdictOf, type Observation, type ProbePlan } from './scope-probes';
import type { CheckDeps, ScopeProbeResult, TokenCheckInput, TokenKindDetected, TokenReport } from './types';

const MYSELF = '/rest/api/3/myself';
const NEW_TOKEN_URL = 'https://id.atlassian.com/manage-profile/security/api-tokens';
// Enough for every built-in profile's probes to go out in one round (the largest asks for 22 scopes).
export const DEFAULT_CONCURRENCY = 24;

/**
 * Tells a classic API token from a scoped one, checks whose it is, and probes the profile's scopes.
 * Two rounds: the Cloud ID (skipped when known), then both `myself` calls and every probe at once — the
 * token's kind only decides how the probe answers are read. Reads only; never stores the token.
 */
export async function checkToken(deps: CheckDeps, input: TokenCheckInput): Promise<TokenReport> {
  requireCloudProfile(input.profile);
  const site = parseSite(input.site);
  const email = requireEmail(input.email);
  const token = requireSecret(input.token, 'token', 'API token');
  const now = (deps.clock ?? systemClock).now();
  const daysToExpiry = input.expiresOn ? daysUntil(input.expiresOn, now) : undefined;
  const finish = (partial: Omit<TokenReport, keyof ReturnType<typeof makeReport> | 'site'> & { results: CheckResult[] }): TokenReport => ({
    ...makeReport(site, partial.results, now),
    ...partial,
    site,
    ...(daysToExpiry === undefined ? {} : { daysToExpiry }),
  });

  const lookup = input.cloudId ? { cloudId: input.cloudId, results: [] } : await resolveCloudId(deps, site);
  const { cloudId } = lookup;
  if (!cloudId) return finish({ results: lookup.results, kind: 'unknown', probes: [] });

  const auth: Credentials = { basic: { email, token } };
  const plans = input.profile && input.profile.tokenKind !== 'classic-token' ? profileTokenScopes(input.profile).map(planProbe) : [];
  const requests = uniqueRequests(plans);
  const [onSite, onGateway, probeOutcomes] = await Promise.all([
    siteRequest(deps, site, 'GET', MYSELF, auth),
    gatewayRequest(deps, cloudId, 'GET', MYSELF, auth),
    mapLimit(requests, deps.concurrency ?? DEFAULT_CONCURRENCY, (key) => {
      const [method, path] = splitKey(key);
      return gatewayRequest(deps, cloudId, method, path, auth, method === 'GET' || method === 'DELETE' ? undefined : {});
    }),
  ]);

  const decision = kindOf(onSite, onGateway);
  const { kind } = decision;
  const accountId = accountIdOf(kind === 'classic' ? onSite : onGateway);
  const results: CheckResult[] = [
    ...lookup.results.filter((r) => r.id === 'cloud-id'),
    ...acceptedResults(decision, email, accountId, onSite, onGateway, input.expectedAccountId),
  ];
  const kindResult = tokenKindResult(kind, site, cloudId, input.profile);
  if (kindResult) results.push(kindResult);

  let probes: ScopeProbeResult[] = [];
  let coverage: TokenReport['coverage'];
  if (kind === 'scoped' && input.profile && plans.length) {
    const outcomeByKey = new Map(requests.map((key, i) => [key, probeOutcomes[i] as Outcome]));
    probes = readProbes(input.profile, plans, outcomeByKey, onGateway);
    // Scopes that could not be probed are not counted as missing: only what a probe disproved is.
    coverage = analyzeCoverage(tokenView(input.profile), probes.filter((p) => p.status !== 'missing').map((p) => p.scope));
    results.push(...probeResults(probes));
  } else if (kind === 'classic' && input.profile) {
    results.push({
      id: 'token.scopes',
      title: 'Scopes do not apply to a classic token',
      status: 'pass',
      detail: 'A classic API token acts with your full Jira access: anything you can do in Jira, the integration can do.',
    });
  }
  const expiry = input.expiresOn && daysToExpiry !== undefined ? expiryResult(input.expiresOn, daysToExpiry, kind) : undefined;
  if (expiry) results.push(expiry);

  return finish({
    results,
    cloudId,
    kind,
    ...(accountId ? { accountId } : {}),
    ...(kind === 'scoped' ? { gatewayUrl: gatewayBaseUrl(cloudId) } : {}),
    probes,
    ...(coverage ? { coverage } : {}),
  });
}

/** What the two `/myself` answers prove about a token, and why, in words a person reads. */
export interface KindDecision {
  kind: TokenKindDetected;
  because: string;
}

/**
 * Decides the kind only from what is known: a working classic token is accepted on the site URL, and a
 * scoped token is refused there but recognised by the gateway (a scope refusal is recognition too).
 * Whether the gateway takes classic tokens is not known, so a gateway answer never makes a token classic,
 * and a site answer other than 200 or 401 leaves the kind open.
 */
export function kindOf(onSite: Outcome, onGateway: Outcome): KindDecision {
  if (onSite.kind === 'ok') return { kind: 'classic', because: `the site accepted it on ${MYSELF}` };
  if (isInconclusive(onSite)) return { kind: 'unknown', because: onSite.reason };
  if (onSite.kind !== 'invalid-credentials' && onSite.kind !== 'scope-mismatch') {
    return { kind: 'unknown', because: `the site answered ${answer(onSite)} to ${MYSELF}, which proves neither kind` };
  }
  if (onGateway.kind === 'ok') return { kind: 'scoped', because: 'the site refused it and the gateway accepted it' };
  if (onGateway.kind === 'scope-mismatch') {
    return { kind: 'scoped', because: 'the site refused it and the gateway refused it only for a missing scope, which it says of credentials it authenticated' };
  }
  if (isInconclusive(onGateway)) return { kind: 'unknown', because: onGateway.reason };
  if (onGateway.kind !== 'invalid-credentials') {
    return { kind: 'unknown', because: `the gateway answered ${answer(onGateway)} to ${MYSELF}, which proves neither kind` };
  }
  if (onSite.kind === 'scope-mismatch') {
    return { kind: 'unknown', because: 'the site refused it for a missing scope while the gateway refused the credentials themselves' };
  }
  if (onGateway.failureCategory && onGateway.failureCategory !== AUTH_MISMATCH_FAILURE) {
    return { kind: 'unknown', because: `the gateway refused it with a failure category Scope Doctor does not know (${onGateway.failureCategory})` };
  }
  return { kind: 'invalid', because: 'the site and the gateway both refused the credentials' };
}

function answer(outcome: Outcome): string {
  return outcome.status === undefined ? outcome.kind : `${outcome.status} (${outcome.kind})`;
}

function accountIdOf(outcome: Outcome): string | undefined {
  if (outcome.kind !== 'ok' || !isRecord(outcome.body)) return undefined;
  return typeof outcome.body.accountId === 'string' ? outcome.body.accountId : undefined;
}

/** Both `/myself` answers: kinds, statuses and failure categories, never a credential. */
function myselfEvidence(onSite: Outcome, onGateway: Outcome): Evidence {
  const evidence: Evidence = { site: onSite.kind, gateway: onGateway.kind, siteStatus: onSite.status ?? null, gatewayStatus: onGateway.status ?? null };
  if (onSite.kind !== 'ok' && onSite.failureCategory) evidence.siteFailureCategory = onSite.failureCategory;
  if (onGateway.kind !== 'ok' && onGateway.failureCategory) evidence.gatewayFailureCategory = onGateway.failureCategory;
  return evidence;
}

/** Whether the token works, and whose it is when someone checks their own. */
function acceptedResults(decision: KindDecision, email: string, accountId: string | undefined, onSite: Outcome, onGateway: Outcome, expectedAccountId: string | undefined): CheckResult[] {
  const base = { id: 'token.accepted', evidence: myselfEvidence(onSite, onGateway) };
  if (decision.kind === 'invalid') {
    return [
      {
        ...base,
        title: 'Token not accepted',
        status: 'fail',
        detail: `Neither ${MYSELF} on the site nor through the gateway accepted ${email} with this token: it is wrong, expired or revoked.`,
        fix: `Create a new API token at ${NEW_TOKEN_URL} while signed in as ${email}, and paste it into the integration.`,
      },
    ];
  }
  if (decision.kind === 'unknown') {
    return [{ ...base, title: 'Token', status: 'unknown', detail: `Could not tell whether the token works: ${decision.because}.` }];
  }
  if (expectedAccountId && accountId && accountId !== expectedAccountId) {
    return [
      {
        ...base,
        title: `This token belongs to someone else: ${email}`,
        status: 'fail',
        detail: `The token signs in as ${email} (account ${accountId}), not as you: an integration using it acts as that person.`,
        fix: `Sign in to ${NEW_TOKEN_URL} as yourself, create your own token and check that one.`,
      },
    ];
  }
  if (accountId) {
    return [{ ...base, title: `Token accepted for ${email} (account ${accountId})`, status: 'pass', detail: 'Jira returned the account the token belongs to.' }];
  }
  const cannotReadAccount = decision.kind === 'scoped' && onGateway.kind === 'scope-mismatch';
  const accepted: CheckResult = cannotReadAccount
    ? {
        ...base,
        title: `Token valid for ${email}, but it cannot read its own account (it lacks read:jira-user or its granular equivalent)`,
        status: 'pass',
        detail: `The gateway refused ${MYSELF} only for a missing scope, which it says of credentials it authenticated: the token is valid, but reading its own account needs ${accountScopes()}.`,
      }
    : { ...base, title: `Token accepted for ${email}`, status: 'pass', detail: `Jira accepted the token, but its answer to ${MYSELF} named no account.` };
  if (!expectedAccountId) return [accepted];
  // Not checked is not passed: the person checking is told their ownership could not be confirmed.
  return [
    accepted,
    {
      id: 'token.owner',
      title: 'Could not confirm the token is yours',
      status: 'warn',
      detail: cannotReadAccount
        ? 'The token cannot read its own account, so it cannot be compared with yours.'
        : 'Jira named no account for the token, so it cannot be compared with yours.',
      fix: `Check that the token is listed at ${NEW_TOKEN_URL} while you are signed in; a token created with read:jira-user lets this check confirm it.`,
    },
  ];
}

/** The scope sets `/myself` accepts, from the catalog: "read:jira-user, or a + b + c". */
function accountScopes(): string {
  return findScopeSets('GET', MYSELF)
    .map((set) => set.join(' + '))
    .join(', or ');
}

function tokenKindResult(kind: TokenKindDetected, site: string, cloudId: string, profile: Profile | undefined): CheckResult | undefined {
  const gateway = gatewayBaseUrl(cloudId);
  const integration = profile?.vendor ?? 'the integration';
  if (kind === 'scoped') {
    if (profile?.tokenKind === 'classic-token') {
      return {
        id: 'token.kind',
        title: 'Scoped API token, but a classic one is needed',
        status: 'fail',
        detail: `${integration} calls https://${site}, where scoped tokens are refused.`,
        fix: `At ${NEW_TOKEN_URL} choose "Create API token" (not "with scopes") and use that token in ${integration}.`,
      };
    }
    return {
      id: 'token.kind',
      title: `Scoped API token: it works only through ${gateway}`,
      status: 'warn',
      detail: `On https://${site} Jira refuses it (401); the gateway recognises it.`,
      fix: vendorFix(profile, 'scopedTokenBaseUrl', { gatewayUrl: gateway, cloudId, site }) ?? `In ${integration}'s settings, use ${gateway} instead of https://${site}`,
      evidence: { gatewayUrl: gateway },
    };
  }
  if (kind === 'classic') {
    const wantsScoped = profile?.tokenKind === 'scoped-token';
    return {
      id: 'token.kind',
      title: wantsScoped ? `Classic API token, where ${integration} asks for a scoped one` : 'Classic API token',
      status: wantsScoped ? 'warn' : 'pass',
      detail: `Works on https://${site} with your full access.`,
      ...(wantsScoped ? { fix: `For least privilege, create a token with scopes at ${NEW_TOKEN_URL} (the ${integration} guide asks for one).` } : {}),
    };
  }
  return undefined;
}

function requestKey(plan: Extract<ProbePlan, { request: object }>): string {
  return `${plan.request.method} ${plan.request.path}`;
}

function splitKey(key: string): ['GET' | 'POST' | 'PUT' | 'DELETE', string] {
  const space = key.indexOf(' ');
  return [key.slice(0, space) as 'GET' | 'POST' | 'PUT' | 'DELETE', key.slice(space + 1)];
}

function uniqueRequests(plans: readonly ProbePlan[]): string[] {
  return [...new Set(plans.flatMap((p) => (p.request ? [requestKey(p)] : [])))];
}

function readProbes(profile: Profile, plans: readonly ProbePlan[], outcomes: Map<string, Outcome>, onGateway: Outcome): ScopeProbeResult[] {
  const observations: Observation[] = [];
  for (const plan of plans) {
    if (!plan.request) continue;
    const verdict = verdictOf(outcomes.get(requestKey(plan)) as Outcome);
    if (verdict !== 'inconclusive') observations.push({ sets: plan.request.sets, verdict });
  }
  const myself = verdictOf(onGateway);
  if (myself !== 'inconclusive') observations.push({ sets: [['read:jira-user'], ['read:application-role:jira', 'read:avatar:jira', 'read:group:jira', 'read:user:jira']], verdict: myself });
  const { held, missing } = inferScopes(observations);

  const everyScope = plans.map((p) => p.scope);
  const neededFor = capabilitiesNeeding(profile, everyScope);
  return plans.map((plan): ScopeProbeResult => {
    const base = { scope: plan.scope, neededFor: neededFor.get(plan.scope) ?? [] };
    if (!plan.request) return { ...base, status: 'unknown', evidence: { undecided: 'unprobeable', reason: plan.reason } };
    const outcome = outcomes.get(requestKey(plan)) as Outcome;
    const evidence = evidenceOf(outcome);
    if (held.has(plan.scope)) return { ...base, status: 'held', evidence };
    if (missing.has(plan.scope)) return { ...base, status: 'missing', evidence };
    if (verdictOf(outcome) === 'inconclusive') {
      return { ...base, status: 'unknown', evidence: { ...evidence, undecided: 'fault', reason: outcome.kind === 'ok' ? 'no answer' : outcome.reason } };
    }
    return { ...base, status: 'unknown', evidence: { ...evidence, undecided: 'ambiguous', reason: 'another scope the token may hold also allows the probe request' } };
  });
}

/** Capability names whose explicit scopes or operation scope sets mention each scope. */
function capabilitiesNeeding(profile: Profile, scopes: readonly string[]): Map<string, string[]> {
  const result = new Map<string, string[]>(scopes.map((s) => [s, []]));
  for (const capability of profile.capabilities) {
    const mentioned = new Set<string>(capability.scopes ?? []);
    for (const op of capability.operations ?? []) {
      for (const set of findScopeSets(op.method, op.path)) for (const s of set) mentioned.add(s);
    }
    for (const scope of scopes) if (mentioned.has(scope)) result.get(scope)?.push(capability.name);
  }
  return result;
}

function findScopeSets(method: string, path: string): readonly (readonly string[])[] {
  return (findOperation(method, path)?.scopeSets ?? []).map((s) => s.scopes);
}

function probeResults(probes: readonly ScopeProbeResult[]): CheckResult[] {
  const results: CheckResult[] = [];
  const missing = probes.filter((p) => p.status === 'missing').map((p) => p.scope);
  const held = probes.filter((p) => p.status === 'held');
  const unknown = probes.filter((p) => p.status === 'unknown');
  if (missing.length) {
    results.push({
      id: 'token.scopes.missing',
      title: `${missing.length} of ${probes.length} required scopes missing`,
      status: 'fail',
      detail: neededForLines(missing, (scope) => probes.find((p) => p.scope === scope)?.neededFor ?? []).join('\n'),
      fix: `Create a new token with these scopes added (scopes of an existing token cannot change): ${missing.join(', ')}`,
      evidence: { missing },
    });
  }
  if (held.length) {
    results.push({
      id: 'token.scopes.held',
      title: `${count(held.length, 'scope')} confirmed by read-only probes`,
      status: 'pass',
      detail: 'Each was shown to be held by a request that reads, or targets an id that does not exist.',
      evidence: { held: held.map((p) => p.scope) },
    });
  }
  for (const kind of UNDECIDED) {
    const probes = unknown.filter((p) => p.evidence?.undecided === kind.why);
    if (probes.length === 0) continue;
    results.push({ id: kind.id, title: kind.title(probes.length), status: kind.status, detail: kind.detail(probes), fix: kind.fix });
  }
  return results;
}

/** Why a scope's probe decided nothing, and what the person can do about it: one result per reason. */
const UNDECIDED: readonly {
  why: 'unprobeable' | 'ambiguous' | 'fault';
  id: string;
  status: 'warn' | 'unknown';
  title: (n: number) => string;
  detail: (probes: readonly ScopeProbeResult[]) => string;
  fix: string;
}[] = [
  {
    why: 'unprobeable',
    id: 'token.scopes.unprobeable',
    status: 'warn',
    title: (n) => `${count(n, 'scope')} cannot be probed safely`,
    detail: (probes) => `No request proves ${scopeNames(probes)} without the risk of changing something.`,
    fix: 'Check them in the scope list shown when the token was created.',
  },
  {
    why: 'ambiguous',
    id: 'token.scopes.ambiguous',
    status: 'warn',
    title: (n) => `${count(n, 'scope')} could not be told apart`,
    detail: (probes) =>
      `Every safe request for ${scopeNames(probes)} is also allowed by other scopes the token may hold (e.g. classic read:jira-work).`,
    fix: 'Check them in the scope list shown when the token was created.',
  },
  {
    // A fault says nothing about the scope: unknown, never missing.
    why: 'fault',
    id: 'token.scopes.unanswered',
    status: 'unknown',
    title: (n) => `${count(n, 'scope')} could not be checked`,
    detail: (probes) => probes.map((p) => `${p.scope}: ${String(p.evidence?.reason)}`).join('\n'),
    fix: 'Run the check again in a minute.',
  },
];

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function scopeNames(probes: readonly ScopeProbeResult[]): string {
  return probes.map((p) => p.scope).join(', ');
}
