import { evidenceOf, getAccessibleResources, isRecord, postToken, type Outcome } from '../atlassian';
import { analyzeCoverage } from '../scope-coverage';
import { InputError, makeReport, type CheckResult } from '../model';
import { systemClock } from '../ports';
import { coverageResults } from './coverage-results';
import { requireLine, requireSecret } from './input';
import { offlineAccessResult } from './scope-list';
import { tokenRefusal } from './token-endpoint';
import type { AccessibleResource, CheckDeps, ConsentFinishInput, ConsentReport, ConsentStart } from './types';

export interface ConsentStartInput {
  clientId: string;
  callbackUrl: string;
  scopes: readonly string[];
}

/** The authorize URL an admin opens to consent once, with a fresh random `state` to match on return. */
export function startConsent(deps: CheckDeps, input: ConsentStartInput): ConsentStart {
  const clientId = requireLine(input.clientId, 'clientId', 'Client ID');
  const callbackUrl = requireLine(input.callbackUrl, 'callbackUrl', 'Callback URL', 2048);
  const scopes = [...new Set(input.scopes.map((s) => s.trim()).filter(Boolean))];
  if (!scopes.length) throw new InputError('Add at least one scope before the consent test', 'scopes');
  const state = randomState();
  const params = new URLSearchParams({
    audience: 'api.atlassian.com',
    client_id: clientId,
    scope: scopes.join(' '),
    redirect_uri: callbackUrl,
    state,
    response_type: 'code',
    prompt: 'consent',
  });
  return { authorizeUrl: `${deps.hosts.auth}/authorize?${params.toString()}`, state };
}

