import { describe, expect, it } from 'vitest';
import { ADMIN_ID, contextFor, testDeps, TEST_PROFILE, withTestProfile } from '../../test/mocks/app-deps';
import { fakeFetch } from '../core/atlassian/testing';
import { HISTORY_LIMIT, loadStatus } from './connections';
import { recheckConnection } from './resolvers/checkConnection';
import { saveConnection } from './resolvers/saveConnection';

const SECRET = 'demo-secret-1a2b';
const BAD_CODE = { status: 400, body: { error: 'invalid_request', error_description: 'authorization_code is invalid' } };
const BAD_CLIENT = { status: 401, body: { error: 'access_denied', error_description: 'Unauthorized' } };

/** A saved connection whose real secret gets past the client check to the bogus code; the control does not. */
async function savedConnection(name: string) {
  const deps = await withTestProfile(testDeps());
  const connection = {
    name,
    profileId: TEST_PROFILE.id,
    clientId: 'demo-client',
    callbackUrl: 'https://example.test/cb',
    scopes: 'read:project:jira',
    clientSecret: SECRET,
  };
  const saved = await saveConnection.run({ connection }, contextFor(ADMIN_ID), deps);
  if (!saved.ok) throw new Error(saved.error.message);
  deps.checkDeps.fetch = fakeFetch((_url, init) => (String(init?.body).includes(SECRET) ? BAD_CODE : BAD_CLIENT));
  return { deps, id: saved.data.id };
}

describe('a connection’s history', () => {
  it('records when the secret stopped being accepted and the verdict went pass → fail, and keeps no secret', async () => {
    const { deps, id } = await savedConnection('Rotated');
    const first = await recheckConnection(id, deps);
    expect(first.lastReport?.results.find((r) => r.id === 'oauth.credentials')?.status).toBe('pass');
    expect(first.changes).toEqual([]);

    // The vendor rotated the secret: now both are refused as a bad client.
    deps.clock.advance(24 * 60 * 60 * 1000);
    deps.checkDeps.fetch = fakeFetch(() => BAD_CLIENT);
    const second = await recheckConnection(id, deps);
    expect(second.lastReport?.verdict).toBe('fail');
    expect(second.changes).toEqual([
      {
        at: second.lastReport?.checkedAt,
        changes: expect.arrayContaining([{ kind: 'verdict', from: first.lastReport?.verdict, to: 'fail' }, { kind: 'credential-refused' }]),
      },
    ]);
    expect(second.history.map((p) => p.verdict)).toEqual(['fail', first.lastReport?.verdict]);
    expect(second.history[0]).toMatchObject({ check: true, accepted: false, scopes: ['read:project:jira'] });
    expect(JSON.stringify(await loadStatus(deps.store, id))).not.toContain(SECRET);
  });

  it('keeps the last 90 checks', async () => {
    const { deps, id } = await savedConnection('Daily');
    for (let day = 0; day < HISTORY_LIMIT + 5; day++) {
      await recheckConnection(id, deps);
      deps.clock.advance(24 * 60 * 60 * 1000);
    }
    expect((await loadStatus(deps.store, id)).history).toHaveLength(90);
  });
});
