/**
 * The gateway's and the site's answers to tokens, as recorded: how the client classifies each one, what the
 * token check concludes from them, and that the emulator serves each recording when provoked.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_MISMATCH_FAILURE, SCOPE_CHECK_FAILURE } from '../../src/core/atlassian';
import { fakeDeps, instantClock } from '../../src/core/atlassian/testing';
import { checkToken, type CheckDeps } from '../../src/core/checks';
import { DEMO_ACCOUNTS, DEMO_SITE, DEMO_TOKENS, startEmulator, type Emulator } from '../../src/emulator';
import { recorded } from '../../src/emulator/recorded';
import { recordedFetch, replayRecorded } from '../support/recorded';

describe('gateway and site answers, classified as recorded', () => {
  it.each([
    ['gateway.scope-mismatch', 'scope-mismatch', SCOPE_CHECK_FAILURE],
    // A client that kept no headers sees only the body: still a scope failure.
    ['gateway.scope-mismatch-body', 'scope-mismatch', undefined],
    ['gateway.bad-credentials', 'invalid-credentials', AUTH_MISMATCH_FAILURE],
    ['site.myself-not-authenticated', 'invalid-credentials', undefined],
    ['site.scoped-token-issue-read', 'not-found', undefined],
    ['site.issue-not-found', 'not-found', undefined],
    ['site.project-not-found', 'not-found', undefined],
  ] as const)('%s is read as %s', (name, kind, failureCategory) => {
    const outcome = replayRecorded(name);
    expect(outcome.kind).toBe(kind);
    expect(outcome.kind !== 'ok' && outcome.failureCategory).toBe(failureCategory ?? undefined);
  });

  it("'site.anonymous-bad-token' is a 200 all the same: only an authenticated endpoint proves a token", () => {
    expect(replayRecorded('site.anonymous-bad-token')).toMatchObject({ kind: 'ok', status: 200 });
  });
});

describe('the token check on recorded answers', () => {
  const input = { site: DEMO_SITE.host, email: 'ana@acme.example', token: 'demo-recorded-token', cloudId: DEMO_SITE.cloudId };
  // checkToken asks the site's /myself first, then the gateway's.
  const check = (...names: string[]) => checkToken(fakeDeps(recordedFetch(...names).fetch), input);
  const accepted = (report: Awaited<ReturnType<typeof check>>) => report.results.find((r) => r.id === 'token.accepted');

  it.each(['gateway.scope-mismatch', 'gateway.scope-mismatch-body'])(
    'takes a token the gateway refuses for scope (%s) for a valid scoped one',
    async (gatewayAnswer) => {
      const report = await check('site.myself-not-authenticated', gatewayAnswer);
      expect(report.kind).toBe('scoped');
      expect(accepted(report)).toMatchObject({ status: 'pass', evidence: { site: 'invalid-credentials', gateway: 'scope-mismatch' } });
      expect(accepted(report)?.title).toContain('cannot read its own account (it lacks read:jira-user');
      expect(report.results.some((r) => r.status === 'fail')).toBe(false);
    },
  );

  it('fails a token both refuse, naming the gateway’s auth-mismatch category in the evidence', async () => {
    const report = await check('site.myself-not-authenticated', 'gateway.bad-credentials');
    expect(report.kind).toBe('invalid');
    expect(accepted(report)).toMatchObject({ status: 'fail', title: 'Token not accepted', evidence: { gatewayFailureCategory: AUTH_MISMATCH_FAILURE } });
    expect(JSON.stringify(report)).not.toContain('demo-recorded-token');
  });
});

describe('the emulator serves the recordings', () => {
  let emulator: Emulator;
  let deps: CheckDeps;
  const ana = DEMO_ACCOUNTS.admin;
  const uri = DEMO_ACCOUNTS.user;
  // A scoped token of Ana's that cannot read her account: /myself needs read:jira-user or its granular set.
  const NO_ACCOUNT_TOKEN = 'demo-scoped-token-no-account';

  beforeAll(async () => {
    emulator = await startEmulator();
    emulator.state.addApiToken({ token: NO_ACCOUNT_TOKEN, accountId: ana.accountId, kind: 'scoped', scopes: ['read:project:jira'] });
    deps = { fetch: (url, init) => fetch(url, init), hosts: emulator.hosts, clock: instantClock(new Date()), timeoutMs: 1000, random: () => 0.5 };
  });
  afterEach(() => {
    emulator.state.wire.scopeFailureHeader = true;
  });
  afterAll(async () => {
    expect(emulator.requests.every((r) => !r.mutated)).toBe(true);
    await emulator.close();
  });

  const basic = (email: string, token: string) => `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
  const site = (path: string) => `${emulator.hosts.site(DEMO_SITE.host)}${path}`;
  const gateway = (path: string) => `${emulator.hosts.api}/ex/jira/${DEMO_SITE.cloudId}${path}`;

  /** Status, every recorded header, and the recorded body (or none, when none was recorded). */
  async function expectServed(url: string, authorization: string, name: string, options: { ownBody?: boolean } = {}) {
    const response = await fetch(url, { headers: { authorization } });
    const text = await response.text();
    const { status, headers, json, text: recordedText } = recorded(name).response;
    expect(response.status).toBe(status);
    for (const [header, value] of Object.entries(headers)) expect(response.headers.get(header)).toBe(value);
    if (json !== undefined) expect(JSON.parse(text)).toEqual(json);
    else if (recordedText !== undefined) expect(text).toBe(recordedText);
    else if (!options.ownBody) expect(text).toBe('');
    return { response, text };
  }

  it("serves 'gateway.scope-mismatch' for a request the token lacks a scope for", async () => {
    await expectServed(gateway('/rest/api/3/myself'), basic(ana.email, NO_ACCOUNT_TOKEN), 'gateway.scope-mismatch');
  });

  it("serves 'gateway.scope-mismatch-body', without the header, when the switch is off", async () => {
    emulator.state.wire.scopeFailureHeader = false;
    const { response } = await expectServed(gateway('/rest/api/3/myself'), basic(ana.email, NO_ACCOUNT_TOKEN), 'gateway.scope-mismatch-body');
    expect(response.headers.get('x-failure-category')).toBeNull();
  });

  it("serves 'gateway.bad-credentials' for credentials the gateway does not authenticate", async () => {
    await expectServed(gateway('/rest/api/3/myself'), basic(uri.email, DEMO_TOKENS.expiredUri.token), 'gateway.bad-credentials');
    await expectServed(gateway('/rest/api/3/myself'), basic(uri.email, ana.classicToken), 'gateway.bad-credentials');
  });

  it("serves 'site.myself-not-authenticated' to a scoped token on the site URL", async () => {
    await expectServed(site('/rest/api/3/myself'), basic(ana.email, DEMO_TOKENS.kendisScopedAna.token), 'site.myself-not-authenticated');
  });

  it("serves 'site.scoped-token-issue-read' and 'site.project-not-found' to a scoped token reading on the site URL", async () => {
    const scoped = basic(ana.email, DEMO_TOKENS.kendisScopedAna.token);
    await expectServed(site('/rest/api/3/issue/ACME-1'), scoped, 'site.scoped-token-issue-read');
    await expectServed(site('/rest/api/3/project/VULN'), scoped, 'site.project-not-found');
    // The recording asked for VULN; for another key Jira names that key instead.
    const other = await fetch(site('/rest/api/3/project/ACME'), { headers: { authorization: scoped } });
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ errorMessages: ["No project could be found with key 'ACME'."], errors: {} });
  });

  it("serves 'site.issue-not-found' for an issue that does not exist, on the site and through the gateway", async () => {
    await expectServed(site('/rest/api/3/issue/ACME-999'), basic(ana.email, ana.classicToken), 'site.issue-not-found');
    await expectServed(gateway('/rest/api/3/issue/ACME-999'), basic(ana.email, DEMO_TOKENS.kendisScopedAna.token), 'site.issue-not-found');
  });

  it("serves 'site.anonymous-bad-token' headers with serverInfo's own body to a bad token", async () => {
    const { text } = await expectServed(site('/rest/api/3/serverInfo'), basic(uri.email, DEMO_TOKENS.expiredUri.token), 'site.anonymous-bad-token', {
      ownBody: true,
    });
    expect(JSON.parse(text)).toMatchObject({ deploymentType: 'Cloud' });
  });

  it.each([true, false])('checks a scoped token that cannot read its own account as valid (failure header %s)', async (header) => {
    emulator.state.wire.scopeFailureHeader = header;
    const report = await checkToken(deps, { site: DEMO_SITE.host, email: ana.email, token: NO_ACCOUNT_TOKEN, expectedAccountId: ana.accountId });
    expect(report.kind).toBe('scoped');
    expect(report.results.find((r) => r.id === 'token.accepted')).toMatchObject({ status: 'pass' });
    expect(report.results.find((r) => r.id === 'token.owner')).toMatchObject({ status: 'warn', title: 'Could not confirm the token is yours' });
    expect(JSON.stringify(report)).not.toContain(NO_ACCOUNT_TOKEN);
  });

  it('fails an expired token, with the gateway’s auth-mismatch category as evidence', async () => {
    const report = await checkToken(deps, { site: DEMO_SITE.host, email: uri.email, token: DEMO_TOKENS.expiredUri.token });
    expect(report.kind).toBe('invalid');
    expect(report.results.find((r) => r.id === 'token.accepted')).toMatchObject({
      status: 'fail',
      evidence: { gatewayFailureCategory: AUTH_MISMATCH_FAILURE },
    });
  });
});
