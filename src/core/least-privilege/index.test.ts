import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findOperation } from '../catalog';
import { parseCustomProfile } from '../profiles';
import { analyzeCoverage } from '../scope-coverage';
import { leastPrivilegeFromText, profileFromTraffic, type LeastPrivilegeReport } from './index';

const NOW = new Date('2026-11-24T10:00:00Z');
const HAR = readFileSync(new URL('../../../test/fixtures/traffic/kendis-sync.har', import.meta.url), 'utf8');

function allows(report: LeastPrivilegeReport, scopes: readonly string[]): boolean {
  const held = new Set(scopes);
  return report.operations.filter((op) => op.scopeSets.length).every((op) => op.scopeSets.some((set) => set.scopes.every((s) => held.has(s))));
}

describe('least privilege from a HAR with mixed methods', () => {
  const report = leastPrivilegeFromText(HAR, NOW);

  it('finds the proven minimum granular set, with the operations each scope is for', () => {
    expect(report.matchedRequests).toBe(7);
    expect(report.operations).toHaveLength(6);
    expect(report.plan.exact).toBe(true);
    expect(report.plan.scopes).toHaveLength(18);
    expect(report.plan.scopes.every((s) => s.kind === 'granular')).toBe(true);
    expect(report.plan.scopes.find((s) => s.scope === 'write:sprint:jira-software')?.neededFor).toEqual([
      'PUT /rest/agile/1.0/sprint/{sprintId}',
      'POST /rest/agile/1.0/sprint/{sprintId}/issue',
    ]);
    expect(
      allows(
        report,
        report.plan.scopes.map((s) => s.scope),
      ),
    ).toBe(true);
    expect(report.results.find((r) => r.id === 'least.plan')?.title).toBe('18 scopes allow all 6 operations: the fewest possible');
  });

  it('says classic would be fewer, and that the agile endpoints keep granular scopes anyway', () => {
    expect(report.smaller?.scopes.map((s) => s.scope)).toEqual([
      'read:board-scope:jira-software',
      'read:jira-work',
      'read:project:jira',
      'read:sprint:jira-software',
      'write:sprint:jira-software',
    ]);
    expect(
      allows(
        report,
        report.smaller!.scopes.map((s) => s.scope),
      ),
    ).toBe(true);
    expect(report.results.find((r) => r.id === 'least.granular-only')?.detail).toContain('GET /rest/agile/1.0/board/{boardId}/sprint');
    expect(report.skipped).toBe(2);
  });
});

describe('least privilege from a list of endpoints', () => {
  it('names the endpoints that accept classic scopes only, and takes their classic scope', () => {
    const report = leastPrivilegeFromText('GET /rest/api/3/announcementBanner\nGET /rest/agile/1.0/board\n/rest/api/3/serverInfo', NOW);
    expect(report.plan.scopes.map((s) => s.scope)).toEqual(['manage:jira-configuration', 'read:board-scope:jira-software', 'read:project:jira']);
    expect(report.results.find((r) => r.id === 'least.classic-only')?.detail).toBe('GET /rest/api/3/announcementBanner: manage:jira-configuration');
    expect(report.results.find((r) => r.id === 'least.no-scope')?.detail).toBe('GET /rest/api/3/serverInfo');
    expect(report.smaller).toBeUndefined();
  });

  it('lists requests that match no operation, with did-you-mean, and leaves them out', () => {
    const report = leastPrivilegeFromText('GET /rest/api/3/myself\nGET /rest/api/3/isue/ACME-1', NOW);
    expect(report.unmatched).toEqual([{ request: 'GET /rest/api/3/isue/ACME-1', suggestions: ['GET /rest/api/3/issue/{issueIdOrKey}'] }]);
    expect(report.verdict).toBe('warn');
  });

  it('says when the answer is a bound rather than a proven minimum', () => {
    const list = [
      'GET /rest/api/3/myself',
      'GET /rest/api/3/issue/1',
      'GET /rest/api/3/project/search',
      'PUT /rest/api/3/issue/1',
      'GET /rest/api/3/search/jql',
    ].join('\n');
    const bounded = leastPrivilegeFromText(list, NOW, 1);
    expect(bounded.smaller?.exact ?? bounded.plan.exact).toBe(false);
    const anyKind = bounded.smaller ?? bounded.plan;
    expect(anyKind.lowerBound).toBeLessThanOrEqual(anyKind.scopes.length);
    const exact = leastPrivilegeFromText(list, NOW);
    expect(exact.smaller?.exact).toBe(true);
    expect(exact.smaller!.scopes.length).toBeLessThanOrEqual(anyKind.scopes.length);
  });
});

describe('profileFromTraffic', () => {
  it('makes a valid custom profile that the plan covers in full', () => {
    const report = leastPrivilegeFromText(HAR, NOW);
    const json = profileFromTraffic(report, { id: 'kendis-observed', name: 'Kendis as observed', vendor: 'Kendis', tokenKind: 'scoped-token' }, NOW);
    const profile = parseCustomProfile(JSON.stringify(json));
    expect(profile.capabilities.map((c) => c.name)).toEqual(['board (Jira Software)', 'sprint (Jira Software)', 'issue (Jira)', 'search (Jira)']);
    expect(profile.capabilities.flatMap((c) => c.operations ?? []).every((ref) => findOperation(ref.method, ref.path))).toBe(true);
    const coverage = analyzeCoverage(
      profile,
      report.plan.scopes.map((s) => s.scope),
    );
    expect(coverage).toMatchObject({ verdict: 'pass', missing: [], excess: [] });
  });
});
