import { describe, expect, it } from 'vitest';
import { seed, section } from '../../../test/support/seeds';
import { parseScopeList } from './index';

const blocking = (text: string, options = {}) => parseScopeList(text, options).findings.filter((f) => f.severity !== 'info' && f.problem !== 'mixed-kinds');

describe('the vendor guides’ scope lists', () => {
  const oneConnect = seed('003_c958a74b68b19bb3.txt');
  const classic = section(oneConnect, 'Under Jira Platform REST API', 'Click Save.');
  const serviceManagement = section(oneConnect, 'Enable the following scopes:', 'Click Save.');
  const granular = section(oneConnect, 'Click Edit Scopes and add the following:', 'Click Save.');

  it('OneConnect (seed 003): each typo found with the right fix, and nothing for the correct lines', () => {
    expect(parseScopeList(classic).findings).toEqual([]);
    expect(parseScopeList(serviceManagement).findings.map((f) => f.problem)).toEqual(Array(4).fill('service-management'));
    const result = parseScopeList(granular);
    expect(result.findings.map((f) => [f.problem, f.input, f.suggestion])).toEqual([
      ['case', 'read:issue:Jira', 'read:issue:jira'],
      ['case', 'read:project:Jira', 'read:project:jira'],
      ['whitespace', 'read: board-scope:jira-software', 'read:board-scope:jira-software'],
    ]);
    expect(result.scopes).toHaveLength(11);
  });

  it('OneConnect (seed 003): the three lists together are the guide’s 22 scopes, mixed kinds explained', () => {
    const result = parseScopeList([classic, serviceManagement, granular].join('\n'));
    expect(result.scopes).toHaveLength(22);
    expect(result.findings.filter((f) => f.problem === 'mixed-kinds')).toHaveLength(1);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('Kendis Cloud OAuth (seed 000): the six console titles become six scopes', () => {
    const titles = section(seed('000_b4ddbc7abb3b5da1.txt'), 'select the following permission names:', 'These six permissions');
    const result = parseScopeList(titles);
    expect(result.scopes).toEqual([
      'read:project:jira',
      'read:board-scope:jira-software',
      'read:epic:jira-software',
      'write:epic:jira-software',
      'read:sprint:jira-software',
      'write:sprint:jira-software',
    ]);
    expect(result.findings.every((f) => f.problem === 'label')).toBe(true);
  });

  it('Kendis user token (seed 001): the 20 scopes under their headings parse clean', () => {
    const list = section(seed('001_e0e728ccdb71838b.txt'), 'Search and select the following permission names:', 'After selecting all');
    const result = parseScopeList(list);
    expect(result.scopes).toHaveLength(20);
    expect(blocking(list)).toEqual([]);
  });

  it('Targetprocess (seed 004): the table and the one-line list agree, 13 scopes plus offline_access', () => {
    const text = seed('004_2a41cf14c06f4caa.txt');
    const line = text.split('\n').find((l) => l.startsWith('offline_access read:jira-work'))!;
    const table = section(text, 'The only exception here is', 'offline_access read:jira-work');
    const fromLine = parseScopeList(line, { needsOfflineAccess: true });
    const fromTable = parseScopeList(table, { needsOfflineAccess: true });
    expect(fromLine.scopes).toHaveLength(14);
    expect([...fromTable.scopes].sort()).toEqual([...fromLine.scopes].sort());
    expect(blocking(line, { needsOfflineAccess: true })).toEqual([]);
    expect(blocking(table, { needsOfflineAccess: true })).toEqual([]);
  });
});

describe('guide prose pasted along with the list', () => {
  it('skips each prose line once, quietly, and keeps every scope around it', () => {
    const pasted = [
      'Under Jira Platform REST API, click Edit Scopes and enable:',
      'read:project:jira',
      'Note: A total of 22 Jira API permission scopes should be configured.',
      'Click Save.',
      'View Sprints – read:sprint:jira-software',
    ].join('\n');
    const { scopes, findings } = parseScopeList(pasted);
    expect(scopes).toEqual(['read:project:jira', 'read:sprint:jira-software']);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(findings.filter((f) => f.problem === 'ignored').map((f) => f.input)).toEqual([
      'Under Jira Platform REST API',
      'click Edit Scopes and enable:',
      'Note: A total of 22 Jira API permission scopes should be configured',
      'Click Save',
    ]);
  });

  it('still reports a single unknown word, and a near-miss title with its did-you-mean', () => {
    const { findings } = parseScopeList('sprints\nView sprint');
    expect(findings.map((f) => [f.problem, f.severity])).toEqual([
      ['unknown', 'error'],
      ['unknown', 'error'],
    ]);
    expect(findings[1]?.suggestion).toBe('read:sprint:jira-software');
  });
});
