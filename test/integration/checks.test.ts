import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gatewayRequest, mapLimit } from '../../src/core/atlassian';
import { instantClock } from '../../src/core/atlassian/testing';
import { allScopes } from '../../src/core/catalog';
import {
  checkOAuthClient,
  checkToken,
  finishConsent,
  lookupCloudId,
  probesFor,
  startConsent,
  verdictOf,
  type CheckDeps,
  type ResultId,
} from '../../src/core/checks';
import { InputError, type Report } from '../../src/core/model';
import { requireProfile } from '../../src/core/profiles';
import {
  DEMO_ACCOUNTS,
  DEMO_APP_SCOPES,
  DEMO_OAUTH_APPS,
  DEMO_OTHER_SITE,
  DEMO_SITE,
  DEMO_TOKENS,
  startEmulator,
  type Emulator,
  type FaultKind,
} from '../../src/emulator';

let emulator: Emulator;
let deps: CheckDeps;
const reports: Report[] = [];
const SECRETS = [
  ...Object.values(DEMO_TOKENS).map((t) => t.token),
  ...Object.values(DEMO_ACCOUNTS).map((a) => a.classicToken),
  ...Object.values(DEMO_OAUTH_APPS).map((a) => a.clientSecret),
];

beforeAll(async () => {
  emulator = await startEmulator();
  // timeoutMs: long enough for a loaded 2-core machine to answer 26 parallel requests; each hang fault waits it out once.
  deps = { fetch: (url, init) => fetch(url, init), hosts: emulator.hosts, clock: instantClock(new Date()), timeoutMs: 1500, random: () => 0.5 };
});
afterEach(() => {
  emulator.faults.clear();
  emulator.state.wire.tokenEndpoint = 'current';
});
afterAll(async () => {
  // Whatever ran above: nothing was changed and no credential leaked into a report.
  expect(emulator.requests.length).toBeGreaterThan(0);
  expect(emulator.requests.every((r) => !r.mutated)).toBe(true);
  const json = JSON.stringify(reports);
  for (const secret of SECRETS) expect(json).not.toContain(secret);
  await emulator.close();
});

function keep<T extends Report>(report: T): T {
  reports.push(report);
  return report;
}

const byId = (report: Report, id: ResultId) => report.results.find((r) => r.id === id);
const FAULTS: { kind: FaultKind; ms?: number }[] = [{ kind: '429' }, { kind: '500' }, { kind: 'malformed' }, { kind: 'hang' }, { kind: 'reset' }];

describe('lookupCloudId against the emulator', () => {
  it('reads each demo site’s Cloud ID', async () => {
    expect(keep(await lookupCloudId(deps, 'acme')).cloudId).toBe(DEMO_SITE.cloudId);
    expect(keep(await lookupCloudId(deps, `https://${DEMO_OTHER_SITE.host}/jira`)).cloudId).toBe(DEMO_OTHER_SITE.cloudId);
  });
  it('fails for a site that does not exist', async () => {
    const report = keep(await lookupCloudId(deps, 'nosuchsite'));
    expect(report.verdict).toBe('fail');
    expect(byId(report, 'cloud-id')?.fix).toContain('admin.atlassian.com');
  });
  it('refuses a non-Atlassian host before any request', async () => {
    const before = emulator.requests.length;
    await expect(lookupCloudId(deps, '127.0.0.1')).rejects.toThrow(InputError);
    expect(emulator.requests.length).toBe(before);
  });
  it.each(FAULTS)('says unknown, never fail, on a $kind fault', async (fault) => {
    emulator.faults.add({ pattern: /tenant_info$/, ...fault, retryAfter: 0 });
    expect(keep(await lookupCloudId(deps, 'acme')).verdict).toBe('unknown');
  });
});

