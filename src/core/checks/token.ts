import { evidenceOf, gatewayBaseUrl, gatewayRequest, isInconclusive, isRecord, parseSite, siteRequest, type Credentials, type Outcome } from '../atlassian';
import { analyzeCoverage } from '../scope-coverage';
import { makeReport, type CheckResult } from '../model';
import { systemClock } from '../ports';
import type { Profile } from '../profiles/types';
import { resolveCloudId } from './cloud-id';
import { daysUntil, expiryResult } from './expiry';
import { requireCloudProfile, requireEmail, requireSecret } from './input';
import { probeResults, probeScopes } from './probe-rounds';
import type { CheckDeps, ScopeProbeResult, TokenCheckInput, TokenKindDetected, TokenReport } from './types';

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
  const scopes = input.profile && input.profile.tokenKind !== 'classic-token' ? requiredScopes(input.profile) : [];
  const myself = Promise.all([siteRequest(deps, site, 'GET', MYSELF, auth), gatewayRequest(deps, cloudId, 'GET', MYSELF, auth)]);
  const probing =
    input.profile && scopes.length
      ? probeScopes(deps, { cloudId, auth, profile: input.profile, scopes }, {
          requests: [{ method: 'GET', template: MYSELF }],
          answers: myself.then(([siteAnswer, gatewayAnswer]) => (kindOf(siteAnswer, gatewayAnswer) === 'scoped' ? [gatewayAnswer] : undefined)),
        })
      : undefined;
  const [[onSite, onGateway], run] = await Promise.all([myself, probing]);

  const kind = kindOf(onSite, onGateway);
  const accountId = accountIdOf(kind === 'classic' ? onSite : onGateway);
  const results: CheckResult[] = [...lookup.results.filter((r) => r.id === 'cloud-id'), acceptedResult(kind, email, accountId, onSite, onGateway, input.expectedAccountId)];
  const kindResult = tokenKindResult(kind, site, cloudId, input.profile);
  if (kindResult) results.push(kindResult);

  let probes: ScopeProbeResult[] = [];
  let coverage: TokenReport['coverage'];
  if (kind === 'scoped' && input.profile && run) {
    probes = run.probes;
    // Scopes that could not be probed are not counted as missing: only what a probe disproved is.
    coverage = analyzeCoverage(input.profile, probes.filter((p) => p.status !== 'missing').map((p) => p.scope));
    results.push(...probeResults(probes));
  } else if (kind === 'classic' && input.profile) {
    results.push({
      id: 'token.scopes',
      title: 'Scopes do not apply to a classic token',
      status: 'pass',
      detail: 'A classic API token acts with your full Jira access: anything you can do in Jira, the integration can do.',
    });
  }
  if (input.expiresOn && daysToExpiry !== undefined) results.push(expiryResult(input.expiresOn, daysToExpiry));

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

/**
 * A classic token works on the site URL; a scoped one gets 401 there but passes the gateway — even a
 * 401 scope mismatch on the gateway proves the token itself is valid.
 */
export function kindOf(onSite: Outcome, onGateway: Outcome): TokenKindDetected {
  if (onSite.kind === 'ok') return 'classic';
  if (onSite.kind !== 'invalid-credentials') return 'unknown';
  if (onGateway.kind === 'ok' || onGateway.kind === 'scope-mismatch') return 'scoped';
  if (onGateway.kind === 'invalid-credentials') return 'invalid';
  return 'unknown';
}

function accountIdOf(outcome: Outcome): string | undefined {
  if (outcome.kind !== 'ok' || !isRecord(outcome.body)) return undefined;
  return typeof outcome.body.accountId === 'string' ? outcome.body.accountId : undefined;
}

function acceptedResult(kind: TokenKindDetected, email: string, accountId: string | undefined, onSite: Outcome, onGateway: Outcome, expectedAccountId: string | undefined): CheckResult {
  const evidence = { site: evidenceOf(onSite).outcome ?? null, gateway: evidenceOf(onGateway).outcome ?? null, siteStatus: onSite.status ?? null, gatewayStatus: onGateway.status ?? null };
  const base = { id: 'token.accepted', evidence };
  if (kind === 'invalid') {
    return {
      ...base,
      title: 'Token not accepted',
      status: 'fail',
      detail: `Neither ${MYSELF} on the site nor through the gateway accepted ${email} with this token: it is wrong, expired or revoked.`,
      fix: `Create a new API token at ${NEW_TOKEN_URL} while signed in as ${email}, and paste it into the integration.`,
    };
  }
  if (kind === 'unknown') {
    const reason = [onSite, onGateway].find((o): o is Extract<Outcome, { reason: string }> => o.kind !== 'ok' && isInconclusive(o))?.reason;
    return { ...base, title: 'Token', status: 'unknown', detail: `Could not tell whether the token works: ${reason ?? 'unexpected answers from Jira'}.` };
  }
  if (expectedAccountId && accountId && accountId !== expectedAccountId) {
    return {
      ...base,
      title: 'This token belongs to someone else',
      status: 'fail',
      detail: `The token authenticates account ${accountId}, not yours.`,
      fix: `Sign in to ${NEW_TOKEN_URL} as yourself and create your own token.`,
    };
  }
  return {
    ...base,
    title: `Token accepted for ${email}${accountId ? ` (account ${accountId})` : ''}`,
    status: 'pass',
    detail: accountId ? 'Jira returned the account the token belongs to.' : 'The gateway recognised the token (it lacks the scopes to read the account itself).',
  };
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
      detail: `On https://${site} Jira refuses it (401); the gateway accepts it.`,
      fix: `In ${integration}'s settings, use ${gateway} instead of https://${site}`,
      evidence: { gatewayUrl: gateway },
    };
  }
  if (kind === 'classic') {
    const wantsScoped = profile?.tokenKind === 'scoped-token';
    return {
      id: 'token.kind',
      title: wantsScoped ? `Classic API token, where ${integration} asks for a scoped one` : 'Classic API token',
      status: wantsScoped ? 'warn' : 'pass',
      detail: `Works on https://${site} and through ${gateway}, with your full access.`,
      ...(wantsScoped ? { fix: `For least privilege, create a token with scopes at ${NEW_TOKEN_URL} (the ${integration} guide asks for one).` } : {}),
    };
  }
  return undefined;
}

/** The profile's vendor scope list plus explicit capability scopes; `offline_access` is for OAuth only. */
export function requiredScopes(profile: Profile): string[] {
  const scopes = new Set<string>([...profile.vendorScopes, ...profile.capabilities.flatMap((c) => c.scopes ?? [])]);
  scopes.delete('offline_access');
  return [...scopes].sort();
}
