import { describe, expect, it } from 'vitest';
import { fakeDeps, fakeFetch, type FakeReply } from '../atlassian/testing';
import type { Report } from '../model';
import { finishConsent, startConsent } from './consent';

const SECRET = 'demo-consent-secret-value';
const CODE = 'demo-code-from-the-redirect';
const ACCESS = 'demo-access-token-value';
const base = { clientId: 'demo-client', clientSecret: SECRET, callbackUrl: 'https://acme.example/callback', state: 'demo-state' };
const redirectedUrl = `${base.callbackUrl}?code=${CODE}&state=demo-state`;
const SITES = [{ id: 'demo-cloud-id', name: 'Acme', url: 'https://acme.atlassian.net', scopes: ['read:jira-work'] }];

/** The token endpoint answers `token`; accessible-resources lists the demo site. */
function finish(token: FakeReply) {
  const fetch = fakeFetch((url) => (url.endsWith('/oauth/token') ? token : { status: 200, body: SITES }));
  return finishConsent(fakeDeps(fetch), { ...base, redirectedUrl }).then((report) => ({ report, fetch }));
}

const exchangeOf = (report: Report) => report.results.find((r) => r.id === 'consent.exchange');

describe('finishConsent code exchange', () => {
  it.each<[string, FakeReply]>([
    ['today’s 400 invalid_request', { status: 400, body: { error: 'invalid_request', error_description: 'authorization_code is invalid' } }],
    ['the older 403 invalid_grant', { status: 403, body: { error: 'invalid_grant', error_description: 'Invalid authorization code' } }],
  ])('names a refused code (%s): expired, used already, or another redirect_uri', async (_name, reply) => {
    const { report } = await finish(reply);
    const result = exchangeOf(report);
    expect(result).toMatchObject({ status: 'fail', fix: expect.stringContaining('again') });
    expect(result?.detail).toMatch(/10 minutes/);
    expect(result?.detail).toMatch(/used already/);
    expect(result?.detail).toMatch(/redirect_uri/);
    expect(result?.evidence).toMatchObject({ httpStatus: reply.status, error: (reply.body as { error: string }).error });
  });

  it('says the client ID or secret is wrong on 401 access_denied', async () => {
    const { report } = await finish({ status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } });
    expect(exchangeOf(report)).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('client ID or secret'),
      fix: expect.stringContaining('Settings'),
    });
  });

  it.each<[string, FakeReply]>([
    ['a 429', { status: 429, headers: { 'Retry-After': '60' } }],
    ['a 5xx', { status: 502 }],
    ['a 401 without access_denied', { status: 401 }],
    ['a 400 with another error', { status: 400, body: { error: 'unsupported_grant_type' } }],
    ['a reply without tokens', { status: 200, body: {} }],
  ])('says unknown, never fail, on %s', async (_name, reply) => {
    const { report } = await finish(reply);
    expect(exchangeOf(report)?.status).toBe('unknown');
    expect(report.verdict).toBe('unknown');
  });

  it('reads the granted sites with the code’s access token once, never refreshes, and leaks nothing', async () => {
    const { report, fetch } = await finish({ status: 200, body: { access_token: ACCESS, refresh_token: 'demo-refresh-value', expires_in: 3600 } });
    expect(report.resources.map((r) => r.id)).toEqual(['demo-cloud-id']);
    expect(fetch.calls.map((c) => c.url.replace(/^https:\/\/[^/]+/, ''))).toEqual(['/oauth/token', '/oauth/token/accessible-resources']);
    expect(JSON.parse(String(fetch.calls[0]?.init?.body))).toMatchObject({ grant_type: 'authorization_code', code: CODE, redirect_uri: base.callbackUrl });
    const json = JSON.stringify(report);
    for (const secret of [SECRET, CODE, ACCESS, 'demo-refresh-value']) expect(json).not.toContain(secret);
  });

  it('never shows the secret or the code when the exchange fails', async () => {
    for (const reply of [{ status: 400, body: { error: 'invalid_request' } }, { status: 401, body: { error: 'access_denied' } }, { status: 500 }]) {
      const json = JSON.stringify((await finish(reply)).report);
      expect(json).not.toContain(SECRET);
      expect(json).not.toContain(CODE);
    }
  });
});

