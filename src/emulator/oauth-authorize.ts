import { DEMO_ACCOUNTS, type DemoRole } from './demo';
import type { ConsentScript } from './consent';
import { escapeHtml, type Exchange, type Reply } from './http';
import { randomToken, type EmulatedOAuthApp, type EmulatorState } from './state';

interface AuthorizeRequest {
  app: EmulatedOAuthApp;
  redirectUri: string;
  scopes: string[];
  state: string;
}

/**
 * `GET /authorize`: the consent step of OAuth 2.0 (3LO). Unknown client, a redirect URI that is not
 * exactly a registered callback, or a wrong audience (it may be left out) → 400 page; otherwise the consent
 * script decides.
 */
export function handleAuthorize(state: EmulatorState, consent: ConsentScript, exchange: Exchange, authBase: string): Reply {
  const request = readAuthorizeRequest(state, exchange.query);
  if ('error' in request) return errorPage(request.error);
  switch (consent.behaviour.mode) {
    case 'accept':
      return acceptAs(state, request, DEMO_ACCOUNTS[consent.behaviour.role].accountId);
    case 'deny':
      return redirectWith(request.redirectUri, { error: 'access_denied', error_description: 'The user denied access.', state: request.state });
    case 'page':
      return consentPage(request, `${authBase}/authorize/consent`);
  }
}

/** `POST /authorize/consent`: the Accept / Deny buttons of the consent page. */
export function handleConsentForm(state: EmulatorState, exchange: Exchange): Reply {
  const form = new URLSearchParams(exchange.body);
  const request = readAuthorizeRequest(state, form);
  if ('error' in request) return errorPage(request.error);
  if (form.get('decision') !== 'accept') {
    return redirectWith(request.redirectUri, { error: 'access_denied', error_description: 'The user denied access.', state: request.state });
  }
  const role = form.get('account') === 'user' ? 'user' : 'admin';
  return acceptAs(state, request, DEMO_ACCOUNTS[role].accountId);
}

function readAuthorizeRequest(state: EmulatorState, params: URLSearchParams): AuthorizeRequest | { error: string } {
  const app = state.oauthApps.get(params.get('client_id') ?? '');
  if (!app) return { error: 'This app does not exist or the client ID is wrong.' };
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!app.callbackUrls.includes(redirectUri)) {
    return { error: 'The redirect_uri does not match any callback URL configured for this app.' };
  }
  if (params.get('response_type') !== 'code') return { error: 'response_type must be "code".' };
  // Current docs leave audience out; when it is given it must still be the API's.
  const audience = params.get('audience');
  if (audience !== null && audience !== 'api.atlassian.com') return { error: 'audience must be "api.atlassian.com".' };
  const scopes = (params.get('scope') ?? '').split(/\s+/).filter(Boolean);
  return { app, redirectUri, scopes, state: params.get('state') ?? '' };
}

/** The code grants what was asked for and what the app has in the console, nothing more. */
function acceptAs(state: EmulatorState, request: AuthorizeRequest, accountId: string): Reply {
  const code = randomToken('demo-code');
  state.authorizationCodes.set(code, {
    code,
    clientId: request.app.clientId,
    redirectUri: request.redirectUri,
    scopes: request.scopes.filter((scope) => request.app.scopes.includes(scope)),
    accountId,
    issuedAt: state.clock.now(),
    used: false,
  });
  return redirectWith(request.redirectUri, { code, state: request.state });
}

function redirectWith(redirectUri: string, params: Record<string, string>): Reply {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return { status: 302, headers: { Location: url.toString() } };
}

function errorPage(message: string): Reply {
  return { status: 400, html: page('Something went wrong', `<p role="alert">${escapeHtml(message)}</p>`) };
}

function consentPage(request: AuthorizeRequest, action: string): Reply {
  const hidden: Record<string, string> = {
    client_id: request.app.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scopes.join(' '),
    state: request.state,
    response_type: 'code',
  };
  const fields = Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  const scopes = request.scopes.map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`).join('');
  const accounts = (Object.keys(DEMO_ACCOUNTS) as DemoRole[])
    .map((role) => `<option value="${role}">${escapeHtml(DEMO_ACCOUNTS[role].displayName)}</option>`)
    .join('');
  const body = `<p>${escapeHtml(request.app.name)} is requesting access to your Atlassian account.</p>
<ul>${scopes}</ul>
<form method="post" action="${escapeHtml(action)}">${fields}
<label>Continue as <select name="account">${accounts}</select></label>
<button type="submit" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`;
  return { status: 200, html: page(`Authorize ${request.app.name}`, body) };
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}
