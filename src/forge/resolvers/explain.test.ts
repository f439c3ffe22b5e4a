import { describe, expect, it } from 'vitest';
import { ADMIN_ID, contextFor, testDeps, USER_ID } from '../../../test/mocks/app-deps';
import { explainMyRequest } from './explainMyRequest';
import { explainRequest, MAX_EXPLAIN_TEXT } from './explainRequest';
import { leastPrivilege } from './leastPrivilege';
import { saveProfile } from './saveProfile';

const CLOUD_ID = '1f0c5d2e-7b3a-4c8e-9d41-6a2b8c0fe9a2';
const site = (accountId: string) => ({ ...contextFor(accountId), cloudId: CLOUD_ID });
const LOG_LINE = `401 Unauthorized; scope does not match GET https://api.atlassian.com/ex/jira/${CLOUD_ID}/rest/agile/1.0/board/12/sprint?state=active`;

describe('explainRequest', () => {
  it('explains against this site’s Cloud ID, with the scopes given, and stores nothing', async () => {
    const deps = testDeps();
    const answer = await explainRequest.run({ text: LOG_LINE, scopes: 'View boards, backlogs, and related items, View projects' }, site(ADMIN_ID), deps);
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.requests[0]).toMatchObject({ missing: ['read:sprint:jira-software'], verdict: 'fail' });
    expect(answer.data.requests[0]!.results.find((r) => r.id === 'explain.cloud-id')).toMatchObject({
      status: 'pass',
      title: 'Cloud ID is acme.atlassian.net’s',
    });
    expect(deps.store.entries.size).toBe(0);
  });

  it('reads a profile’s guide when one is chosen: the guide lists the scope, so the token holds less than it', async () => {
    const answer = await explainRequest.run({ text: LOG_LINE, profileId: 'kendis-user-token' }, site(ADMIN_ID), testDeps());
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.requests[0]!.results.find((r) => r.id === 'explain.grant')).toMatchObject({
      status: 'warn',
      title: 'The Kendis guide’s list allows it, yet the gateway refused a scope',
    });
  });

  it('is for administrators; the personal page’s explainMyRequest is for anyone', async () => {
    expect(await explainRequest.run({ text: LOG_LINE }, site(USER_ID), testDeps())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await explainMyRequest.run({ text: LOG_LINE }, site(USER_ID), testDeps())).toMatchObject({ ok: true, data: { verdict: 'fail' } });
  });

  it('refuses empty, huge and unreadable pastes as invalid input', async () => {
    const deps = testDeps();
    expect(await explainRequest.run({ text: ' ' }, site(ADMIN_ID), deps)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await explainRequest.run({ text: 'x'.repeat(MAX_EXPLAIN_TEXT + 1) }, site(ADMIN_ID), deps)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('scope-doctor explain') },
    });
    expect(await explainRequest.run({ text: 'hello there' }, site(ADMIN_ID), deps)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('no Jira REST request found') },
    });
  });
});

describe('leastPrivilege', () => {
  it('gives the fewest scopes and a profile that saves once it has its own id', async () => {
    const deps = testDeps();
    const answer = await leastPrivilege.run({ text: 'GET /rest/agile/1.0/board\nPUT /rest/agile/1.0/sprint/7' }, site(ADMIN_ID), deps);
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.report.plan.scopes.map((s) => s.scope)).toEqual(['read:board-scope:jira-software', 'read:project:jira', 'write:sprint:jira-software']);
    const profile = { ...(JSON.parse(answer.data.profileJson!) as object), id: 'acme-sync', vendor: 'Acme' };
    expect(await saveProfile.run({ profile: JSON.stringify(profile) }, site(ADMIN_ID), deps)).toMatchObject({ ok: true, data: { id: 'acme-sync' } });
  });

  it('is for administrators', async () => {
    expect(await leastPrivilege.run({ text: 'GET /rest/agile/1.0/board' }, site(USER_ID), testDeps())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