describe('finishConsent, landing elsewhere than on a code', () => {
  const paste = (url: string) => {
    const fetch = fakeFetch(() => ({ status: 500 }));
    return finishConsent(fakeDeps(fetch), { ...base, redirectedUrl: url }).then((report) => ({ report, fetch }));
  };

  it('names Atlassian’s own page as redirect_uri not matching, with both URLs, and sends nothing', async () => {
    const authorize = `https://auth.atlassian.com/authorize?client_id=demo-client&redirect_uri=${encodeURIComponent(base.callbackUrl)}&state=demo-state`;
    const { report, fetch } = await paste(authorize);
    const result = report.results[0];
    expect(result).toMatchObject({ id: 'consent.redirect', status: 'fail', title: 'Atlassian did not redirect back to the callback URL' });
    expect(result?.detail).toContain('redirect_uri does not match');
    expect(result?.detail).toContain(`Sent as redirect_uri: ${base.callbackUrl}`);
    expect(result?.detail).toContain('You pasted: https://auth.atlassian.com/authorize');
    expect(result?.fix).toContain(base.callbackUrl);
    expect(report).toMatchObject({ clientId: 'demo-client', resources: [] });
    expect(fetch.calls).toEqual([]);
  });

  it('still refuses Atlassian’s page of another consent attempt', async () => {
    await expect(paste('https://auth.atlassian.com/authorize?state=another-state')).rejects.toThrow(/another consent attempt/);
  });

  it('names an error= redirect with its description and both URLs', async () => {
    const { report } = await paste(`https://elsewhere.example/cb?error=invalid_request&error_description=redirect_uri+mismatch&state=demo-state`);
    const result = report.results[0];
    expect(result).toMatchObject({ status: 'fail', title: 'Atlassian redirected with error=invalid_request' });
    expect(result?.detail).toContain('"redirect_uri mismatch"');
    expect(result?.detail).toContain('Redirected to: https://elsewhere.example/cb');
    expect(result?.detail).toContain(`This connection's callback URL: ${base.callbackUrl}`);
    expect(result?.fix).toContain(base.callbackUrl);
  });

  it('names a declined consent', async () => {
    const { report } = await paste(`${base.callbackUrl}?error=access_denied&state=demo-state`);
    expect(report.results[0]).toMatchObject({ status: 'fail', title: 'Consent declined (error=access_denied)', fix: expect.stringContaining('Accept') });
  });

  it('asks for the full address when the URL has neither code nor error, naming the one expected', async () => {
    await expect(paste(`${base.callbackUrl}?state=demo-state`)).rejects.toThrow(`It should start with ${base.callbackUrl}`);
  });

  it('records the app and the refresh token of a finished consent', async () => {
    const { report } = await finish({ status: 200, body: { access_token: ACCESS, refresh_token: 'demo-refresh-value' } });
    expect(report).toMatchObject({ clientId: 'demo-client', refreshTokenIssued: true });
  });
});

describe('startConsent', () => {
  it('builds the documented authorize URL with a fresh state', () => {
    const deps = fakeDeps(fakeFetch(() => ({ status: 500 })));
    const start = startConsent(deps, { clientId: 'demo-client', callbackUrl: base.callbackUrl, scopes: ['read:jira-work', 'offline_access'] });
    const url = new URL(start.authorizeUrl);
    expect(url.origin + url.pathname).toBe('https://auth.atlassian.com/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'demo-client',
      redirect_uri: base.callbackUrl,
      response_type: 'code',
      prompt: 'consent',
      state: start.state,
    });
    expect(start.state).toMatch(/^[0-9a-f]{32}$/);
  });
});
