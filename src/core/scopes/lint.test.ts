import { describe, expect, it } from 'vitest';
import { parseScopeList } from './index';
import type { ScopeFinding } from './types';

const problems = (findings: readonly ScopeFinding[]): string[] => findings.map((f) => `${f.problem}:${f.input}:${f.suggestion ?? ''}`);

describe('scope list lint', () => {
  it('corrects stray whitespace and capitals, keeping the corrected scope', () => {
    const result = parseScopeList('read: board-scope:jira-software\nread:issue:Jira\nread:project:Jira');
    expect(result.scopes).toEqual(['read:board-scope:jira-software', 'read:issue:jira', 'read:project:jira']);
    expect(problems(result.findings)).toEqual([
      'whitespace:read: board-scope:jira-software:read:board-scope:jira-software',
      'case:read:issue:Jira:read:issue:jira',
      'case:read:project:Jira:read:project:jira',
    ]);
    expect(result.findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('suggests the nearest scope for an unknown string, and nothing when nothing is close', () => {
    const result = parseScopeList('read:sprnt:jira-software read:jira_work read:sprint banana:split:jira');
    expect(result.scopes).toEqual([]);
    expect(problems(result.findings)).toEqual([
      'unknown:read:sprnt:jira-software:read:sprint:jira-software',
      'unknown:read:jira_work:read:jira-work',
      'unknown:read:sprint:read:sprint:jira-software',
      'unknown:banana:split:jira:',
    ]);
    expect(result.findings.every((f) => f.severity === 'error')).toBe(true);
    expect(result.findings[0]!.message).toContain('Did you mean read:sprint:jira-software?');
  });

  it('turns console titles into scopes with an info finding', () => {
    const result = parseScopeList('View sprints\nUpdate and delete sprints');
    expect(result.scopes).toEqual(['read:sprint:jira-software', 'write:sprint:jira-software']);
    expect(result.findings.map((f) => [f.problem, f.severity, f.suggestion])).toEqual([
      ['label', 'info', 'read:sprint:jira-software'],
      ['label', 'info', 'write:sprint:jira-software'],
    ]);
  });

  it('reads pasted comma-separated titles as the titles, with no did-you-mean for their fragments', () => {
    const result = parseScopeList('View boards, backlogs, and related items, View sprints');
    expect(result.scopes).toEqual(['read:board-scope:jira-software', 'read:sprint:jira-software']);
    expect(result.findings.map((f) => f.problem)).toEqual(['label', 'label']);
  });

  it('names both scopes of a title they share, and lets the vendor’s list settle it', () => {
    const bare = parseScopeList('View issues');
    expect(bare.scopes).toEqual(['read:issue:jira', 'read:issue:jira-software']);
    expect(bare.findings).toEqual([
      expect.objectContaining({ problem: 'ambiguous-label', severity: 'warning', suggestion: 'read:issue:jira or read:issue:jira-software' }),
    ]);
    expect(bare.findings[0]?.message).toContain('both read:issue:jira and read:issue:jira-software');
    const settled = parseScopeList('View issues', { vendor: { name: 'OnePlan', scopes: ['read:issue:jira', 'read:jira-work'] } });
    expect(settled.scopes).toEqual(['read:issue:jira']);
    expect(settled.findings).toEqual([
      expect.objectContaining({ problem: 'label', severity: 'info', message: expect.stringContaining('the one the OnePlan guide lists') }),
    ]);
  });

  it('reads Data Center permission words for a Data Center list, and names the permission otherwise', () => {
    expect(parseScopeList('Admin', { dataCenter: true }).scopes).toEqual(['ADMIN']);
    expect(parseScopeList('"System admin"', { dataCenter: true }).scopes).toEqual(['SYSTEM_ADMIN']);
    const [finding] = parseScopeList('Admin').findings;
    expect(finding).toMatchObject({ problem: 'unknown', severity: 'error', suggestion: 'ADMIN' });
  });

  it('suggests the title someone nearly typed', () => {
    const [finding] = parseScopeList('View sprintz').findings;
    expect(finding).toMatchObject({ problem: 'unknown', suggestion: 'read:sprint:jira-software' });
  });

  it('reports duplicates once, including ones that only match after correction', () => {
    const result = parseScopeList('read:jira-work read:jira-work READ:JIRA-WORK');
    expect(result.scopes).toEqual(['read:jira-work']);
    expect(result.findings.filter((f) => f.problem === 'duplicate')).toHaveLength(2);
  });

  it('says what mixing classic and granular scopes means, as information (there is nothing to do about it)', () => {
    const result = parseScopeList('read:jira-work read:sprint:jira-software');
    const mixed = result.findings.find((f) => f.problem === 'mixed-kinds');
    expect(mixed?.severity).toBe('info');
    expect(mixed?.message).toMatch(/agile\) endpoints accept granular scopes only/);
    const vendor = { name: 'Targetprocess', scopes: ['read:jira-work', 'read:sprint:jira-software'] };
    const asVendor = parseScopeList('read:jira-work read:sprint:jira-software', { vendor }).findings.find((f) => f.problem === 'mixed-kinds');
    expect(asVendor).toMatchObject({ severity: 'info', message: expect.stringContaining('as the Targetprocess guide does') });
    // offline_access and service-management scopes are neither kind.
    expect(parseScopeList('read:jira-work offline_access read:servicedesk-request').findings.some((f) => f.problem === 'mixed-kinds')).toBe(false);
  });

  it('notes a missing offline_access, as information, only when the integration needs it', () => {
    const [finding] = parseScopeList('read:jira-work', { needsOfflineAccess: true }).findings;
    expect(finding).toMatchObject({ problem: 'offline-access-missing', severity: 'info', message: expect.stringContaining('not a console permission') });
    expect(parseScopeList('read:jira-work offline_access', { needsOfflineAccess: true }).findings).toEqual([]);
    expect(parseScopeList('read:jira-work').findings).toEqual([]);
  });

  it('recognises Jira Service Management, Assets and Data Center scopes as info', () => {
    const result = parseScopeList(
      'read:servicedesk-request manage:servicedesk-customer write:servicedesk-request read:servicemanagement-insight-objects delete:cmdb-object:jira READ WRITE ADMIN SYSTEM_ADMIN',
    );
    expect(result.scopes).toHaveLength(9);
    expect(result.findings.map((f) => f.problem)).toEqual([...Array<string>(5).fill('service-management'), ...Array<string>(4).fill('data-center')]);
    expect(result.findings.every((f) => f.severity === 'info')).toBe(true);
  });

  it('says so when there is nothing to check', () => {
    expect(parseScopeList('').findings.map((f) => f.problem)).toEqual(['empty']);
    expect(parseScopeList(' \n\n - \n').findings.map((f) => f.problem)).toEqual(['empty']);
  });

  it('never crashes on garbage and never echoes a long input whole', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const garbage = Array.from({ length: 20_000 }, () => String.fromCharCode(Math.floor(random() * 0xffff))).join('');
    const run = (): unknown => parseScopeList(garbage);
    try {
      const result = run() as ReturnType<typeof parseScopeList>;
      expect(result.findings.every((f) => f.input.length <= 101)).toBe(true);
    } catch (error) {
      expect((error as Error).name).toBe('InputError');
    }
    const long = parseScopeList(`read:${'x'.repeat(5000)}`);
    expect(long.findings[0]!.input.length).toBeLessThanOrEqual(101);
  });

  it('stays linear on long runs of whitespace (no regex backtracking blow-up)', () => {
    const started = performance.now();
    parseScopeList(`a${' '.repeat(150_000)}b`);
    parseScopeList(`a${'\t'.repeat(150_000)}- b (c)`);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses a 1 MB paste with one clear line', () => {
    expect(() => parseScopeList('read:jira-work '.repeat(70_000))).toThrow(/too long/);
  });
});

describe('scope list lint cost', () => {
  it('stays quick on a paste of 2,000 unknown strings, suggesting for the first ones only', () => {
    const typos = Array.from({ length: 1_990 }, (_, i) => `read:sprint:jira-softwar${String.fromCharCode(97 + (i % 26))}${i}`);
    const started = performance.now();
    const result = parseScopeList(typos.join('\n'));
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(result.findings).toHaveLength(1_990);
    expect(result.findings[0]!.suggestion).toBe('read:sprint:jira-software');
    expect(result.findings.at(-1)!.suggestion).toBeUndefined();
  });
});
