import type { CoverageResult } from '../scope-coverage/types';
import type { CheckResult } from '../model';

/**
 * Coverage as results: the missing scopes, each with the capabilities that need it, and the excess ones.
 * `fixForMissing` is the context's next step (console page for OAuth apps, a new token for API tokens).
 */
export function coverageResults(idPrefix: string, coverage: CoverageResult, fixForMissing: (missing: readonly string[]) => string): CheckResult[] {
  const results: CheckResult[] = [];
  const total = coverage.capabilities.length;
  if (coverage.missing.length) {
    const uncovered = coverage.capabilities.filter((c) => !c.covered).length;
    results.push({
      id: `${idPrefix}.missing`,
      title: `${coverage.missing.length} scope${plural(coverage.missing.length)} missing (${uncovered} of ${total} capabilities not covered)`,
      status: 'fail',
      detail: neededForLines(coverage.missing, (scope) => coverage.capabilities.filter((c) => c.missing.includes(scope)).map((c) => c.name)).join('\n'),
      fix: fixForMissing(coverage.missing),
      evidence: { missing: coverage.missing },
    });
  } else {
    const classicOnly = coverage.capabilities.filter((c) => c.status === 'covered-by-classic').map((c) => c.name);
    results.push({
      id: `${idPrefix}.covered`,
      title: `All ${total} capabilities covered`,
      status: 'pass',
      detail: classicOnly.length
        ? `Covered through classic scopes only: ${classicOnly.join(', ')} (works; granular scopes would grant less).`
        : 'Every capability the integration uses has all the scopes it needs.',
    });
  }
  // offline_access is a flag for refresh tokens, checked on its own, never a capability's scope.
  const excess = coverage.excess.filter((scope) => scope !== 'offline_access');
  if (excess.length) {
    results.push({
      id: `${idPrefix}.excess`,
      title: `${excess.length} scope${plural(excess.length)} not needed`,
      status: 'warn',
      detail: `No capability of this integration uses: ${excess.join(', ')}.`,
      fix: 'Remove them for least privilege (they can be added back if the vendor needs them later).',
      evidence: { excess },
    });
  }
  return results;
}

/** `write:sprint:jira-software  needed for: Update and delete sprints`, one line per scope. */
export function neededForLines(scopes: readonly string[], needersOf: (scope: string) => readonly string[]): string[] {
  const width = Math.max(...scopes.map((s) => s.length));
  return scopes.map((scope) => `${scope.padEnd(width)}  needed for: ${needersOf(scope).join(', ') || "the vendor's scope list"}`);
}

function plural(count: number): string {
  return count === 1 ? '' : 's';
}
