import { evidenceOf, isInconclusive, postToken, type Outcome } from '../atlassian';
import { makeReport, type CheckResult, type Evidence } from '../model';
import { systemClock, type CheckDeps } from '../ports';
import { scopeLintOptions } from '../profiles/lint-options';
import { parseScopeList } from '../scopes';
import { checkCallbackUrl } from './callback-url';
import { requireCloudProfile, requireLine } from './input';
import { scopeSourceResults } from './scope-source';
import { tokenRefusal } from './token-endpoint';
import type { OAuthClientInput, OAuthClientReport } from './types';

/** A code no authorization server ever issued: the token endpoint must refuse it, telling us why. */
export const INVALID_AUTHORIZATION_CODE = 'scope-doctor-deliberately-invalid-code';
/** The control's secret: fixed and plainly made up, so it cannot be anyone's, and never derived from theirs. */
export const CONTROL_CLIENT_SECRET = 'scope-doctor-control-secret-certainly-wrong';
const CONSOLE_SETTINGS_FIX = 'Copy the Client ID and Secret again from developer.atlassian.com → your app → Settings, and paste them into the integration.';
const CONSENT_TEST_FIX = 'Run the live consent test (admin page → the connection → Start consent test): exchanging a real code shows whether the secret works.';

/**
 * Checks an OAuth 2.0 (3LO) app's credentials, callback URL and scopes — judged from the consented grant when
 * one is given, else from the pasted list. Reads only; stores nothing.
 */
export async function checkOAuthClient(deps: CheckDeps, input: OAuthClientInput): Promise<OAuthClientReport> {
  const { profile } = input;
  requireCloudProfile(profile);
  const clientId = requireLine(input.clientId, 'clientId', 'Client ID');
  const parsed = parseScopeList(input.scopes ?? '', scopeLintOptions(profile));

  const results: CheckResult[] = [await credentialsResult(deps, clientId, input.clientSecret, input.callbackUrl)];
  results.push(checkCallbackUrl(input.callbackUrl, profile, input.name));
  const scopes = scopeSourceResults({ pasted: parsed, ...(profile ? { profile } : {}), ...(input.grant ? { grant: input.grant } : {}) });
  results.push(...scopes.results);
  const report = makeReport(`OAuth app ${clientId}`, results, (deps.clock ?? systemClock).now());
  return { ...report, findings: parsed.findings, scopeSource: scopes.source, ...(scopes.coverage ? { coverage: scopes.coverage } : {}) };
}

/**
 * Decides by difference. The same deliberately invalid code is sent twice: with the real secret and, as a
 * control, with one that is certainly wrong. Whether Atlassian authenticates the client before it reads the
 * code is not known, so only a difference between the two answers says anything about the secret.
 */
async function credentialsResult(deps: CheckDeps, clientId: string, clientSecret: string | undefined, callbackUrl: string | undefined): Promise<CheckResult> {
  const base = { id: 'oauth.credentials', title: 'Client ID and secret' } satisfies Partial<CheckResult>;
  const secret = clientSecret?.trim();
  if (!secret) {
    return {
      ...base,
      status: 'unknown',
      detail: 'No client secret given, so the credentials were not checked.',
      fix: 'Enter the client secret (developer.atlassian.com → your app → Settings) to check the credentials.',
    };
  }
  const probe = (client_secret: string) =>
    postToken(deps, {
      grant_type: 'authorization_code',
      client_id: clientId,
      client_secret,
      code: INVALID_AUTHORIZATION_CODE,
      redirect_uri: callbackUrl?.trim() || 'https://localhost/scope-doctor',
    });
  const [real, control] = await Promise.all([probe(secret), probe(CONTROL_CLIENT_SECRET)]);
  const evidence = bothEvidence(real, control);
  const realRefusal = tokenRefusal(real);
  const controlRefusal = tokenRefusal(control);

  if (controlRefusal === 'bad-client' && realRefusal === 'bad-code') {
    return {
      ...base,
      status: 'pass',
      title: 'Client ID and secret accepted',
      detail: `Atlassian refused the test code sent with this secret only for the code (${answer(real)}), and the same request with a made-up secret as a bad client (${answer(control)}).`,
      evidence,
    };
  }
  if (controlRefusal === 'bad-client' && realRefusal === 'bad-client') {
    return {
      ...base,
      status: 'fail',
      detail: `Atlassian refused the client ID or secret (${answer(real)}), just as it refused a made-up secret.`,
      fix: CONSOLE_SETTINGS_FIX,
      evidence,
    };
  }
  if (realRefusal === 'bad-code' && controlRefusal === 'bad-code' && real.status === control.status) {
    return {
      ...base,
      status: 'unknown',
      detail: `The token endpoint answers the same whatever the secret (${answer(real)} for both), so it did not tell whether the client ID and secret are right.`,
      fix: CONSENT_TEST_FIX,
      evidence,
    };
  }
  const why =
    [real, control].find(isInconclusive)?.reason ?? `with this secret it answered ${answer(real)}, with a made-up one ${answer(control)}, which does not tell`;
  return { ...base, status: 'unknown', detail: `Could not tell whether the client ID and secret are right: ${why}.`, evidence };
}

/** `400 invalid_request`, or what came back instead of an answer. */
function answer(outcome: Outcome): string {
  if (outcome.kind === 'ok') return `${outcome.status} with tokens for a code that should not exist`;
  if (outcome.status === undefined) return outcome.kind;
  return outcome.errorCode ? `${outcome.status} ${outcome.errorCode.slice(0, 60)}` : String(outcome.status);
}

/** Both answers side by side; the control's fields carry a `control` prefix. Never a secret. */
function bothEvidence(real: Outcome, control: Outcome): Evidence {
  const evidence = evidenceOf(real);
  for (const [key, value] of Object.entries(evidenceOf(control))) {
    if (key !== 'request') evidence[`control${key[0]?.toUpperCase() ?? ''}${key.slice(1)}`] = value;
  }
  return evidence;
}
