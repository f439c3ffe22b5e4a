import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_OAUTH_APPS, DEMO_OTHER_SITE, DEMO_SITE, DEMO_TOKENS, FakeClock, startEmulator, type Emulator } from '../../src/emulator';

let emulator: Emulator;
const clock = new FakeClock();
const ana = DEMO_ACCOUNTS.admin;
const uri = DEMO_ACCOUNTS.user;
const app = DEMO_OAUTH_APPS.kendis;

beforeAll(async () => {
  emulator = await startEmulator({ clock });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(() => {
  emulator.faults.clear();
  emulator.consent.showPage();
});

const basic = (email: string, token: string) => `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
const site = (path: string) => `${emulator.hosts.site(DEMO_SITE.host)}${path}`;
const gateway = (path: string) => `${emulator.hosts.api}/ex/jira/${DEMO_SITE.cloudId}${path}`;

async function get(url: string, authorization?: string) {
  const response = await fetch(url, { headers: authorization ? { authorization } : {} });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function postToken(body: Record<string, unknown>) {
  const response = await fetch(`${emulator.hosts.auth}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, string> };
}

/** The whole 3LO round trip: consent as Ana, exchange the code. */
async function consentAndExchange(scope: string) {
  emulator.consent.autoAccept('admin');
  const params = new URLSearchParams({
    audience: 'api.atlassian.com',
    client_id: app.clientId,
    scope,
    redirect_uri: app.callbackUrl,
    state: 'demo-state',
    response_type: 'code',
    prompt: 'consent',
  });
  const authorize = await fetch(`${emulator.hosts.auth}/authorize?${params}`, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  const code = new URL(authorize.headers.get('location')!).searchParams.get('code');
  return postToken({ grant_type: 'authorization_code', client_id: app.clientId, client_secret: app.clientSecret, code, redirect_uri: app.callbackUrl });
}

describe('wire behaviour', () => {
  it('tells each site’s Cloud ID without auth, and 404s an unknown site', async () => {
    expect(JSON.parse((await get(site('/_edge/tenant_info'))).text)).toEqual({ cloudId: DEMO_SITE.cloudId });
    const other = await get(`${emulator.hosts.site(DEMO_OTHER_SITE.host)}/_edge/tenant_info`);
    expect(JSON.parse(other.text)).toEqual({ cloudId: DEMO_OTHER_SITE.cloudId });
    expect((await get(`${emulator.hosts.site('nowhere.atlassian.net')}/_edge/tenant_info`)).status).toBe(404);
  });

  it('answers the recorded token-endpoint errors word for word', async () => {
    expect(
      await postToken({ grant_type: 'authorization_code', client_id: app.clientId, client_secret: 'demo-wrong', code: 'x', redirect_uri: app.callbackUrl }),
    ).toEqual({
      status: 401,
      json: { error: 'access_denied', error_description: 'Unauthorized' },
    });
    expect(
      await postToken({
        grant_type: 'authorization_code',
        client_id: app.clientId,
        client_secret: app.clientSecret,
        code: 'demo-invalid',
        redirect_uri: app.callbackUrl,
      }),
    ).toEqual({
      status: 400,
      json: { error: 'invalid_request', error_description: 'authorization_code is invalid' },
    });
    expect(
      (await postToken({ grant_type: 'refresh_token', client_id: app.clientId, client_secret: app.clientSecret, refresh_token: 'demo-unknown' })).json.error,
    ).toBe('unauthorized_client');
  });

  it('runs consent → code → tokens → accessible-resources', async () => {
    const tokens = await consentAndExchange('read:sprint:jira-software write:sprint:jira-software offline_access');
    expect(tokens.status).toBe(200);
    expect(tokens.json).toMatchObject({ expires_in: 3600, token_type: 'Bearer', scope: 'read:sprint:jira-software offline_access' });
    const resources = await get(`${emulator.hosts.api}/oauth/token/accessible-resources`, `Bearer ${tokens.json.access_token}`);
    expect(JSON.parse(resources.text)).toEqual([
      expect.objectContaining({ id: DEMO_SITE.cloudId, name: DEMO_SITE.name, url: `https://${DEMO_SITE.host}`, scopes: ['read:sprint:jira-software'] }),
    ]);
    expect((await get(`${emulator.hosts.api}/oauth/token/accessible-resources`, 'Bearer demo-nope')).status).toBe(401);
    // The token works on the gateway for what it holds, and says which check failed for what it lacks.
    expect((await get(gateway('/rest/agile/1.0/sprint/1'), `Bearer ${tokens.json.access_token}`)).status).toBe(200);
    const mismatch = await get(gateway('/rest/agile/1.0/board'), `Bearer ${tokens.json.access_token}`);
    expect(mismatch.status).toBe(401);
    expect(mismatch.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
    expect(JSON.parse(mismatch.text)).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
  });

  it('gives no refresh token without offline_access, and /me needs read:me', async () => {
    const tokens = await consentAndExchange('read:sprint:jira-software');
    expect(tokens.json.refresh_token).toBeUndefined();
    expect((await get(`${emulator.hosts.api}/me`, `Bearer ${tokens.json.access_token}`)).status).toBe(401);
    const { accessToken } = emulator.state.issueTokens({ clientId: app.clientId, accountId: ana.accountId, scopes: ['read:me'] });
    const me = await get(`${emulator.hosts.api}/me`, `Bearer ${accessToken}`);
    expect(JSON.parse(me.text)).toMatchObject({ account_id: ana.accountId, email: ana.email });
  });

  it('takes a scoped token only through the gateway, a classic one on both', async () => {
    const scoped = basic(ana.email, DEMO_TOKENS.kendisScopedAna.token);
    const onSite = await get(site('/rest/api/3/myself'), scoped);
    expect(onSite.status).toBe(401);
    expect(onSite.headers.get('content-type')).toBe('text/plain');
    expect(onSite.text).toBe('Client must be authenticated to access this resource.');
    expect((await get(site('/rest/api/3/issue/ACME-1'), scoped)).status).toBe(404);
    expect((await get(site('/rest/api/3/project/ACME'), scoped)).status).toBe(404);
    expect((await get(gateway('/rest/api/3/myself'), scoped)).status).toBe(200);
    const classic = basic(ana.email, ana.classicToken);
    expect((await get(site('/rest/api/3/myself'), classic)).status).toBe(200);
    expect((await get(gateway('/rest/api/3/myself'), classic)).status).toBe(200);
    const expired = basic(uri.email, DEMO_TOKENS.expiredUri.token);
    expect((await get(site('/rest/api/3/myself'), expired)).status).toBe(401);
    const onGateway = await get(gateway('/rest/api/3/myself'), expired);
    expect(onGateway.status).toBe(401);
    expect(onGateway.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_AUTH_MISMATCH');
    const anonymous = await get(site('/rest/api/3/serverInfo'), expired);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
    expect((await get(site('/rest/api/3/serverInfo'), classic)).headers.get('x-seraph-loginreason')).toBeNull();
  });

  it('404s an unknown Cloud ID on the gateway and unknown paths everywhere', async () => {
    expect((await get(`${emulator.hosts.api}/ex/jira/00000000-0000-0000-0000-000000000000/rest/api/3/serverInfo`)).status).toBe(404);
    expect((await get(`${emulator.url}/elsewhere`)).status).toBe(404);
    expect((await get(site('/rest/api/3/nothing-here'))).status).toBe(404);
  });
});

describe('robustness', () => {
  it('answers 400 to broken JSON and 413 to a huge body, and keeps serving', async () => {
    const broken = await fetch(site('/rest/api/3/permissions/check'), {
      method: 'POST',
      headers: { authorization: basic(ana.email, ana.classicToken), 'content-type': 'application/json' },
      body: '{"globalPermissions": [',
    });
    expect(broken.status).toBe(400);
    const huge = await fetch(`${emulator.hosts.auth}/oauth/token`, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024) }).catch(() => undefined);
    // Either the 413 arrives, or the socket closes while the client is still sending; both are refusals.
    if (huge) expect(huge.status).toBe(413);
    expect((await get(site('/_edge/tenant_info'))).status).toBe(200);
  });

  it('survives odd input: bad encodings, odd methods, unreadable credentials', async () => {
    const odd: [string, RequestInit][] = [
      [site('/rest/api/3/issue/%E0%A4%A'), { headers: { authorization: basic(ana.email, ana.classicToken) } }],
      [`${emulator.url}/site/%zz/rest/api/3/myself`, {}],
      [gateway('/rest/api/3/myself'), { headers: { authorization: 'Basic !!!not-base64' } }],
      [gateway('/rest/api/3/myself'), { method: 'PATCH', body: '[]', headers: { authorization: 'Negotiate x' } }],
      [`${emulator.hosts.auth}/authorize`, {}],
      [`${emulator.hosts.auth}/authorize/consent`, { method: 'POST', body: '%%%' }],
      [`${emulator.hosts.auth}/oauth/token`, { method: 'POST', body: '[1,2]' }],
    ];
    for (const [url, init] of odd) {
      const response = await fetch(url, init);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(response.status, url).toBeLessThan(500);
    }
    const head = await fetch(site('/rest/api/3/serverInfo'), { method: 'HEAD' });
    expect(head.status).toBe(200);
  });
});

describe('fault injection', () => {
  it('429 with Retry-After, 500, malformed JSON, each for `times` requests', async () => {
    emulator.faults.add({ host: 'site', pathPrefix: '/rest/api/3/myself', kind: '429', retryAfter: 7, times: 1 });
    const limited = await get(site('/rest/api/3/myself'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await get(site('/rest/api/3/myself'))).status).toBe(401);

    emulator.faults.add({ host: 'auth', kind: '500', times: 1 });
    expect((await postToken({})).status).toBe(500);

    emulator.faults.add({ pattern: /tenant_info$/, kind: 'malformed' });
    const malformed = await get(site('/_edge/tenant_info'));
    expect(malformed.status).toBe(200);
    expect((): unknown => JSON.parse(malformed.text)).toThrow();
  });

  it('adds latency per route and globally', async () => {
    emulator.faults.add({ pathPrefix: '/_edge', kind: 'latency', ms: 120 });
    let started = performance.now();
    await get(site('/_edge/tenant_info'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);

    emulator.faults.clear();
    emulator.faults.latency(80);
    started = performance.now();
    await get(site('/_edge/tenant_info'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
  });

  it('hangs until the client gives up, and resets the connection', async () => {
    emulator.faults.add({ kind: 'hang', times: 1 });
    await expect(fetch(site('/_edge/tenant_info'), { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    emulator.faults.add({ kind: 'reset', times: 1 });
    await expect(fetch(site('/_edge/tenant_info'))).rejects.toThrow();
    expect((await get(site('/_edge/tenant_info'))).status).toBe(200);
  });
});

describe('recording', () => {
  it('records every request, marks successful changes as mutations, and never records a secret', async () => {
    const from = emulator.requests.length;
    const classic = basic(ana.email, ana.classicToken);
    await get(gateway('/rest/agile/1.0/sprint/1'), classic);
    await fetch(gateway('/rest/agile/1.0/sprint/424242'), { method: 'DELETE', headers: { authorization: classic } });
    await fetch(site('/rest/api/3/permissions/check'), {
      method: 'POST',
      headers: { authorization: classic },
      body: JSON.stringify({ globalPermissions: ['ADMINISTER'] }),
    });
    const recorded = emulator.requests.slice(from);
    expect(recorded.map((r) => [r.method, r.status, r.mutated, r.authKind, r.operationId])).toEqual([
      ['GET', 200, false, 'basic', 'getSprint'],
      ['DELETE', 404, false, 'basic', 'deleteSprint'],
      ['POST', 200, false, 'basic', 'getBulkPermissions'],
    ]);
    expect(recorded[0]).toMatchObject({ host: 'api', path: `/ex/jira/${DEMO_SITE.cloudId}/rest/agile/1.0/sprint/1`, at: clock.now().toISOString() });
    expect(emulator.requests.every((r) => !r.mutated)).toBe(true);

    await fetch(site('/rest/agile/1.0/sprint/1'), { method: 'DELETE', headers: { authorization: classic } });
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 204, mutated: true, siteHost: DEMO_SITE.host });

    const everything = JSON.stringify(emulator.requests);
    const secrets = [
      ana.classicToken,
      uri.classicToken,
      DEMO_TOKENS.kendisScopedAna.token,
      DEMO_TOKENS.expiredUri.token,
      app.clientSecret,
      'demo-access-',
      'demo-refresh-',
      'demo-code-',
    ];
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});