describe('checkOAuthClient against the emulator', () => {
  const kendis = DEMO_OAUTH_APPS.kendis;
  const base = {
    clientId: kendis.clientId,
    callbackUrl: kendis.callbackUrl,
    scopes: DEMO_APP_SCOPES.kendis.join('\n'),
    profile: requireProfile('kendis-cloud-oauth'),
  };

  it('accepts the Kendis credentials and names the missing sprint scope', async () => {
    const report = keep(await checkOAuthClient(deps, { ...base, clientSecret: kendis.clientSecret }));
    expect(byId(report, 'oauth.credentials')?.status).toBe('pass');
    expect(report.coverage?.missing).toContain('write:sprint:jira-software');
    expect(report.verdict).toBe('fail');
  });
  it('fails a wrong secret with the console fix', async () => {
    const report = keep(await checkOAuthClient(deps, { ...base, clientSecret: 'demo-wrong-secret' }));
    expect(byId(report, 'oauth.credentials')).toMatchObject({ status: 'fail', fix: expect.stringContaining('Settings') });
  });
  it('notes, as information, that the Targetprocess console list has no offline_access', async () => {
    const tp = DEMO_OAUTH_APPS.targetprocess;
    const scopes = DEMO_APP_SCOPES.targetprocess.filter((s) => s !== 'offline_access').join(' ');
    const report = keep(
      await checkOAuthClient(deps, {
        clientId: tp.clientId,
        clientSecret: tp.clientSecret,
        callbackUrl: tp.callbackUrl,
        scopes,
        profile: requireProfile('targetprocess'),
      }),
    );
    // The integration adds it to its authorize URL, which a console list cannot show: information.
    expect(byId(report, 'oauth.scopes.offline-access')).toMatchObject({ status: 'info', detail: expect.stringContaining('authorize URL') });
  });
  it('tells the OneConnect callback region apart', async () => {
    const oc = DEMO_OAUTH_APPS.oneconnect;
    const report = keep(
      await checkOAuthClient(deps, {
        clientId: oc.clientId,
        clientSecret: oc.clientSecret,
        callbackUrl: 'https://eu.oneconnect.ai/oauth/jira/callback/',
        scopes: DEMO_APP_SCOPES.oneconnect.join(','),
        profile: requireProfile('oneconnect-oauth-full'),
      }),
    );
    expect(byId(report, 'oauth.callback-url')?.detail).toContain('trailing slash');
  });
  it.each(FAULTS)('says unknown for the credentials on a $kind fault', async (fault) => {
    emulator.faults.add({ host: 'auth', ...fault, retryAfter: 0 });
    const report = keep(await checkOAuthClient(deps, { ...base, clientSecret: kendis.clientSecret }));
    expect(byId(report, 'oauth.credentials')?.status).toBe('unknown');
  });
});

