import { gatewayBaseUrl, gatewayRequest, parseSite, siteRequest, type Credentials } from '../atlassian';
import { analyzeCoverage } from '../scope-coverage';
import { makeReport, type CheckResult } from '../model';
import { systemClock, type CheckDeps } from '../ports';
import { vendorFix } from '../profiles/fixes';
import { profileTokenScopes, tokenView } from '../profiles/token-scopes';
import type { Profile } from '../profiles/types';
import { resolveCloudId } from './cloud-id';
import { daysUntil } from '../expiry';
import { expiryResult } from './expiry';
import { requireCloudProfile, requireEmail, requireSecret } from './input';
import { probeResults, probeScopes } from './probe-rounds';
import { API_TOKENS_PAGE } from '../atlassian/pages';
import { acceptedResults, accountIdOf } from './token-account';
import { kindOf, MYSELF } from './token-kind';
import type { ScopeProbeResult, TokenCheckInput, TokenKindDetected, TokenReport } from './types';

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
      ? probeScopes(
          deps,
          { cloudId, auth, profile: input.profile, scopes },
          {
            requests: [{ method: 'GET', template: MYSELF }],
            answers: myself.then(([siteAnswer, gatewayAnswer]) => (kindOf(siteAnswer, gatewayAnswer).kind === 'scoped' ? [gatewayAnswer] : undefined)),
          },
        )
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
    coverage = analyzeCoverage(
      tokenView(input.profile),
      probes.filter((p) => p.status !== 'missing').map((p) => p.scope),
    );
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
        fix: `At ${API_TOKENS_PAGE} choose "Create API token" (not "with scopes") and use that token in ${integration}.`,
        urls: [API_TOKENS_PAGE],
      };
    }
    return {
      id: 'token.kind',
      title: `Scoped API token: it works only through ${gateway}`,
      status: 'warn',
      detail: `On https://${site} Jira refuses it (401); the gateway recognises it.`,
      fix:
        vendorFix(profile, 'scopedTokenBaseUrl', { gatewayUrl: gateway, cloudId, site }) ??
        `In ${integration}'s settings, use ${gateway} instead of https://${site}`,
      urls: [gateway],
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
      ...(wantsScoped
        ? { fix: `For least privilege, create a token with scopes at ${API_TOKENS_PAGE} (the ${integration} guide asks for one).`, urls: [API_TOKENS_PAGE] }
        : {}),
    };
  }
  return undefined;
}
