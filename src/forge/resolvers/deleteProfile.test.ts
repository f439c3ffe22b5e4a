import { describe, expect, it } from 'vitest';
import { ADMIN_ID, contextFor, testDeps, TEST_PROFILE, USER_ID, withTestProfile } from '../../../test/mocks/app-deps';
import type { TokenCheckSummary } from '../api';
import { deleteConnection } from './deleteConnection';
import { deleteProfile } from './deleteProfile';
import { saveConnection } from './saveConnection';

const context = contextFor(ADMIN_ID);

async function saveConnectionUsingTestProfile(deps: ReturnType<typeof testDeps>) {
  const saved = await saveConnection.run(
    { connection: { name: 'Sync app', profileId: TEST_PROFILE.id, clientId: 'demo-id', callbackUrl: '', scopes: '' } },
    context,
    deps,
  );
  if (!saved.ok) throw new Error(saved.error.message);
  return saved.data;
}

describe('deleteProfile', () => {
  it('deletes an unused custom profile', async () => {
    const deps = await withTestProfile(testDeps());
    expect(await deleteProfile.run({ id: TEST_PROFILE.id }, context, deps)).toEqual({ ok: true, data: { deleted: true } });
    expect(await deps.store.get(`profile:${TEST_PROFILE.id}`)).toBeUndefined();
  });

  it('refuses while a connection uses it, naming the connection, and allows it once that is gone', async () => {
    const deps = await withTestProfile(testDeps());
    const connection = await saveConnectionUsingTestProfile(deps);
    const refused = await deleteProfile.run({ id: TEST_PROFILE.id }, context, deps);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toContain('"Sync app"');
    expect(await deps.store.get(`profile:${TEST_PROFILE.id}`)).toBeDefined();

    await deleteConnection.run({ id: connection.id }, context, deps);
    expect(await deleteProfile.run({ id: TEST_PROFILE.id }, context, deps)).toEqual({ ok: true, data: { deleted: true } });
  });

  it('refuses while someone’s daily token re-check uses it', async () => {
    const deps = await withTestProfile(testDeps());
    const summary: Partial<TokenCheckSummary> = { accountId: USER_ID, displayName: 'Uri User', profileId: TEST_PROFILE.id, recheck: true };
    await deps.store.set(`token-check:${USER_ID}`, summary);
    const refused = await deleteProfile.run({ id: TEST_PROFILE.id }, context, deps);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toContain('Uri User');
  });

  it('never deletes a built-in profile and answers not-found for an unknown one', async () => {
    const deps = testDeps();
    expect(await deleteProfile.run({ id: 'kendis-cloud-oauth' }, context, deps)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'id' },
    });
    expect(await deleteProfile.run({ id: 'gone' }, context, deps)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('is for Jira administrators only', async () => {
    const deps = await withTestProfile(testDeps());
    expect(await deleteProfile.run({ id: TEST_PROFILE.id }, contextFor(USER_ID), deps)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await deps.store.get(`profile:${TEST_PROFILE.id}`)).toBeDefined();
  });
});
