import { describe, expect, it } from 'vitest';
import { fakeDeps, fakeFetch, type FakeReply } from '../atlassian/testing';
import { InputError } from '../model';
import { requireProfile } from '../profiles';
import { canonicalPermissions } from '../scopes';
import { checkDataCenter, permissionResults } from './data-center';
import { checkOAuthClient } from './oauth-client';
import { checkToken } from './token';

const BASE = 'https://jira.acme.com/jira';
const SECRET = 'demo-dc-secret-value';
const PAT = 'demo-dc-pat-value';
const kendis = requireProfile('kendis-dc-oauth');

async function resultFor(id: string, reply: FakeReply, input: Partial<Parameters<typeof checkDataCenter>[1]> = {}) {
  const fetch = fakeFetch(() => reply);
  const report = await checkDataCenter(fakeDeps(fetch, { maxRetries: 0 }), { baseUrl: BASE, ...input });
  expect(JSON.stringify(report)).not.toContain(SECRET);
  expect(JSON.stringify(report)).not.toContain(PAT);
  return report.results.find((r) => r.id === id);
}

const credentials = (reply: FakeReply) => resultFor('dc.credentials', reply, { clientId: 'demo-client', clientSecret: SECRET });
const token = (reply: FakeReply) => resultFor('dc.token', reply, { token: PAT });

