import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgeState } from '../../test/mocks/forge';
import { ADMIN_ONLY_MESSAGE } from './resolvers';
import { handler, recheck } from './index';

vi.mock('@forge/kvs', async () => (await import('../../test/mocks/forge')).kvsModule);
vi.mock('@forge/api', async () => (await import('../../test/mocks/forge')).apiModule);

/** What the Forge runtime hands the resolver function for a call from the Custom UI. */
function call(functionKey: string, payload: unknown = {}) {
  return handler(
    {
      call: { functionKey, payload },
      context: { cloudId: 'demo-cloud-id', siteUrl: 'https://acme.atlassian.net', moduleKey: 'scope-doctor-admin-page' },
    },
    { principal: { accountId: 'demo-account' } },
  );
}

describe('Forge resolver entry point', () => {
  beforeEach(() => forgeState.reset());

  it('answers from the resolver context and asks Jira as the user whether they are an admin', async () => {
    expect(await call('getSite')).toMatchObject({ ok: true, data: { cloudId: 'demo-cloud-id', siteName: 'acme' } });
    expect(forgeState.jiraRequests).toEqual([{ path: '/rest/api/3/permissions/check', method: 'POST' }]);
  });

  it('refuses admin resolvers when Jira says the caller is not an admin', async () => {
    forgeState.callerIsAdmin = false;
    expect(await call('listConnections')).toEqual({ ok: false, error: { code: 'forbidden', message: ADMIN_ONLY_MESSAGE } });
  });

  it('tells who is calling', async () => {
    expect(await call('getMe')).toEqual({
      ok: true,
      data: { accountId: 'demo-account', displayName: 'Forge Person', email: 'person@example.test', isAdmin: true },
    });
  });

  it('keeps client secrets in Forge secret storage and per-item keys in kvs', async () => {
    forgeState.entries.set('profile:test', {
      id: 'test',
      name: 'Test',
      vendor: 'Test',
      tokenKind: 'oauth',
      summary: '',
      capabilities: [],
      needsOfflineAccess: false,
      callbackUrls: [],
      vendorScopes: [],
      source: 'custom',
    });
    const saved = await call('saveConnection', {
      connection: { name: 'App', profileId: 'test', clientId: 'demo-id', callbackUrl: '', scopes: '', clientSecret: 'demo-secret-9z8y' },
    });
    expect(saved).toMatchObject({ ok: true, data: { clientSecret: { set: true, endsWith: '…9z8y' } } });
    expect([...forgeState.secrets.values()]).toEqual(['demo-secret-9z8y']);
    expect(JSON.stringify([...forgeState.entries])).not.toContain('demo-secret-9z8y');
    expect(await call('listConnections')).toMatchObject({ ok: true, data: [{ name: 'App' }] });
  });

  it('runs the daily re-check with nothing to do', async () => {
    await expect(recheck()).resolves.toBeUndefined();
  });
});
