import { beforeEach, describe, expect, it } from 'vitest';
import { ConsentScript } from './consent';
import { DEMO_ACCOUNTS, DEMO_APP_SCOPES, DEMO_OAUTH_APPS } from './demo';
import { FakeClock } from './fake-clock';
import type { Reply } from './http';
import { handleAuthorize, handleConsentForm } from './oauth-authorize';
import { seedDemoTenant } from './seed';
import { EmulatorState } from './state';
import { exchangeOf } from './test-support';

const app = DEMO_OAUTH_APPS.kendis;
const AUTH_BASE = 'http://127.0.0.1:1/auth';
let state: EmulatorState;
let consent: ConsentScript;

beforeEach(() => {
  state = new EmulatorState(new FakeClock());
  seedDemoTenant(state);
  consent = new ConsentScript();
});

function authorizeParams(overrides: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    audience: 'api.atlassian.com',
    client_id: app.clientId,
    scope: 'read:sprint:jira-software write:sprint:jira-software offline_access',
    redirect_uri: app.callbackUrl,
    state: 'demo-state-1',
    response_type: 'code',
    prompt: 'consent',
    ...overrides,
  });
}

function authorize(overrides: Record<string, string> = {}): Reply {
  return handleAuthorize(state, consent, exchangeOf({ path: '/authorize', query: authorizeParams(overrides) }), AUTH_BASE);
}

function redirectedTo(reply: Reply): URL {
  expect(reply.status).toBe(302);
  return new URL(reply.headers!.Location!);
}

describe('authorize', () => {
  it('refuses an unknown client or a callback URL that is not an exact match', () => {
    expect(authorize({ client_id: 'demo-unknown' })).toMatchObject({ status: 400 });
    expect(authorize({ redirect_uri: `${app.callbackUrl}/` }).status).toBe(400);
    expect(authorize({ redirect_uri: app.callbackUrl.replace('https', 'http') }).status).toBe(400);
    expect(authorize({ response_type: 'token' }).status).toBe(400);
  });

  it('takes an authorize URL without audience (optional in current docs) but refuses a wrong one', () => {
    const params = authorizeParams();
    params.delete('audience');
    expect(handleAuthorize(state, consent, exchangeOf({ path: '/authorize', query: params }), AUTH_BASE).status).toBe(200);
    consent.autoAccept('admin');
    expect(redirectedTo(handleAuthorize(state, consent, exchangeOf({ path: '/authorize', query: params }), AUTH_BASE)).searchParams.get('code')).toBeTruthy();
    expect(authorize({ audience: 'api.example.com' })).toMatchObject({ status: 400, html: expect.stringContaining('audience') });
    expect(authorize({ audience: '' }).status).toBe(400);
  });

  it('shows a consent page listing the scopes by default', () => {
    const reply = authorize();
    expect(reply.status).toBe(200);
    expect(reply.html).toContain('<code>read:sprint:jira-software</code>');
    expect(reply.html).toContain(`action="${AUTH_BASE}/authorize/consent"`);
    expect(reply.html).toContain('value="accept"');
  });

  it('auto-accepts as a demo account: code bound to client, callback, account and granted scopes', () => {
    consent.autoAccept('user');
    const url = redirectedTo(authorize());
    expect(url.origin + url.pathname).toBe(app.callbackUrl);
    expect(url.searchParams.get('state')).toBe('demo-state-1');
    const code = state.authorizationCodes.get(url.searchParams.get('code')!)!;
    expect(code).toMatchObject({ clientId: app.clientId, redirectUri: app.callbackUrl, accountId: DEMO_ACCOUNTS.user.accountId });
    // Kendis' console lacks write:sprint:jira-software, so consent cannot grant it.
    expect(code.scopes).toEqual(['read:sprint:jira-software', 'offline_access']);
    expect(DEMO_APP_SCOPES.kendis).not.toContain('write:sprint:jira-software');
  });

  it('redirects with access_denied when the script denies', () => {
    consent.deny();
    const url = redirectedTo(authorize());
    expect(url.searchParams.get('error')).toBe('access_denied');
    expect(url.searchParams.get('state')).toBe('demo-state-1');
    expect(url.searchParams.get('code')).toBeNull();
  });
});

describe('consent form', () => {
  function submit(decision: string, account = 'admin'): Reply {
    const form = authorizeParams({ decision, account });
    return handleConsentForm(
      state,
      exchangeOf({ method: 'POST', path: '/authorize/consent', contentType: 'application/x-www-form-urlencoded', body: form.toString() }),
    );
  }

  it('Accept redirects with a code for the chosen account', () => {
    const url = redirectedTo(submit('accept', 'admin'));
    const code = state.authorizationCodes.get(url.searchParams.get('code')!);
    expect(code?.accountId).toBe(DEMO_ACCOUNTS.admin.accountId);
  });

  it('Accept works for a consent page opened without audience', () => {
    const form = authorizeParams({ decision: 'accept', account: 'admin' });
    form.delete('audience');
    const reply = handleConsentForm(
      state,
      exchangeOf({ method: 'POST', path: '/authorize/consent', contentType: 'application/x-www-form-urlencoded', body: form.toString() }),
    );
    expect(redirectedTo(reply).searchParams.get('code')).toBeTruthy();
  });

  it('Deny redirects with access_denied', () => {
    expect(redirectedTo(submit('deny')).searchParams.get('error')).toBe('access_denied');
  });
});
