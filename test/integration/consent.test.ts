/** The consent test (src/core/checks/consent.ts) against the emulator. */
import { describe, expect, it } from 'vitest';
import { finishConsent, startConsent } from '../../src/core/checks';
import { InputError } from '../../src/core/model';
import { requireProfile } from '../../src/core/profiles';
import { DEMO_APP_SCOPES, DEMO_OAUTH_APPS, DEMO_SITE } from '../../src/emulator';
import { byId, useCheckRun } from '../support/check-run';

const { emulator, deps, keep } = useCheckRun();

describe('consent test against the emulator', () => {
  const kendis = DEMO_OAUTH_APPS.kendis;

  async function redirectAfterConsent(authorizeUrl: string): Promise<string> {
    const response = await fetch(authorizeUrl, { redirect: 'manual' });
    return response.headers.get('location') ?? '';
  }

  it('reads the really granted scopes and drops the tokens', async () => {
    emulator().consent.autoAccept('admin');
    const start = startConsent(deps(), { clientId: kendis.clientId, callbackUrl: kendis.callbackUrl, scopes: DEMO_APP_SCOPES.kendis });
    expect(start.authorizeUrl).toContain('prompt=consent');
    const redirectedUrl = await redirectAfterConsent(start.authorizeUrl);
    const report = keep(
      await finishConsent(deps(), {
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
    expect(emulator().requests.some((r) => r.path === '/oauth/token' && r.status === 200)).toBe(true);
  });
  it('confirms a refresh token comes back when offline_access is asked for, and fails when none does', async () => {
    emulator().consent.autoAccept('admin');
    const tp = DEMO_OAUTH_APPS.targetprocess;
    const profile = requireProfile('targetprocess');
    const consentWith = async (scopes: readonly string[]) => {
      const start = startConsent(deps(), { clientId: tp.clientId, callbackUrl: tp.callbackUrl, scopes: [...scopes] });
      const redirectedUrl = await redirectAfterConsent(start.authorizeUrl);
      return keep(
        await finishConsent(deps(), {
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
    emulator().consent.showPage();
  });
  it.each(['current', 'older-403'] as const)('names a code used twice (%s token endpoint) and a wrong secret on exchange', async (mode) => {
    emulator().state.wire.tokenEndpoint = mode;
    emulator().consent.autoAccept('admin');
    const finish = async (clientSecret: string) => {
      const start = startConsent(deps(), { clientId: kendis.clientId, callbackUrl: kendis.callbackUrl, scopes: ['read:project:jira'] });
      const redirectedUrl = await redirectAfterConsent(start.authorizeUrl);
      const input = { clientId: kendis.clientId, clientSecret, callbackUrl: kendis.callbackUrl, state: start.state, redirectedUrl };
      return { first: keep(await finishConsent(deps(), input)), again: () => finishConsent(deps(), input).then(keep) };
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
    emulator().consent.showPage();
  });
  it('fails when consent is declined and refuses a foreign state', async () => {
    emulator().consent.deny();
    const start = startConsent(deps(), { clientId: kendis.clientId, callbackUrl: kendis.callbackUrl, scopes: ['read:project:jira'] });
    const redirectedUrl = await redirectAfterConsent(start.authorizeUrl);
    const input = { clientId: kendis.clientId, clientSecret: kendis.clientSecret, callbackUrl: kendis.callbackUrl, redirectedUrl };
    expect(keep(await finishConsent(deps(), { ...input, state: start.state })).verdict).toBe('fail');
    await expect(finishConsent(deps(), { ...input, state: 'another-state' })).rejects.toThrow(InputError);
    emulator().consent.showPage();
  });
});
