import { describe, expect, it } from 'vitest';
import { changesBetween, describeChange, describeChanges, lastKnown, type HistoryPoint } from '.';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T09:00:00.000Z`;

describe('changesBetween', () => {
  it('names a verdict change, scopes removed and added, new excess and a secret no longer accepted', () => {
    const before: HistoryPoint = { checkedAt: at(1), verdict: 'pass', scopes: ['read:jira-work', 'write:jira-work'], excess: [], accepted: true };
    const after: HistoryPoint = {
      checkedAt: at(2),
      verdict: 'fail',
      scopes: ['read:jira-work', 'manage:jira-webhook'],
      excess: ['manage:jira-webhook'],
      accepted: false,
    };
    const changes = changesBetween(before, after);
    expect(changes).toEqual([
      { kind: 'verdict', from: 'pass', to: 'fail' },
      { kind: 'scope-removed', scopes: ['write:jira-work'] },
      { kind: 'scope-added', scopes: ['manage:jira-webhook'] },
      { kind: 'new-excess', scopes: ['manage:jira-webhook'] },
      { kind: 'credential-refused' },
    ]);
    expect(changes.map((change) => describeChange(change))).toEqual([
      'verdict pass → fail',
      'scope removed: write:jira-work',
      'scope added: manage:jira-webhook',
      'new excess scope: manage:jira-webhook',
      'secret no longer accepted',
    ]);
    // A person's API token is a token, not a secret; the row shows the changes on one line.
    expect(describeChanges([{ kind: 'verdict', from: 'pass', to: 'fail' }, { kind: 'credential-refused' }], 'token')).toBe(
      'verdict pass → fail · token no longer accepted',
    );
  });

  it('sees nothing in a first check, an unchanged one, or an unknown', () => {
    const point: HistoryPoint = { checkedAt: at(1), verdict: 'pass', scopes: ['read:jira-work'], accepted: true };
    expect(changesBetween(undefined, point)).toEqual([]);
    expect(changesBetween(point, { ...point, checkedAt: at(2) })).toEqual([]);
    // Could not tell: not "no longer accepted", and not a verdict change.
    expect(changesBetween(point, { checkedAt: at(2), verdict: 'unknown' })).toEqual([]);
  });

  it('does not call a switch from the pasted list to the consented grant a scope change', () => {
    const pasted: HistoryPoint = { checkedAt: at(1), verdict: 'warn', scopes: ['read:jira-work', 'write:sprint:jira-software'], scopesFrom: 'pasted' };
    const granted: HistoryPoint = { checkedAt: at(2), verdict: 'fail', scopes: ['read:jira-work'], scopesFrom: 'consent' };
    expect(changesBetween(pasted, granted)).toEqual([{ kind: 'verdict', from: 'warn', to: 'fail' }]);
    // Two grants do compare.
    const grantedBefore: HistoryPoint = { ...granted, checkedAt: at(1), scopes: ['read:jira-work', 'write:sprint:jira-software'] };
    expect(changesBetween(grantedBefore, granted)).toEqual([{ kind: 'scope-removed', scopes: ['write:sprint:jira-software'] }]);
  });

  it('compares with the last known verdict, skipping unknowns', () => {
    const history: HistoryPoint[] = [
      { checkedAt: at(3), verdict: 'unknown' },
      { checkedAt: at(2), verdict: 'warn' },
      { checkedAt: at(1), verdict: 'pass' },
    ];
    expect(lastKnown(history)?.checkedAt).toBe(at(2));
    expect(lastKnown([{ checkedAt: at(1), verdict: 'unknown' }])).toBeUndefined();
  });
});
