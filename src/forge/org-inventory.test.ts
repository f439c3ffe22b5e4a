import { describe, expect, it } from 'vitest';
import type { InventoryToken } from '../core/checks/org-tokens';
import type { CheckResult } from '../core/model';
import type { TokenCheckSummary } from './api';
import { joinInventoryWithChecks } from './org-inventory';

const READ_WHOLE: CheckResult[] = [{ id: 'tokens.list', title: '3 API tokens of 3 people', status: 'pass', detail: 'Read in 1 page.' }];
const STOPPED: CheckResult[] = [{ id: 'tokens.list', title: 'API tokens', status: 'unknown', detail: 'Could not read the tokens after 1 page: rate limited.' }];

function token(id: string, user: InventoryToken['user']): InventoryToken {
  return { id, label: `Token ${id}`, user, flags: [] };
}

function check(accountId: string, overrides: Partial<TokenCheckSummary> = {}): TokenCheckSummary {
  return {
    accountId,
    displayName: `Person ${accountId}`,
    profileId: 'kendis-user-token',
    kind: 'scoped',
    verdict: 'fail',
    missing: ['write:sprint:jira-software'],
    checkedAt: '2026-11-25T09:00:00.000Z',
    recheck: false,
    ...overrides,
  };
}

describe('joinInventoryWithChecks', () => {
  it('gives each token its owner’s last check by accountId, then by email (any case), and lists the checks no token matched', () => {
    const ana = check('acc-ana', { email: 'ana@acme.example' });
    const uri = check('acc-uri', { email: 'URI@acme.example', verdict: 'pass', missing: [] });
    const outsider = check('acc-outsider', { email: 'dev@contractor.example' });
    const tokens = [
      token('t1', { id: 'acc-ana', email: 'ana@acme.example' }),
      token('t2', { id: 'acc-ana', email: 'ana@acme.example' }),
      // The inventory's account differs (say, a second account of Uri's), but the token was checked with this email.
      token('t3', { id: 'acc-uri-2', email: 'uri@acme.example' }),
      token('t4', { id: 'acc-bo', email: 'bo@acme.example' }),
    ];
    const joined = joinInventoryWithChecks({ tokens, results: READ_WHOLE }, [ana, uri, outsider]);
    expect(joined.rows.map((row) => [row.token.id, row.lastCheck?.accountId, row.matchedBy])).toEqual([
      ['t1', 'acc-ana', 'accountId'],
      ['t2', 'acc-ana', 'accountId'],
      ['t3', 'acc-uri', 'email'],
      ['t4', undefined, undefined],
    ]);
    expect(joined.checkedNotInInventory).toEqual([outsider]);
  });

  it('prefers the accountId over an email another person checked with', () => {
    // Uri checked Ana's token with Ana's email; Ana checked her own: Ana's row shows Ana's check.
    const uriWithAnasEmail = check('acc-uri', { email: 'ana@acme.example', checkedAt: '2026-11-26T09:00:00.000Z' });
    const ana = check('acc-ana', { email: 'ana@acme.example' });
    const joined = joinInventoryWithChecks({ tokens: [token('t1', { id: 'acc-ana', email: 'ana@acme.example' })], results: READ_WHOLE }, [
      uriWithAnasEmail,
      ana,
    ]);
    expect(joined.rows[0]).toMatchObject({ lastCheck: { accountId: 'acc-ana' }, matchedBy: 'accountId' });
    expect(joined.checkedNotInInventory?.map((c) => c.accountId)).toEqual(['acc-uri']);
  });

  it('matches an email to the newest of the checks made with it', () => {
    const older = check('acc-a', { email: 'shared@acme.example', checkedAt: '2026-11-20T09:00:00.000Z' });
    const newer = check('acc-b', { email: 'shared@acme.example', checkedAt: '2026-11-24T09:00:00.000Z' });
    const joined = joinInventoryWithChecks({ tokens: [token('t1', { email: 'shared@acme.example' })], results: READ_WHOLE }, [older, newer]);
    expect(joined.rows[0]?.lastCheck?.accountId).toBe('acc-b');
  });

  it('matches nothing on a missing email or accountId, and a summary without an email only by accountId', () => {
    const noEmail = check('acc-old');
    const joined = joinInventoryWithChecks({ tokens: [token('t1', {}), token('t2', { email: '' }), token('t3', { id: 'acc-old' })], results: READ_WHOLE }, [
      noEmail,
    ]);
    expect(joined.rows.map((row) => row.matchedBy)).toEqual([undefined, undefined, 'accountId']);
    expect(joined.checkedNotInInventory).toEqual([]);
  });

  it('says nothing about who has no token when the inventory was not read whole', () => {
    const joined = joinInventoryWithChecks({ tokens: [token('t1', { id: 'acc-ana' })], results: STOPPED }, [check('acc-ana'), check('acc-uri')]);
    expect(joined.rows[0]?.matchedBy).toBe('accountId');
    expect(joined).not.toHaveProperty('checkedNotInInventory');
  });
});
