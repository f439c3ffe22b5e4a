import { describe, expect, it } from 'vitest';
import { ADMIN_ID, contextFor, testDeps, USER_ID } from '../../../test/mocks/app-deps';
import type { TokenReport } from '../../core/checks/types';
import type { TokenCheckSummary } from '../api';
import { getTokenCheck } from './getTokenCheck';

const summary: TokenCheckSummary = {
  accountId: USER_ID,
  displayName: 'Uri User',
  profileId: 'kendis-user-token',
  kind: 'invalid',
  verdict: 'fail',
  reason: 'Token not accepted',
  missing: [],
  checkedAt: '2026-11-25T09:00:00.000Z',
  recheck: false,
};
const report: TokenReport = {
  subject: 'acme.atlassian.net',
  site: 'acme.atlassian.net',
  verdict: 'fail',
  checkedAt: summary.checkedAt,
  results: [],
  kind: 'invalid',
  probes: [],
};

describe('getTokenCheck', () => {
  it('gives an admin a person’s last summary and report', async () => {
    const deps = testDeps();
    await deps.store.set(`token-check:${USER_ID}`, summary);
    await deps.store.set(`token-report:${USER_ID}`, report);
    expect(await getTokenCheck.run({ accountId: USER_ID }, contextFor(ADMIN_ID), deps)).toEqual({ ok: true, data: { summary, report } });
  });

  it('is for admins only, and says when the check is gone', async () => {
    const deps = testDeps();
    await deps.store.set(`token-check:${USER_ID}`, summary);
    expect(await getTokenCheck.run({ accountId: USER_ID }, contextFor(USER_ID), deps)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await getTokenCheck.run({ accountId: 'nobody' }, contextFor(ADMIN_ID), deps)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
