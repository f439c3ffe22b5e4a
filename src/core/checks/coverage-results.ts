import type { CapabilityCoverage, CoverageResult } from '../scope-coverage/types';
import type { CheckResult } from '../model';
import { pluralise } from '../text';
import type { PrefixOf } from './result-ids';

/**
 * Coverage as results: the missing scopes, each with the capabilities that need it; the scopes only a
 * likely capability misses (ask the vendor); the removable ones; and the vendor-listed ones kept.
 * `fixForMissing` is the context's next step (console page for OAuth apps, a new token for API tokens).
 */
export function coverageResults(idPrefix: PrefixOf<'covered'>, coverage: CoverageResult, fixForMissing: (missing: readonly string[]) => string): CheckResult[] {
  const results: CheckResult[] = [];
  const required = coverage.capabilities.filter((c) => c.certainty === 'required');
  const likelyUncovered = coverage.capabilities.filter((c) => c.certainty === 'likely' && !c.covered);
  if (coverage.missing.length) {
    const uncovered = required.filter((c) => !c.covered).length;
    results.push({
      id: `${idPrefix}.missing`,
      title: `${pluralise(coverage.missing.length, 'scope')} missing (${uncovered} of ${required.length} required capabilities not covered)`,
      status: 'fail',
      detail: neededForLines(coverage.missing, (scope) => required.filter((c) => c.missing.includes(scope)).map((c) => c.name)).join('\n'),
      fix: fixForMissing(coverage.missing),
      scopesToAdd: [...coverage.missing],
      evidence: { missing: coverage.missing },
    });
  } else {
    const classicOnly = coverage.capabilities.filter((c) => c.status === 'covered-by-classic').map((c) => c.name);
    results.push({
      id: `${idPrefix}.covered`,
      title: likelyUncovered.length ? `All ${required.length} required capabilities covered` : `All ${coverage.capabilities.length} capabilities covered`,
      status: 'pass',
      detail: classicOnly.length
        ? `Covered through classic scopes only: ${classicOnly.join(', ')} (works; granular scopes would grant less).`
        : 'Every capability the integration uses has all the scopes it needs.',
    });
  }
  for (const capability of likelyUncovered) {
    const scopes = capability.missing.filter((scope) => !coverage.missing.includes(scope));
    if (scopes.length) results.push(likelyResult(idPrefix, coverage.vendor, capability, scopes, fixForMissing));
  }
  // offline_access is a flag for refresh tokens, checked on its own, never a capability's scope.
  const excess = coverage.excess.filter((scope) => scope !== 'offline_access');
  if (excess.length) {
    results.push({
      id: `${idPrefix}.excess`,
      title: `${pluralise(excess.length, 'scope')} not needed`,
      status: 'warn',
      detail: `No capability of this integration uses ${excess.join(', ')}, and the ${coverage.vendor} guide does not list ${excess.length === 1 ? 'it' : 'them'}.`,
      fix: 'Remove them for least privilege (they can be added back if the vendor needs them later).',
      evidence: { excess },
    });
  }
  const kept = coverage.keptForVendor.filter((scope) => scope !== 'offline_access');
  if (kept.length) {
    results.push({
      id: `${idPrefix}.vendor-listed`,
      title: `${pluralise(kept.length, 'scope')} kept because ${coverage.vendor} asks for ${kept.length === 1 ? 'it' : 'them'}`,
      status: 'info',
      detail:
        `No capability modelled here uses ${kept.join(', ')}, but the ${coverage.vendor} guide lists ${kept.length === 1 ? 'it' : 'them'}: ` +
        'the integration may request them when it connects, and consent fails if the app lacks one.',
      evidence: { keptForVendor: kept },
    });
  }
  return results;
}

/** A warning, never a failure: only a console title or our reading says the integration does this. */
function likelyResult(
  idPrefix: PrefixOf<'covered'>,
  vendor: string,
  capability: CapabilityCoverage,
  scopes: readonly string[],
  fixForMissing: (missing: readonly string[]) => string,
): CheckResult {
  const question = capability.ask ?? `needs “${capability.name}”`;
  return {
    id: `${idPrefix}.likely.${slug(capability.name)}`,
    title: `${capability.name}: ${scopes.join(', ')} may be needed`,
    status: 'warn',
    detail: capability.note ?? `The ${vendor} guide does not ask for ${scopes.join(', ')}.`,
    fix: `Ask ${vendor} whether it ${question}; if so, ${lowerFirst(fixForMissing(scopes))}`,
    scopesToAdd: [...scopes],
    evidence: { likelyMissing: [...scopes] },
  };
}

/** `write:sprint:jira-software  needed for: Update sprints`, one line per scope. */
export function neededForLines(scopes: readonly string[], needersOf: (scope: string) => readonly string[]): string[] {
  const width = Math.max(...scopes.map((s) => s.length));
  return scopes.map((scope) => `${scope.padEnd(width)}  needed for: ${needersOf(scope).join(', ') || "the vendor's scope list"}`);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
