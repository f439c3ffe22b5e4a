import { describe, expect, it } from 'vitest';
import { ADMIN_ID, contextFor, testDeps, TEST_PROFILE, withTestProfile } from '../../../test/mocks/app-deps';
import { deleteConnection } from './deleteConnection';
import { listConnections } from './listConnections';
import { saveConnection } from './saveConnection';

describe('deleteConnection', () => {
  it('removes the connection, its status and its secret', async () => {
    const deps = await withTestProfile(testDeps());
    const context = contextFor(ADMIN_ID);
    const saved = await saveConnection.run(
      { connection: { name: 'App', profileId: TEST_PROFILE.id, clientId: 'demo-id', callbackUrl: '', scopes: '', clientSecret: 'demo-secret' } },
      context,
      deps,
    );
    if (!saved.ok) throw new Error(saved.error.message);
    await deps.store.set(`connection-status:${saved.data.id}`, { history: [] });

    expect(await deleteConnection.run({ id: saved.data.id }, context, deps)).toEqual({ ok: true, data: { deleted: true } });
    expect(deps.secrets.secrets.size).toBe(0);
    // Only the delete mark stays (with a TTL), so a save still in flight gives way.
    expect([...deps.store.entries.keys()].filter((key) => key.startsWith('connection'))).toEqual([`connection-deleted:${saved.data.id}`]);
    expect(deps.store.entries.get(`connection-deleted:${saved.data.id}`)?.expiresAt).toBeGreaterThan(deps.clock.now().getTime());
    expect(await listConnections.run({}, context, deps)).toEqual({ ok: true, data: [] });
  });

  it('answers not-found for an unknown id', async () => {
    expect(await deleteConnection.run({ id: 'gone' }, contextFor(ADMIN_ID), testDeps())).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
