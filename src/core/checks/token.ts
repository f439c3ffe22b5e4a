import { AUTH_MISMATCH_FAILURE, gatewayBaseUrl, gatewayRequest, isInconclusive, isRecord, parseSite, siteRequest, type Credentials, type Outcome } from '../atlassian';
import { findOperation } from '../catalog';
import { analyzeCoverage } from '../scope-coverage';
import { makeReport, type CheckResult, type Evidence } from '../model';
import { systemClock, type CheckDeps } from '../ports';
import { vendorFix } from '../profiles/fixes';
import { profileTokenScopes, tokenView } from '../profiles/token-scopes';
import type { Profile } from '../profiles/types';
import { resolveCloudId } from './cloud-id';
import { daysUntil } from '../expiry';
import { expiryResult } from './expiry';
import { requireCloudProfile, requireEmail, requireSecret } from './input';
import { probeResults, probeScopes } from './probe-rounds';
import type { ScopeProbeResult, TokenCheckInput, TokenKindDetected, TokenReport } from './types';

const MYSELF = '/rest/api/3/myself';
const NEW_TOKEN_URL = 'https://id.atlassian.com/manage-profile/security/api-tokens';

/**
 * Tells a classic API token from a scoped one, checks whose it is, and probes the profile's scopes.
 * Rounds: the Cloud ID (skipped when known), then both `myself` calls beside the first round of probes,
 * then a second round of probes for a scoped token where the first left scopes open. Reads only; never
 * stores the token.
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
  const scopes = input.profile && input.profile.tokenKind !== 'classic-token' ? profileTokenScopes(input.profile) : [];
  const myself = Promise.all([siteRequest(deps, site, 'GET', MYSELF, auth), gatewayRequest(deps, cloudId, 'GET', MYSELF, auth)]);
  const probing =
    input.profile && scopes.length
      ? probeScopes(deps, { cloudId, auth, profile: input.profile, scopes }, {
          requests: [{ method: 'GET', template: MYSELF }],
          answers: myself.then(([siteAnswer, gatewayAnswer]) => (kindOf(siteAnswer, gatewayAnswer).kind === 'scoped' ? [gatewayAnswer] : undefined)),
        })
      : undefined;
  const [[onSite, onGateway], run] = await Promise.all([myself, probing]);

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
  if (kind === 'scoped' && input.profile && run) {
    probes = run.probes;
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
    ...(kind === 'scoped' && run ? { probeRounds: run.rounds } : {}),
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
  return (findOperation('GET', MYSELF)?.scopeSets ?? [])
    .map((set) => set.scopes.join(' + '))
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
