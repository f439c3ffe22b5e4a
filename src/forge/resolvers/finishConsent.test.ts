import { describe, expect, it } from 'vitest';
import { fakeDeps, fakeFetch } from '../../core/atlassian/testing';
import { ADMIN_ID, contextFor, testDeps, TEST_PROFILE, withTestProfile } from '../../../test/mocks/app-deps';
import { invokeResolver } from '.';

const CALLBACK = 'https://app.example.test/oauth/callback';
const SITES = [{ id: 'demo-cloud-id', name: 'Acme', url: 'https://acme.atlassian.net', scopes: ['read:project:jira'] }];

/** A saved connection, a started consent test, and an Atlassian that exchanges any code. */
async function started() {
  const deps = await withTestProfile(testDeps());
  const fetch = fakeFetch((url) =>
    url.endsWith('/oauth/token') ? { status: 200, body: { access_token: 'demo-access-token-value' } } : { status: 200, body: SITES },
  );
  deps.checkDeps = fakeDeps(fetch);
  const admin = contextFor(ADMIN_ID);
  const connection = {
    name: 'App',
    profileId: TEST_PROFILE.id,
    clientId: 'demo-id',
    callbackUrl: CALLBACK,
    scopes: 'read:project:jira',
    clientSecret: 'demo-client-secret-value',
  };
  const saved = await invokeResolver('saveConnection', { connection }, admin, deps);
  if (!saved.ok) throw new Error(saved.error.message);
  const id = (saved.data as { id: string }).id;
  const start = await invokeResolver('startConsent', { id }, admin, deps);
  if (!start.ok) throw new Error(start.error.message);
  const { state } = start.data as { state: string };
  const finish = (redirectedUrl: string, context = admin) => invokeResolver('finishConsent', { id, state, redirectedUrl }, context, deps);
  return { deps, fetch, id, state, finish };
}

describe('finishConsent', () => {
  it('refuses a paste that is not https on the callback host, or lacks the state or a code, and keeps the state for the next paste', async () => {
    const { fetch, state, finish } = await started();
    const pastes = [
      'not a url',
      `http://app.example.test/oauth/callback?code=c&state=${state}`,
      `https://evil.example/oauth/callback?code=c&state=${state}`,
      `https://app.example.test.evil.example/oauth/callback?code=c&state=${state}`,
      `https://app.example.test:8443/oauth/callback?code=c&state=${state}`,
      `https://auth.atlassian.com/oauth/token?code=c&state=${state}`,
      `${CALLBACK}?code=c&state=another-state`,
      `${CALLBACK}?state=${state}`,
    ];
    for (const paste of pastes) {
      expect(await finish(paste), paste).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'redirectedUrl' } });
    }
    expect(fetch.calls).toEqual([]);
    const good = await finish(`${CALLBACK}?code=demo-code&state=${state}`);
    expect(good).toMatchObject({ ok: true, data: { lastConsent: { resources: [{ id: 'demo-cloud-id' }] } } });
    // The exchange and the read of the grant come first; the connection's re-check follows them.
    expect(fetch.calls.slice(0, 2).map((call) => new URL(call.url).pathname)).toEqual(['/oauth/token', '/oauth/token/accessible-resources']);
  });

  it('lets one of two finishes sent at once use the state, and tells the other it expired', async () => {
    const { fetch, state, finish } = await started();
    const paste = `${CALLBACK}?code=demo-code&state=${state}`;
    const answers = await Promise.all([finish(paste), finish(paste)]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.filter((answer) => !answer.ok)).toMatchObject([{ error: { code: 'invalid-input', field: 'state' } }]);
    expect(fetch.calls.filter((call) => String(call.init?.body).includes('demo-code'))).toHaveLength(1);
    expect(await finish(paste)).toMatchObject({ ok: false, error: { field: 'state' } });
  });

  it("does not let another admin use or burn someone's consent state", async () => {
    const { state, finish, deps } = await started();
    const paste = `${CALLBACK}?code=demo-code&state=${state}`;
    deps.permissions = { isJiraAdmin: async () => true };
    expect(await finish(paste, contextFor('account-other-admin'))).toMatchObject({ ok: false, error: { field: 'state' } });
    expect(await finish(paste)).toMatchObject({ ok: true });
  });
});