/** 128 random bits from the platform CSPRNG: a `state` must not be guessable. */
function randomState(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Reads the redirect an admin pasted back, exchanges its code, and lists the sites and scopes really
 * granted. The tokens are used for that one read and then dropped: never stored, returned or refreshed.
 */
export async function finishConsent(deps: CheckDeps, input: ConsentFinishInput): Promise<ConsentReport> {
  const clientId = requireLine(input.clientId, 'clientId', 'Client ID');
  const clientSecret = requireSecret(input.clientSecret, 'clientSecret', 'Client secret');
  const callbackUrl = requireLine(input.callbackUrl, 'callbackUrl', 'Callback URL', 2048);
  const params = readConsentRedirect(input);
  const now = (deps.clock ?? systemClock).now();
  const subject = `Consent test for ${clientId}`;

  const error = params.get('error');
  if (error) {
    const result: CheckResult = {
      id: 'consent.granted',
      title: 'Consent not given',
      status: 'fail',
      detail: error === 'access_denied' ? 'The consent screen was declined.' : `Atlassian returned ${error.slice(0, 60)}.`,
      fix: 'Start the consent test again and choose Accept (you need to be a Jira admin of the site).',
      evidence: { error: error.slice(0, 60) },
    };
    return { ...makeReport(subject, [result], now), resources: [] };
  }
  const code = params.get('code') ?? '';

  const exchange = await postToken(deps, { grant_type: 'authorization_code', client_id: clientId, client_secret: clientSecret, code, redirect_uri: callbackUrl });
  const tokens = tokensOf(exchange);
  if (!tokens) return { ...makeReport(subject, [exchangeFailed(exchange)], now), resources: [] };

  const listing = await getAccessibleResources(deps, tokens.accessToken);
  const resources = resourcesOf(listing);
  if (!resources) {
    const why = listing.kind === 'ok' ? 'the reply was not a list of sites' : listing.reason;
    const result: CheckResult = { id: 'consent.resources', title: 'Granted sites and scopes', status: 'unknown', detail: `Could not read them: ${why}.`, evidence: evidenceOf(listing) };
    return { ...makeReport(subject, [result], now), resources: [] };
  }

  const granted = [...new Set(resources.flatMap((r) => r.scopes))].sort();
  const results: CheckResult[] = [
    {
      id: 'consent.resources',
      title: `Consent granted for ${resources.length} site${resources.length === 1 ? '' : 's'}`,
      status: resources.length ? 'pass' : 'fail',
      detail: resources.length ? resources.map((r) => `${r.url} (${r.scopes.length} scopes)`).join('\n') : 'The grant covers no Jira site.',
      ...(resources.length ? {} : { fix: 'Consent again while signed in as an admin of the Jira site.' }),
      evidence: { sites: resources.map((r) => r.url) },
    },
  ];
  // offline_access is not a site scope: the refresh token coming back is what shows it was granted.
  const offline = offlineAccessResult('consent', tokens.hasRefreshToken ? ['offline_access'] : [], input.profile?.needsOfflineAccess ?? false, 'fail');
  if (offline) results.push(offline);
  const coverage = input.profile ? analyzeCoverage(input.profile, granted) : undefined;
  if (coverage) {
    results.push(
      ...coverageResults('consent.coverage', coverage, (missing) =>
        `Add ${missing.join(', ')} in developer.atlassian.com → your app → Permissions, make sure the integration requests them, and consent again.`,
      ),
    );
  }
  return { ...makeReport(subject, results, now), resources, ...(coverage ? { coverage } : {}) };
}

/**
 * The parameters of a pasted redirect, refused before anything is sent: it must be an https URL on the
 * callback URL's host (a code must only ever go back to Atlassian from where Atlassian sent it), carry this
 * attempt's state, and a code or an error. Callers check a paste with this before they use up the state.
 */
export function readConsentRedirect(input: Pick<ConsentFinishInput, 'redirectedUrl' | 'callbackUrl' | 'state'>): URLSearchParams {
  const text = requireLine(input.redirectedUrl, 'redirectedUrl', 'The redirected URL', 8192);
  const url = urlOf(text);
  if (!url) throw new InputError('Paste the full URL the browser was redirected to (starting with https://)', 'redirectedUrl');
  const callback = urlOf(input.callbackUrl.trim());
  if (!callback) throw new InputError("The connection's callback URL is not a URL: correct it, then start the consent test again", 'callbackUrl');
  if (url.protocol !== 'https:' || url.host !== callback.host) {
    throw new InputError(`Paste the https address on ${callback.host} that the browser went to after Accept`, 'redirectedUrl');
  }
  const params = url.searchParams;
  if (params.get('state') !== input.state) {
    throw new InputError('The pasted URL belongs to another consent attempt (state does not match): start the test again', 'redirectedUrl');
  }
  if (!params.get('error') && !params.get('code')) {
    throw new InputError('The pasted URL has no ?code=: paste the full address the browser went to after Accept', 'redirectedUrl');
  }
  return params;
}

function urlOf(text: string): URL | undefined {
  return URL.canParse(text) ? new URL(text) : undefined;
}

function tokensOf(outcome: Outcome): { accessToken: string; hasRefreshToken: boolean } | undefined {
  if (outcome.kind !== 'ok' || !isRecord(outcome.body) || typeof outcome.body.access_token !== 'string') return undefined;
  return { accessToken: outcome.body.access_token, hasRefreshToken: typeof outcome.body.refresh_token === 'string' };
}

function exchangeFailed(outcome: Outcome): CheckResult {
  const base = { id: 'consent.exchange', title: 'Code exchange', evidence: evidenceOf(outcome) };
  if (outcome.kind === 'ok') return { ...base, status: 'unknown', detail: 'Could not exchange the code: the reply had no access token.' };
  const refusal = tokenRefusal(outcome);
  if (refusal === 'bad-client') {
    return {
      ...base,
      status: 'fail',
      detail: 'Atlassian refused the client ID or secret (401 access_denied) when exchanging the code.',
      fix: 'Copy them again from developer.atlassian.com → your app → Settings.',
    };
  }
  if (refusal === 'bad-code') {
    return {
      ...base,
      status: 'fail',
      detail: `Atlassian refused the code (${outcome.status} ${outcome.errorCode}): it expired (codes live about 10 minutes), was used already, or was issued for another redirect_uri than this connection's callback URL.`,
      fix: 'Start the consent test again and paste the new URL within a few minutes, without changing the callback URL in between.',
    };
  }
  return { ...base, status: 'unknown', detail: `Could not exchange the code: ${outcome.reason}.` };
}

function resourcesOf(outcome: Outcome): AccessibleResource[] | undefined {
  if (outcome.kind !== 'ok' || !Array.isArray(outcome.body)) return undefined;
  const resources: AccessibleResource[] = [];
  for (const item of outcome.body) {
    if (!isRecord(item) || typeof item.id !== 'string' || typeof item.url !== 'string' || !Array.isArray(item.scopes)) return undefined;
    resources.push({
      id: item.id,
      name: typeof item.name === 'string' ? item.name : item.url,
      url: item.url,
      scopes: item.scopes.filter((s): s is string => typeof s === 'string'),
    });
  }
  return resources;
}
