import { describe, expect, it } from 'vitest';
import { ADMIN_ID, contextFor, testDeps, USER_ID, withTestProfile } from '../../../test/mocks/app-deps';
import { invokeResolver } from '.';
import { exportData } from './exportData';

describe('exportData', () => {
  it('gives an admin the site’s connections as JSON and CSV, the client secret only as set', async () => {
    const deps = await withTestProfile(testDeps());
    const connection = {
      name: 'Test app',
      profileId: 'test-oauth',
      clientId: 'demo-id',
      callbackUrl: 'https://app.example.test/cb',
      scopes: 'read:project:jira',
      clientSecret: 'demo-export-client-secret-7f3a',
    };
    expect(await invokeResolver('saveConnection', { connection }, contextFor(ADMIN_ID), deps)).toMatchObject({ ok: true });

    const json = await exportData.run({ format: 'json' }, contextFor(ADMIN_ID), deps);
    if (!json.ok) throw new Error(json.error.message);
    expect(json.data).toMatchObject({ filename: 'scope-doctor-acme-2026-11-25.json', mimeType: 'application/json' });
    const document = JSON.parse(json.data.content) as { site: unknown; connections: { name: string; clientSecret: string }[]; tokens: unknown[] };
    expect(document.site).toEqual({ url: 'https://acme.atlassian.net', cloudId: 'demo-cloud-id' });
    expect(document.connections).toMatchObject([{ name: 'Test app', clientSecret: 'set' }]);
    expect(document.tokens).toEqual([]);

    const csv = await exportData.run({ format: 'csv' }, contextFor(ADMIN_ID), deps);
    if (!csv.ok) throw new Error(csv.error.message);
    expect(csv.data.content).toContain('connection,connection,');
    for (const answer of [json.data.content, csv.data.content]) {
      expect(answer).not.toContain(connection.clientSecret);
      expect(answer).not.toContain('7f3a');
    }
  });

  it('is for admins only, and a format it does not make is a one-line invalid input', async () => {
    const deps = testDeps();
    expect(await exportData.run({ format: 'csv' }, contextFor(USER_ID), deps)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrong = await exportData.run({ format: 'xlsx' }, contextFor(ADMIN_ID), deps);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'format' } });
    if (!wrong.ok) expect(wrong.error.message.split('\n')).toHaveLength(1);
  });

  it('a cursor it did not give is a one-line invalid input on the cursor', async () => {
    const deps = testDeps();
    for (const cursor of ['not-a-cursor', '{"after":"token-check:x"}', 'x'.repeat(5000), 42]) {
      const answer = await exportData.run({ format: 'json', cursor }, contextFor(ADMIN_ID), deps);
      expect(answer, String(cursor).slice(0, 40)).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'cursor' } });
      if (!answer.ok) expect(answer.error.message.split('\n')).toHaveLength(1);
    }
  });

  it('answers in pages of token checks, the cursor absent on the last', async () => {
    const deps = testDeps();
    const summary = { displayName: 'Uri', profileId: 'test-oauth', kind: 'scoped', verdict: 'pass', checkedAt: '2026-11-25T07:00:00.000Z', recheck: false };
    for (let i = 0; i < 30; i++) await deps.store.set(`token-check:account-${String(i).padStart(2, '0')}`, { ...summary, accountId: `account-${i}` });
    const first = await exportData.run({ format: 'csv' }, contextFor(ADMIN_ID), deps);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.data).toMatchObject({ tokenChecks: 25, cursor: expect.any(String) });
    const second = await exportData.run({ format: 'csv', cursor: first.data.cursor }, contextFor(ADMIN_ID), deps);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.data.tokenChecks).toBe(5);
    expect(second.data.cursor).toBeUndefined();
    expect(second.data.content.startsWith('token,token,')).toBe(true);
  });
});