describe('checkToken against the emulator', () => {
  const kendisToken = requireProfile('kendis-user-token');
  const ana = { site: DEMO_SITE.host, email: DEMO_ACCOUNTS.admin.email };

  it('finds Ana’s scoped token missing exactly the two write scopes', async () => {
    const report = keep(await checkToken(deps, { ...ana, token: DEMO_TOKENS.kendisScopedAna.token, profile: kendisToken }));
    expect(report.kind).toBe('scoped');
    expect(report.accountId).toBe(DEMO_ACCOUNTS.admin.accountId);
    expect(report.gatewayUrl).toBe(`https://api.atlassian.com/ex/jira/${DEMO_SITE.cloudId}`);
    expect(
      report.probes
        .filter((p) => p.status === 'missing')
        .map((p) => p.scope)
        .sort(),
    ).toEqual([...DEMO_TOKENS.kendisScopedAna.omittedFromKendisProfile].sort());
    // Every other scope a safe request can tell is confirmed; the rest say why no request can.
    expect(report.probes.filter((p) => p.status === 'held')).toHaveLength(10);
    expect(report.probeRounds).toBeLessThanOrEqual(2);
    expect(byId(report, 'token.scopes.undecidable')?.detail).toContain(
      'delete:comment:jira: every safe request that needs it is also allowed by write:jira-work',
    );
    expect(byId(report, 'token.scopes.unprobeable')?.detail).toContain('delete:cmdb-object:jira');
    expect(byId(report, 'token.scopes.ambiguous')).toBeUndefined();
    expect(byId(report, 'token.kind')?.status).toBe('warn');
    expect(byId(report, 'token.scopes.missing')?.fix).toContain('cannot change');
    expect(report.verdict).toBe('fail');
  });
  it('finds nothing missing on Uri’s complete token', async () => {
    const report = keep(
      await checkToken(deps, { site: DEMO_SITE.host, email: DEMO_ACCOUNTS.user.email, token: DEMO_TOKENS.kendisScopedUri.token, profile: kendisToken }),
    );
    expect(report.probes.some((p) => p.status === 'missing')).toBe(false);
    expect(report.verdict).toBe('warn');
  });
  it('recognises a classic token and says scopes do not apply', async () => {
    const report = keep(await checkToken(deps, { ...ana, token: DEMO_ACCOUNTS.admin.classicToken, profile: kendisToken, cloudId: DEMO_SITE.cloudId }));
    expect(report.kind).toBe('classic');
    expect(byId(report, 'token.scopes')?.title).toContain('do not apply');
  });
  it('fails an expired token with the fix', async () => {
    const report = keep(await checkToken(deps, { site: DEMO_SITE.host, email: DEMO_ACCOUNTS.user.email, token: DEMO_TOKENS.expiredUri.token }));
    expect(report.kind).toBe('invalid');
    expect(byId(report, 'token.accepted')?.fix).toContain('id.atlassian.com/manage-profile/security/api-tokens');
  });
  it('fails a token that belongs to someone else, naming whose it is', async () => {
    const report = keep(await checkToken(deps, { ...ana, token: DEMO_ACCOUNTS.admin.classicToken, expectedAccountId: DEMO_ACCOUNTS.user.accountId }));
    expect(byId(report, 'token.accepted')).toMatchObject({ status: 'pass' });
    expect(byId(report, 'token.owner')).toMatchObject({ status: 'fail', title: `This token belongs to someone else: ${DEMO_ACCOUNTS.admin.email}` });
    expect(report.verdict).toBe('fail');
  });
  it('calls a past expiry date of a working token wrong, and an expired token expired', async () => {
    const past = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const future = new Date(Date.now() + 211 * 86_400_000).toISOString().slice(0, 10);
    const working = keep(await checkToken(deps, { ...ana, token: DEMO_ACCOUNTS.admin.classicToken, expiresOn: past }));
    expect(byId(working, 'token.expiry')).toMatchObject({ status: 'warn', title: 'The expiry date you entered seems wrong' });
    const expired = { site: DEMO_SITE.host, email: DEMO_ACCOUNTS.user.email, token: DEMO_TOKENS.expiredUri.token };
    expect(byId(keep(await checkToken(deps, { ...expired, expiresOn: past })), 'token.expiry')).toMatchObject({ status: 'fail', title: `Expired on ${past}` });
    // A refused token's future date would read "Expires in 211 days": it says nothing, so it is left out.
    expect(byId(keep(await checkToken(deps, { ...expired, expiresOn: future })), 'token.expiry')).toBeUndefined();
  });
  it('warns when the token expires within 30 days', async () => {
    const soon = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
    const report = keep(await checkToken(deps, { ...ana, token: DEMO_ACCOUNTS.admin.classicToken, expiresOn: soon }));
    expect(byId(report, 'token.expiry')?.status).toBe('warn');
  });
  it.each(FAULTS)('says unknown, never fail, on a $kind fault from the gateway', async (fault) => {
    emulator.faults.add({ host: 'api', ...fault, retryAfter: 0 });
    const report = keep(await checkToken(deps, { ...ana, token: DEMO_TOKENS.kendisScopedAna.token, profile: kendisToken }));
    expect(report.results.some((r) => r.status === 'fail')).toBe(false);
    expect(report.verdict).toBe('unknown');
  });
  it('keeps a probe fault as unknown for that scope only', async () => {
    emulator.faults.add({ host: 'api', pathPrefix: '/rest/agile/1.0/sprint', kind: '500' });
    const report = keep(await checkToken(deps, { ...ana, token: DEMO_TOKENS.kendisScopedAna.token, profile: kendisToken }));
    expect(byId(report, 'token.scopes.unanswered')?.status).toBe('unknown');
    expect(report.results.every((r) => r.status !== 'fail' || r.id === 'token.scopes.missing')).toBe(true);
  });
});

describe('probe requests against the emulator', () => {
  const classic = { basic: { email: DEMO_ACCOUNTS.admin.email, token: DEMO_ACCOUNTS.admin.classicToken } };

  it('changes nothing with any request a probe can send, even with a token allowed everything', async () => {
    // A classic token passes every scope check: each request reaches the point where Jira would act on it.
    const every = [...new Set(allScopes().flatMap(({ scope }) => probesFor(scope)))];
    const from = emulator.requests.length;
    const patient = { ...deps, timeoutMs: 10_000 };
    const outcomes = await mapLimit(every, 24, (probe) => gatewayRequest(patient, DEMO_SITE.cloudId, probe.method, probe.path, classic));
    const recorded = emulator.requests.slice(from);
    expect(recorded).toHaveLength(every.length);
    expect(recorded.filter((r) => r.mutated)).toEqual([]);
    expect(outcomes.filter((o) => verdictOf(o) !== 'allowed').map((o) => [o.request, o.kind, o.status])).toEqual([]);
  });

  it('reads the gateway’s 404 for a path it does not route as no answer at all', async () => {
    const outcome = await gatewayRequest(deps, DEMO_SITE.cloudId, 'GET', '/rest/api/3/no-such-resource/999999999999999999', classic);
    expect(outcome).toMatchObject({ kind: 'not-found', jiraErrorShape: false });
    expect(verdictOf(outcome)).toBe('inconclusive');
  });
});