describe('checkDataCenter: client credentials', () => {
  it('fails on invalid_client (401 or 400) and passes on 400 invalid_grant, saying it is inferred', async () => {
    const refused = await credentials({ status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed.' } });
    expect(refused).toMatchObject({ status: 'fail', fix: expect.stringContaining('Application links') });
    expect((await credentials({ status: 400, body: { error: 'invalid_client' } }))?.status).toBe('fail');
    const accepted = await credentials({ status: 400, body: { error: 'invalid_grant', error_description: 'Invalid code' } });
    expect(accepted).toMatchObject({ status: 'pass', detail: expect.stringContaining('RFC 6749') });
  });

  it.each<[string, FakeReply]>([
    ['404: no OAuth 2.0 provider', { status: 404, body: '<html>Not found</html>' }],
    ['500', { status: 500 }],
    ['503', { status: 503 }],
    ['429', { status: 429 }],
    ['400 invalid_request', { status: 400, body: { error: 'invalid_request' } }],
    ['401 without an OAuth error', { status: 401, body: '' }],
    ['403 invalid_grant (the Cloud answer)', { status: 403, body: { error: 'invalid_grant' } }],
    ['200 for a code that cannot exist', { status: 200, body: { access_token: 'x' } }],
    ['200 that is not JSON', { status: 200, body: '<html>' }],
    ['a redirect to a login page', { status: 302, headers: { Location: 'https://sso.acme.com' } }],
  ])('%s ⇒ unknown, never fail', async (_name, reply) => {
    expect((await credentials(reply))?.status).toBe('unknown');
  });

  it('names Jira 8.22 on a 404 and the env variable when the secret is missing', async () => {
    expect((await credentials({ status: 404 }))?.detail).toContain('8.22');
    const fetch = fakeFetch(() => ({ status: 500 }));
    const report = await checkDataCenter(fakeDeps(fetch), { baseUrl: BASE, clientId: 'demo-client' });
    expect(report.results[0]).toMatchObject({ id: 'dc.credentials', status: 'unknown', fix: expect.stringContaining('SCOPE_DOCTOR_CLIENT_SECRET') });
    expect(fetch.calls).toHaveLength(0);
  });

  it('sends the callback URL as redirect_uri and the form to {base}/rest/oauth2/latest/token', async () => {
    const fetch = fakeFetch(() => ({ status: 400, body: { error: 'invalid_grant' } }));
    await checkDataCenter(fakeDeps(fetch), { baseUrl: `${BASE}/`, clientId: 'demo-client', clientSecret: SECRET, callbackUrl: 'https://acme.kendis.io/cb' });
    expect(fetch.calls[0]?.url).toBe(`${BASE}/rest/oauth2/latest/token`);
    expect(new URLSearchParams(fetch.calls[0]?.init?.body ?? '').get('redirect_uri')).toBe('https://acme.kendis.io/cb');
  });
});

describe('checkDataCenter: personal access token', () => {
  it('passes on 200 with the user name and fails on 401', async () => {
    expect(await token({ status: 200, body: { name: 'ana', displayName: 'Ana Admin' } })).toMatchObject({
      status: 'pass',
      title: 'Token accepted for ana (Ana Admin)',
    });
    expect(await token({ status: 401, body: { errorMessages: ['You are not authenticated.'] } })).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('Personal Access Tokens'),
    });
  });

  it('reports a CAPTCHA challenge, other 403s, 404, 5xx and timeouts as unknown', async () => {
    const captcha = await token({
      status: 403,
      headers: { 'X-Authentication-Denied-Reason': 'CAPTCHA_CHALLENGE; login-url=https://jira.acme.com/jira/login.jsp' },
    });
    expect(captcha).toMatchObject({
      status: 'unknown',
      fix: expect.stringContaining('CAPTCHA'),
      evidence: expect.objectContaining({ authDeniedReason: 'CAPTCHA_CHALLENGE' }),
    });
    for (const reply of [{ status: 403 }, { status: 404 }, { status: 502 }, { status: 200, body: '<html>login</html>' }]) {
      expect((await token(reply))?.status).toBe('unknown');
    }
    const hang = fakeFetch(
      (_url, init) => new Promise<FakeReply>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    const report = await checkDataCenter(fakeDeps(hang, { timeoutMs: 20 }), { baseUrl: BASE, token: PAT });
    expect(report.results[0]).toMatchObject({ status: 'unknown', evidence: expect.objectContaining({ outcome: 'timeout' }) });
  });
});

describe('checkDataCenter: permission and callback', () => {
  const statusOf = (text: string) => permissionResults(text, kendis).find((r) => r.id === 'dc.permission')?.status;

  it('orders READ < WRITE < ADMIN < SYSTEM_ADMIN against what the profile needs', () => {
    expect([statusOf('READ'), statusOf('WRITE'), statusOf('ADMIN'), statusOf('SYSTEM_ADMIN')]).toEqual(['fail', 'fail', 'pass', 'warn']);
    expect(permissionResults('WRITE', kendis)[0]?.fix).toContain('Edit the application link → Permission → Admin');
    // An app link has one permission: a guide's "READ WRITE ADMIN" means ADMIN.
    expect(statusOf('READ, WRITE, ADMIN')).toBe('pass');
  });

  it('reads the drop-down labels people copy', () => {
    expect(canonicalPermissions('Admin')).toBe('ADMIN');
    expect(canonicalPermissions('System admin\nread')).toBe('SYSTEM_ADMIN\nREAD');
    expect(canonicalPermissions('read:jira-work, View sprints')).toBe('read:jira-work, View sprints');
    expect(statusOf('Admin')).toBe('pass');
  });

  it('explains Cloud scopes in a Data Center list', () => {
    const onlyCloud = permissionResults('read:jira-work write:jira-work', kendis);
    expect(onlyCloud.find((r) => r.id === 'dc.scopes.cloud')).toMatchObject({ status: 'fail', detail: expect.stringContaining('Jira Cloud scopes') });
    expect(onlyCloud.find((r) => r.id === 'dc.permission')?.status).toBe('fail');
    expect(permissionResults('ADMIN read:jira-work', kendis).find((r) => r.id === 'dc.scopes.cloud')?.status).toBe('warn');
  });

  it('without a profile reports the permission it was given', () => {
    expect(permissionResults('WRITE', undefined)).toEqual([expect.objectContaining({ id: 'dc.permission', status: 'pass', title: 'Permission WRITE' })]);
    expect(permissionResults('ADMN', undefined)[0]?.status).toBe('fail');
  });

  it('checks the callback URL for shape only and says it must match the Redirect URL', async () => {
    const fetch = fakeFetch(() => ({ status: 500 }));
    const check = (callbackUrl: string) => checkDataCenter(fakeDeps(fetch), { baseUrl: BASE, callbackUrl }).then((r) => r.results[0]);
    expect(await check('https://acme.kendis.io/oauth/jira/callback')).toMatchObject({
      id: 'dc.callback-url',
      status: 'pass',
      detail: expect.stringContaining('Redirect URL'),
    });
    expect((await check('http://acme.kendis.io/cb'))?.status).toBe('fail');
    expect((await check('https://acme.kendis.io/cb/'))?.status).toBe('warn');
    expect((await check('not a url'))?.status).toBe('fail');
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('input', () => {
  it('refuses a bad base URL, a Cloud profile or nothing to check before any request', async () => {
    const fetch = fakeFetch(() => ({ status: 200, body: {} }));
    const deps = fakeDeps(fetch);
    await expect(checkDataCenter(deps, { baseUrl: 'http://jira.acme.com', token: PAT })).rejects.toThrow(InputError);
    await expect(checkDataCenter(deps, { baseUrl: BASE, token: PAT, profile: requireProfile('kendis-cloud-oauth') })).rejects.toThrow(/Jira Cloud profile/);
    await expect(checkDataCenter(deps, { baseUrl: BASE })).rejects.toThrow(/Nothing to check/);
    expect(fetch.calls).toHaveLength(0);
  });

  it('keeps the Cloud checks away from Data Center profiles', async () => {
    const fetch = fakeFetch(() => ({ status: 200, body: {} }));
    const oauth = checkOAuthClient(fakeDeps(fetch), { clientId: 'x', clientSecret: 'y', scopes: 'ADMIN', profile: kendis });
    await expect(oauth).rejects.toThrow(InputError);
    await expect(oauth).rejects.toThrow(/Jira Data Center profile.*scope-doctor dc --base-url/);
    await expect(checkToken(fakeDeps(fetch), { site: 'acme', email: 'a@b.example', token: 'x', profile: kendis })).rejects.toThrow(/scope-doctor dc/);
    expect(fetch.calls).toHaveLength(0);
  });
});
