import { evidenceOf, getAccessibleResources, isRecord, postToken, type Outcome } from '../atlassian';
import { analyzeCoverage } from '../scope-coverage';
import { InputError, makeReport, type CheckResult } from '../model';
import { systemClock, type CheckDeps } from '../ports';
import { coverageResults } from './coverage-results';
import { requireLine, requireSecret } from './input';
import { offlineAccessResult } from './scope-list';
import { tokenRefusal } from './token-endpoint';
import type { AccessibleResource, ConsentFinishInput, ConsentReport, ConsentStart } from './types';

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
  const landing = readConsentRedirect(input, deps.hosts.auth);
  const now = (deps.clock ?? systemClock).now();
  const subject = `Consent test for ${clientId}`;
  const failed = (result: CheckResult): ConsentReport => ({ ...makeReport(subject, [result], now), clientId, resources: [] });

  // Atlassian stays on its own page when it will not redirect, e.g. "redirect_uri does not match".
  if (landing.kind === 'atlassian-page') return failed(stayedOnAtlassian(landing.url, callbackUrl));
  const { url: landed } = landing;
  const params = landed.searchParams;
  const error = params.get('error');
  if (error) return failed(redirectedWithError(error, params.get('error_description'), landed, callbackUrl));
  const code = params.get('code') ?? '';

  const exchange = await postToken(deps, {
    grant_type: 'authorization_code',
    client_id: clientId,
    client_secret: clientSecret,
    code,
    redirect_uri: callbackUrl,
  });
  const tokens = tokensOf(exchange);
  if (!tokens) return failed(exchangeFailed(exchange));

  const listing = await getAccessibleResources(deps, tokens.accessToken);
  const resources = resourcesOf(listing);
  if (!resources) {
    const why = listing.kind === 'ok' ? 'the reply was not a list of sites' : listing.reason;
    const result: CheckResult = {
      id: 'consent.resources',
      title: 'Granted sites and scopes',
      status: 'unknown',
      detail: `Could not read them: ${why}.`,
      evidence: evidenceOf(listing),
    };
    return failed(result);
  }

  const granted = [...new Set(resources.flatMap((r) => r.scopes))].sort();
  const results: CheckResult[] = [
    {
      id: 'consent.resources',
      title: resources.length === 1 ? `Consent granted for ${resources[0]!.url}` : `Consent granted for ${resources.length} sites`,
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
      ...coverageResults(
        'consent.coverage',
        coverage,
        (missing) =>
          `Add ${missing.join(', ')} in developer.atlassian.com → your app → Permissions, make sure the integration requests them, and consent again.`,
      ),
    );
  }
  return {
    ...makeReport(subject, results, now),
    clientId,
    resources,
    refreshTokenIssued: tokens.hasRefreshToken,
    ...(coverage ? { coverage } : {}),
  };
}

/** Where a pasted consent redirect landed: Atlassian's own page, or a redirect (a code on the callback, or an error). */
export type ConsentLanding = { kind: 'atlassian-page'; url: URL } | { kind: 'redirect'; url: URL };

/**
 * Reads a pasted redirect, refusing before anything is sent what cannot be used. A code must only ever go
 * back to Atlassian from where Atlassian sent it: a paste with a code must be https on the callback URL's
 * host. Without a code it is Atlassian's own page (which may drop the query; when it keeps it, the state
 * still tells attempts apart) or an `error=` redirect, which sends nothing. Callers check a paste with this
 * before they use up the state, so a bad paste can be corrected.
 */