describe('consent test against the emulator', () => {
  const kendis = DEMO_OAUTH_APPS.kendis;

  async function redirectAfterConsent(authorizeUrl: string): Promise<string> {
    const response = await fetch(authorizeUrl, { redirect: 'manual' });
    return response.headers.get('location') ?? '';
  }

  it('reads the really granted scopes and drops the tokens', async () => {
    emulator.consent.autoAccept('admin');
    const start = startConsent(deps, { clientId: kendis.clientId, callbackUrl: kendis.callbackUrl, scopes: DEMO_APP_SCOPES.kendis });
    expect(start.authorizeUrl).toContain('prompt=consent');
    const redirectedUrl = await redirectAfterConsent(start.authorizeUrl);
    const report = keep(
      await finishConsent(deps, {
        clientId: kendis.clientId,
        clientSecret: kendis.clientSecret,
        callbackUrl: kendis.callbackUrl,
        state: start.state,
        redirectedUrl,
        profile: requireProfile('kendis-cloud-oauth'),
      }),
    );
    expect(report.resources[0]?.id).toBe(DEMO_SITE.cloudId);
    expect(report.coverage?.missing).toContain('write:sprint:jira-software');
    expect(JSON.stringify(report)).not.toMatch(/access_token|refresh_token/);
    expect(emulator.requests.some((r) => r.path === '/oauth/token' && r.status === 200)).toBe(true);
  });
  it('confirms a refresh token comes back when offline_access is asked for, and fails when none does', async () => {
    emulator.consent.autoAccept('admin');
    const tp = DEMO_OAUTH_APPS.targetprocess;
    const profile = requireProfile('targetprocess');
    const consentWith = async (scopes: readonly string[]) => {
      const start = startConsent(deps, { clientId: tp.clientId, callbackUrl: tp.callbackUrl, scopes: [...scopes] });
      const redirectedUrl = await redirectAfterConsent(start.authorizeUrl);
      return keep(
        await finishConsent(deps, {
          clientId: tp.clientId,
          clientSecret: tp.clientSecret,
          callbackUrl: tp.callbackUrl,
          state: start.state,
          redirectedUrl,
          profile,
        }),
      );
    };
    expect(byId(await consentWith(DEMO_APP_SCOPES.targetprocess), 'consent.offline-access')?.status).toBe('pass');
    const without = DEMO_APP_SCOPES.targetprocess.filter((s) => s !== 'offline_access');
    expect(byId(await consentWith(without), 'consent.offline-access')?.status).toBe('fail');
    emulator.consent.showPage();
  });
  it.each(['current', 'older-403'] as const)('names a code used twice (%s token endpoint) and a wrong secret on exchange', async (mode) => {
    emulator.state.wire.tokenEndpoint = mode;
    emulator.consent.autoAccept('admin');
    const finish = async (clientSecret: string) => {
      const start = startConsent(deps, { clientId: kendis.clientId, callbackUrl: kendis.callbackUrl, scopes: ['read:project:jira'] });
      const redirectedUrl = await redirectAfterConsent(start.authorizeUrl);
      const input = { clientId: kendis.clientId, clientSecret, callbackUrl: kendis.callbackUrl, state: start.state, redirectedUrl };
      return { first: keep(await finishConsent(deps, input)), again: () => finishConsent(deps, input).then(keep) };
    };
    const right = await finish(kendis.clientSecret);
    expect(right.first.verdict).toBe('pass');
    const reused = byId(await right.again(), 'consent.exchange');
    expect(reused).toMatchObject({ status: 'fail', evidence: { httpStatus: mode === 'current' ? 400 : 403 } });
    expect(reused?.detail).toMatch(/10 minutes.*used already.*redirect_uri/);
    const wrong = byId((await finish('demo-wrong-secret')).first, 'consent.exchange');
    expect(wrong).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('client ID or secret'),
      evidence: { httpStatus: 401, error: 'access_denied' },
    });
    emulator.consent.showPage();
  });
  it('fails when consent is declined and refuses a foreign state', async () => {
    emulator.consent.deny();
    const start = startConsent(deps, { clientId: kendis.clientId, callbackUrl: kendis.callbackUrl, scopes: ['read:project:jira'] });
    const redirectedUrl = await redirectAfterConsent(start.authorizeUrl);
    const input = { clientId: kendis.clientId, clientSecret: kendis.clientSecret, callbackUrl: kendis.callbackUrl, redirectedUrl };
    expect(keep(await finishConsent(deps, { ...input, state: start.state })).verdict).toBe('fail');
    await expect(finishConsent(deps, { ...input, state: 'another-state' })).rejects.toThrow(InputError);
    emulator.consent.showPage();
  });
});
