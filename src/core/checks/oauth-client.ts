import { evidenceOf, postToken } from '../atlassian';
import { analyzeCoverage } from '../scope-coverage';
import { makeReport, type CheckResult } from '../model';
import { systemClock } from '../ports';
import { scopeLintOptions } from '../profiles/lint-options';
import { parseScopeList } from '../scopes';
import { checkCallbackUrl } from './callback-url';
import { coverageResults } from './coverage-results';
import { requireCloudProfile, requireLine } from './input';
import { offlineAccessResult, scopeListResults } from './scope-list';
import type { CheckDeps, OAuthClientInput, OAuthClientReport } from './types';

/** A code no authorization server ever issued: the token endpoint must refuse it, telling us why. */
export const INVALID_AUTHORIZATION_CODE = 'scope-doctor-deliberately-invalid-code';
const CONSOLE_SETTINGS_FIX =
  'Copy the Client ID and Secret again from developer.atlassian.com → your app → Settings, and paste them into the integration.';

/** Checks an OAuth 2.0 (3LO) app's credentials, callback URL and scope list. Reads only; stores nothing. */
export async function checkOAuthClient(deps: CheckDeps, input: OAuthClientInput): Promise<OAuthClientReport> {
  const { profile } = input;
  requireCloudProfile(profile);
  const clientId = requireLine(input.clientId, 'clientId', 'Client ID');
  const parsed = parseScopeList(input.scopes ?? '', scopeLintOptions(profile));

  const results: CheckResult[] = [await credentialsResult(deps, clientId, input.clientSecret, input.callbackUrl)];
  results.push(checkCallbackUrl(input.callbackUrl, profile));
  results.push(...scopeListResults('oauth.scopes', parsed.scopes, parsed.findings));
  const offline = offlineAccessResult('oauth.scopes', parsed.scopes, profile?.needsOfflineAccess ?? false, 'info');
  if (offline) results.push(offline);

  const coverage = profile ? analyzeCoverage(profile, parsed.scopes) : undefined;
  if (coverage) {
    results.push(
      ...coverageResults('oauth.coverage', coverage, (missing) =>
        `In developer.atlassian.com → your app → Permissions → Jira API → Configure, add ${missing.join(', ')}; then have an admin reconnect the integration so the new scopes are consented.`,
      ),
    );
  }
  const report = makeReport(`OAuth app ${clientId}`, results, (deps.clock ?? systemClock).now());
  return { ...report, findings: parsed.findings, ...(coverage ? { coverage } : {}) };
}

/**
 * Exchanges a deliberately invalid code. The documented error bodies tell the cases apart:
 * `401 access_denied` for a wrong id/secret, `403 invalid_grant` once the client authenticated.
 */
async function credentialsResult(deps: CheckDeps, clientId: string, clientSecret: string | undefined, callbackUrl: string | undefined): Promise<CheckResult> {
  const base = { id: 'oauth.credentials', title: 'Client ID and secret' };
  const secret = clientSecret?.trim();
  if (!secret) {
    return {
      ...base,
      status: 'unknown',
      detail: 'No client secret given, so the credentials were not checked.',
      fix: 'Enter the client secret (developer.atlassian.com → your app → Settings) to check the credentials.',
    };
  }
  const outcome = await postToken(deps, {
    grant_type: 'authorization_code',
    client_id: clientId,
    client_secret: secret,
    code: INVALID_AUTHORIZATION_CODE,
    redirect_uri: callbackUrl?.trim() || 'https://localhost/scope-doctor',
  });
  const evidence = evidenceOf(outcome);
  if (outcome.kind === 'invalid-credentials' && outcome.errorCode === 'access_denied') {
    return { ...base, status: 'fail', detail: 'Atlassian refused the client ID or secret (401 access_denied).', fix: CONSOLE_SETTINGS_FIX, evidence };
  }
  if (outcome.status === 403 && outcome.kind !== 'ok' && outcome.errorCode === 'invalid_grant') {
    return {
      ...base,
      status: 'pass',
      title: 'Client ID and secret accepted',
      detail:
        'Atlassian authenticated the client and only refused the test code (403 invalid_grant). Inferred from the documented error bodies.',
      evidence,
    };
  }
  const why = outcome.kind === 'ok' ? 'the token endpoint accepted a code that should not exist' : outcome.reason;
  return { ...base, status: 'unknown', detail: `Could not tell whether the credentials are right: ${why}.`, evidence };
}
