import { describe, expect, it } from 'vitest';
import { ADMIN_ID, contextFor, testDeps, TEST_PROFILE, withTestProfile } from '../../../test/mocks/app-deps';
import type { ConnectionInput, ConnectionView } from '../api';
import { saveConnection } from './saveConnection';

const input: ConnectionInput = {
  name: 'Test app',
  profileId: TEST_PROFILE.id,
  clientId: 'demo-client-id',
  callbackUrl: 'https://example.test/callback',
  scopes: 'read:project:jira',
  clientSecret: 'demo-client-secret-1a2b',
};

async function save(deps: Awaited<ReturnType<typeof setup>>, payload: unknown, accountId = ADMIN_ID) {
  return saveConnection.run(payload, contextFor(accountId), deps);
}

function setup() {
  return withTestProfile(testDeps());
}

function dataOf(response: Awaited<ReturnType<typeof save>>): ConnectionView {
  if (!response.ok) throw new Error(response.error.message);
  return response.data;
}

describe('saveConnection', () => {
  it('stores the client secret only as a secret and shows its last four characters', async () => {
    const deps = await setup();
    const view = dataOf(await save(deps, { connection: input }));
    expect(view).toMatchObject({ version: 1, updatedBy: ADMIN_ID, clientSecret: { set: true, endsWith: '…1a2b' } });
    expect(JSON.stringify(view)).not.toContain(input.clientSecret);
    expect(JSON.stringify([...deps.store.entries])).not.toContain(input.clientSecret);
    expect(await deps.secrets.getSecret(`client-secret:${view.id}`)).toBe(input.clientSecret);
  });

  it('keeps the stored secret when an edit leaves it out', async () => {
    const deps = await setup();
    const first = dataOf(await save(deps, { connection: input }));
    const { clientSecret: _omitted, ...withoutSecret } = input;
    const second = dataOf(await save(deps, { id: first.id, version: 1, connection: { ...withoutSecret, name: 'Renamed' } }));
    expect(second).toMatchObject({ name: 'Renamed', version: 2, clientSecret: { set: true, endsWith: '…1a2b' } });
    expect(await deps.secrets.getSecret(`client-secret:${first.id}`)).toBe(input.clientSecret);
  });

  it('says a short secret is set without showing any of it, even after a long one', async () => {
    const deps = await setup();
    const short = dataOf(await save(deps, { connection: { ...input, clientSecret: 'ab12' } }));
    expect(short.clientSecret).toEqual({ set: true });
    const long = dataOf(await save(deps, { id: short.id, version: 1, connection: { ...input, clientSecret: 'demo-client-secret-9z8y' } }));
    expect(long.clientSecret).toEqual({ set: true, endsWith: '…9z8y' });
    const again = dataOf(await save(deps, { id: short.id, version: 2, connection: { ...input, clientSecret: 'fifteen-chars-x' } }));
    expect(again.clientSecret).toEqual({ set: true });
    const { clientSecret: _omitted, ...withoutSecret } = input;
    expect(dataOf(await save(deps, { id: short.id, version: 3, connection: withoutSecret })).clientSecret).toEqual({ set: true });
    expect(JSON.stringify([...deps.store.entries])).not.toMatch(/ab12|fifteen|9z8y"/);
  });

  it('refuses a save based on a version another admin already replaced', async () => {
    const deps = await setup();
    const first = dataOf(await save(deps, { connection: input }));
    dataOf(await save(deps, { id: first.id, version: 1, connection: { ...input, name: 'First edit' } }));
    const stale = await save(deps, { id: first.id, version: 1, connection: { ...input, name: 'Second edit' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await deps.store.get<{ name: string }>(`connection:${first.id}`))?.name).toBe('First edit');
  });

  it('lets exactly one of two simultaneous saves of the same version win, and keeps its secret', async () => {
    const deps = await setup();
    const first = dataOf(await save(deps, { connection: input }));
    const [a, b] = await Promise.all([
      save(deps, { id: first.id, version: 1, connection: { ...input, name: 'Edit A', clientSecret: 'demo-secret-aaaa' } }),
      save(deps, { id: first.id, version: 1, connection: { ...input, name: 'Edit B', clientSecret: 'demo-secret-bbbb' } }),
    ]);
    const winners = [a, b].filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect([a, b].filter((r) => !r.ok)).toMatchObject([{ error: { code: 'conflict' } }]);
    const stored = await deps.store.get<{ name: string; version: number }>(`connection:${first.id}`);
    const winnerName = a.ok ? 'Edit A' : 'Edit B';
    expect(stored).toMatchObject({ name: winnerName, version: 2 });
    expect(await deps.secrets.getSecret(`client-secret:${first.id}`)).toBe(a.ok ? 'demo-secret-aaaa' : 'demo-secret-bbbb');
  });

  it('needs the loaded version to update', async () => {
    const deps = await setup();
    const first = dataOf(await save(deps, { connection: input }));
    expect(await save(deps, { id: first.id, connection: input })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'version' },
    });
  });

  it('explains a missing field and an unknown profile', async () => {
    const deps = await setup();
    expect(await save(deps, { connection: { ...input, name: ' ' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'connection.name', message: 'connection.name: give the connection a name' },
    });
    expect(await save(deps, { connection: { ...input, profileId: 'nope' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'profileId' },
    });
  });

  it('refuses a Jira Data Center profile and points at the CLI', async () => {
    const deps = await setup();
    const response = await save(deps, { connection: { ...input, profileId: 'kendis-dc-oauth' } });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'profileId' } });
    if (!response.ok) expect(response.error.message).toMatch(/is a Jira Data Center profile: check it with the CLI, `scope-doctor dc`/);
    expect([...deps.store.entries.keys()].filter((key) => key.startsWith('connection'))).toEqual([]);
  });

  it('answers not-found for an id that does not exist', async () => {
    const deps = await setup();
    expect(await save(deps, { id: 'gone', version: 1, connection: input })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('saveConnection names', () => {
  it('refuses a second connection of the same name, whatever its case and spacing', async () => {
    const deps = await setup();
    dataOf(await save(deps, { connection: input }));
    const refused = await save(deps, { connection: { ...input, name: '  test   APP ' } });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'invalid-input', field: 'name', message: 'A connection named "Test app" already exists: give this one another name, or edit that one.' },
    });
  });

  it('lets a connection keep its own name, and refuses an edit to another’s', async () => {
    const deps = await setup();
    const first = dataOf(await save(deps, { connection: input }));
    const second = dataOf(await save(deps, { connection: { ...input, name: 'Other app' } }));
    expect(dataOf(await save(deps, { id: first.id, version: 1, connection: { ...input, clientId: 'changed' } })).version).toBe(2);
    expect(await save(deps, { id: second.id, version: 1, connection: input })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'name' } });
  });
});
