/** The OAuth client check (src/core/checks/oauth-client.ts) against the emulator. */
import { describe, expect, it } from 'vitest';
import { checkOAuthClient } from '../../src/core/checks';
import { requireProfile } from '../../src/core/profiles';
import { DEMO_APP_SCOPES, DEMO_OAUTH_APPS } from '../../src/emulator';
import { byId, FAULTS, useCheckRun } from '../support/check-run';

const { emulator, deps, keep } = useCheckRun();

describe('checkOAuthClient against the emulator', () => {
  const kendis = DEMO_OAUTH_APPS.kendis;
  const base = {
    clientId: kendis.clientId,
    callbackUrl: kendis.callbackUrl,
    scopes: DEMO_APP_SCOPES.kendis.join('\n'),
    profile: requireProfile('kendis-cloud-oauth'),
  };

  it('accepts the Kendis credentials and names the missing sprint scope', async () => {
    const report = keep(await checkOAuthClient(deps(), { ...base, clientSecret: kendis.clientSecret }));
    expect(byId(report, 'oauth.credentials')?.status).toBe('pass');
    expect(report.coverage?.missing).toContain('write:sprint:jira-software');
    expect(report.verdict).toBe('fail');
  });
  it('fails a wrong secret with the console fix', async () => {
    const report = keep(await checkOAuthClient(deps(), { ...base, clientSecret: 'demo-wrong-secret' }));
    expect(byId(report, 'oauth.credentials')).toMatchObject({ status: 'fail', fix: expect.stringContaining('Settings') });
  });
  it('notes, as information, that the Targetprocess console list has no offline_access', async () => {
    const tp = DEMO_OAUTH_APPS.targetprocess;
    const scopes = DEMO_APP_SCOPES.targetprocess.filter((s) => s !== 'offline_access').join(' ');
    const report = keep(
      await checkOAuthClient(deps(), {
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
      await checkOAuthClient(deps(), {
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
    emulator().faults.add({ host: 'auth', ...fault, retryAfter: 0 });
    const report = keep(await checkOAuthClient(deps(), { ...base, clientSecret: kendis.clientSecret }));
    expect(byId(report, 'oauth.credentials')?.status).toBe('unknown');
  });
});
