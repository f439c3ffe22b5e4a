import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from './suggest';

describe('editDistance', () => {
  it('counts inserts, deletes, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistance('read:jira-work', 'read:jira-work', 3)).toBe(0);
    expect(editDistance('read:jira-wrk', 'read:jira-work', 3)).toBe(1);
    expect(editDistance('read:jira-worke', 'read:jira-work', 3)).toBe(1);
    expect(editDistance('read:jira_work', 'read:jira-work', 3)).toBe(1);
    expect(editDistance('read:jria-work', 'read:jira-work', 3)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
  });

  it('stops at the bound', () => {
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });
});

describe('closestMatch', () => {
  const scopes = ['read:jira-work', 'write:jira-work', 'read:sprint:jira-software', 'read:jira-user'];

  it('suggests the nearest known string', () => {
    expect(closestMatch('read:sprnt:jira-software', scopes)).toBe('read:sprint:jira-software');
    expect(closestMatch('raed:jira-user', scopes)).toBe('read:jira-user');
  });

  it('suggests nothing when nothing is close', () => {
    expect(closestMatch('banana', scopes)).toBeUndefined();
    expect(closestMatch('', scopes)).toBeUndefined();
    expect(closestMatch('x'.repeat(500), scopes)).toBeUndefined();
  });

  it('breaks ties alphabetically whatever the candidate order', () => {
    expect(closestMatch('abd', ['abe', 'abc'])).toBe('abc');
    expect(closestMatch('abd', ['abc', 'abe'])).toBe('abc');
  });
});