export function readConsentRedirect(input: Pick<ConsentFinishInput, 'redirectedUrl' | 'callbackUrl' | 'state'>, authBase: string): ConsentLanding {
  const text = requireLine(input.redirectedUrl, 'redirectedUrl', 'The redirected URL', 8192);
  const url = urlOf(text);
  if (!url) throw new InputError('Paste the full URL the browser was redirected to (starting with https://)', 'redirectedUrl');
  const params = url.searchParams;
  const otherAttempt = () => new InputError('The pasted URL belongs to another consent attempt (state does not match): start the test again', 'redirectedUrl');
  if (params.has('code')) {
    const callback = urlOf(input.callbackUrl.trim());
    if (!callback) throw new InputError("The connection's callback URL is not a URL: correct it, then start the consent test again", 'callbackUrl');
    if (url.protocol !== 'https:' || url.host !== callback.host) {
      throw new InputError(`Paste the https address on ${callback.host} that the browser went to after Accept`, 'redirectedUrl');
    }
  } else if (isAtlassianPage(url, authBase)) {
    if (params.has('state') && params.get('state') !== input.state) throw otherAttempt();
    return { kind: 'atlassian-page', url };
  } else if (!params.get('error')) {
    throw new InputError(
      `The pasted URL has neither a code nor an error: paste the full address the browser went to after Accept. It should start with ${input.callbackUrl.trim()}; you pasted ${shown(url)}`,
      'redirectedUrl',
    );
  }
  if (params.get('state') !== input.state) throw otherAttempt();
  return { kind: 'redirect', url };
}

function urlOf(text: string): URL | undefined {
  return URL.canParse(text) ? new URL(text) : undefined;
}

/** An address on Atlassian's sign-in and consent hosts, not the integration's callback. */
function isAtlassianPage(url: URL, authBase: string): boolean {
  return url.href.startsWith(`${authBase}/`) || url.hostname === 'auth.atlassian.com' || url.hostname === 'id.atlassian.com';
}

/** A pasted address as it may be shown: without its query, where a code could be. */
function shown(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function stayedOnAtlassian(landed: URL, callbackUrl: string): CheckResult {
  const requested = landed.searchParams.get('redirect_uri') ?? callbackUrl;
  return {
    id: 'consent.redirect',
    title: 'Atlassian did not redirect back to the callback URL',
    status: 'fail',
    detail: [
      `The address you pasted is Atlassian's own page, so consent never reached the callback URL. When that page says "redirect_uri does not match", ` +
        'the redirect_uri it was sent is not exactly one of the callback URLs of the app in the developer console.',
      `Sent as redirect_uri: ${requested}`,
      `You pasted: ${shown(landed)} (Atlassian's page)`,
    ].join('\n'),
    fix: `In developer.atlassian.com → your app → Authorization → OAuth 2.0 (3LO), make the callback URL exactly ${requested} (or correct this connection's callback URL to the console's), then start the consent test again. If Atlassian's page shows the consent screen or names another problem, accept or fix that first.`,
    evidence: { landedOn: shown(landed), redirectUri: requested },
  };
}

function redirectedWithError(error: string, description: string | null, landed: URL, callbackUrl: string): CheckResult {
  const code = error.slice(0, 60);
  const said = description ? `: "${description.slice(0, 200)}"` : '';
  const urls = [`Redirected to: ${shown(landed)}`, `This connection's callback URL: ${callbackUrl}`];
  if (code === 'access_denied') {
    return {
      id: 'consent.granted',
      title: 'Consent declined (error=access_denied)',
      status: 'fail',
      detail: [`Atlassian redirected with error=access_denied${said}: the consent screen was declined.`, ...urls].join('\n'),
      fix: 'Start the consent test again and choose Accept (you need to be a Jira admin of the site).',
      evidence: { error: code },
    };
  }
  return {
    id: 'consent.granted',
    title: `Atlassian redirected with error=${code}`,
    status: 'fail',
    detail: [`Consent did not finish: Atlassian sent error=${code}${said}.`, ...urls].join('\n'),
    fix: /redirect_uri/i.test(`${code} ${description ?? ''}`)
      ? `Make the callback URL in developer.atlassian.com → your app → Authorization exactly ${callbackUrl}, then start the consent test again.`
      : 'Fix what Atlassian names, then start the consent test again.',
    evidence: { error: code, landedOn: shown(landed) },
  };
}

function tokensOf(outcome: Outcome): { accessToken: string; hasRefreshToken: boolean } | undefined {
  if (outcome.kind !== 'ok' || !isRecord(outcome.body) || typeof outcome.body.access_token !== 'string') return undefined;
  return { accessToken: outcome.body.access_token, hasRefreshToken: typeof outcome.body.refresh_token === 'string' };
}

function exchangeFailed(outcome: Outcome): CheckResult {
  const base = { id: 'consent.exchange', title: 'Code exchange', evidence: evidenceOf(outcome) } satisfies Partial<CheckResult>;
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
