/**
 * Which scope list a connection's coverage verdict is judged from. The consented grant (what
 * accessible-resources listed after a live consent) is what Atlassian really gives the app; a list pasted
 * from the developer console is only what someone says is configured. The grant wins when there is one,
 * the pasted list is compared with it, and every verdict says which list it came from.
 */
import { analyzeCoverage, type CoverageResult } from '../scope-coverage';
import type { CheckResult } from '../model';
import type { Profile } from '../profiles/types';
import type { ParsedScopeList } from '../scopes';
import { coverageResults } from './coverage-results';
import { offlineAccessResult, scopeListResults } from './scope-list';
import type { ConsentedGrant, ConsentReport, ScopeSource } from './types';
import { pluralise } from '../text';

const ID = 'oauth.scopes';
const CONSOLE_PERMISSIONS = 'developer.atlassian.com → your app → Permissions';

export interface ScopeSourceInput {
  /** The pasted console list, parsed; empty when nothing was pasted. */
  pasted: ParsedScopeList;
  profile?: Profile;
  grant?: ConsentedGrant;
}

export interface ScopeSourceOutcome {
  results: CheckResult[];
  coverage?: CoverageResult;
  source: ScopeSource;
}

/** The grant a consent test read, when it read one for this client ID; a failed or foreign test has none. */
export function grantFromConsent(consent: ConsentReport | undefined, clientId: string): ConsentedGrant | undefined {
  if (!consent || consent.clientId !== clientId || consent.resources.length === 0) return undefined;
  return {
    scopes: [...new Set(consent.resources.flatMap((resource) => resource.scopes))].sort(),
    readAt: consent.checkedAt,
    refreshTokenIssued: consent.refreshTokenIssued ?? false,
  };
}

/** The scope part of a connection check: source, difference, lint, offline_access and coverage results. */
export function scopeSourceResults({ pasted, profile, grant }: ScopeSourceInput): ScopeSourceOutcome {
  const hasPasted = pasted.scopes.length > 0 || pasted.findings.some((f) => f.problem !== 'empty');
  const source: ScopeSource = {
    used: grant ? 'consent' : hasPasted ? 'pasted' : 'none',
    pasted: pasted.scopes,
    ...(grant ? { granted: grant.scopes, readAt: grant.readAt } : {}),
  };
  if (grant && hasPasted) {
    source.onlyGranted = grant.scopes.filter((s) => s !== 'offline_access' && !pasted.scopes.includes(s));
    source.onlyPasted = pasted.scopes.filter((s) => s !== 'offline_access' && !grant.scopes.includes(s));
  }

  const results: CheckResult[] = [sourceResult(source)];
  const difference = differenceResult(source);
  if (difference) results.push(difference);
  // A pasted list only matters for the verdict while nothing better is known; next to a grant its
  // findings are notes about the paste, not about the app.
  if (hasPasted) {
    const lint = scopeListResults(ID, pasted.scopes, pasted.findings);
    results.push(...(grant ? lint.map(asNote) : lint));
  }
  const offline = offlineResult(profile, grant, pasted.scopes);
  if (offline) results.push(offline);

  const judged = grant ? grant.scopes : hasPasted ? pasted.scopes : undefined;
  const coverage = profile && judged ? analyzeCoverage(profile, judged) : undefined;
  if (coverage) results.push(...coverageResults('oauth.coverage', coverage, grant ? fixAfterConsent : fixInConsole));
  return { results, ...(coverage ? { coverage } : {}), source };
}

function sourceResult(source: ScopeSource): CheckResult {
  if (source.used === 'consent') {
    return {
      id: `${ID}.source`,
      title: 'Scopes judged from the consented grant',
      status: 'info',
      detail: `The scopes Atlassian granted in the consent test of ${source.readAt}: what the app really gets.`,
      evidence: { source: 'consent', readAt: source.readAt ?? null },
    };
  }
  if (source.used === 'pasted') {
    return {
      id: `${ID}.source`,
      title: 'Scopes judged from the pasted list (unverified)',
      status: 'info',
      detail: 'The list as pasted from the developer console. Run the consent test to confirm what Atlassian really grants.',
      evidence: { source: 'pasted' },
    };
  }
  // Nothing to judge is not a failure: the scopes were not checked.
  return {
    id: `${ID}.source`,
    title: 'Scopes not checked yet',
    status: 'unknown',
    detail: 'Neither a consent test nor a pasted scope list tells which scopes the app has.',
    fix: `Run the consent test to read what Atlassian really grants, or paste the scopes from ${CONSOLE_PERMISSIONS}.`,
  };
}

/** Side by side, the two lists disagree: which scopes are only in one of them. */
function differenceResult(source: ScopeSource): CheckResult | undefined {
  const { onlyGranted, onlyPasted } = source;
  if (!onlyGranted || !onlyPasted) return undefined;
  if (onlyGranted.length === 0 && onlyPasted.length === 0) {
    return { id: `${ID}.difference`, title: 'The pasted list matches the consented grant', status: 'pass', detail: 'Both lists hold the same scopes.' };
  }
  const lines = [
    ...(onlyPasted.length ? [`Pasted but not granted: ${onlyPasted.join(', ')}`] : []),
    ...(onlyGranted.length ? [`Granted but not pasted: ${onlyGranted.join(', ')}`] : []),
  ];
  const count = onlyGranted.length + onlyPasted.length;
  return {
    id: `${ID}.difference`,
    title: `The pasted list and the consented grant differ in ${pluralise(count, 'scope')}`,
    status: 'info',
    detail: `${lines.join('\n')}\nThe verdict follows the grant. A scope pasted but not granted is not in the app's console permissions, or was not requested.`,
    evidence: { onlyGranted, onlyPasted },
  };
}

function asNote(result: CheckResult): CheckResult {
  if (result.status === 'pass') return result;
  const { fix: _fix, ...rest } = result;
  return { ...rest, status: 'info', detail: `${result.detail} (In the pasted list only: the verdict follows the consented grant.)` };
}

/** A refresh token from the consent test settles offline_access; a pasted console list cannot. */
function offlineResult(profile: Profile | undefined, grant: ConsentedGrant | undefined, pasted: readonly string[]): CheckResult | undefined {
  const needed = profile?.needsOfflineAccess ?? false;
  if (!grant) return offlineAccessResult(ID, pasted, needed, 'info');
  if (needed && grant.refreshTokenIssued) {
    return {
      id: `${ID}.offline-access`,
      title: 'offline_access granted',
      status: 'pass',
      detail: 'The consent test got a refresh token: the integration can stay connected after the 1-hour access token expires.',
    };
  }
  return offlineAccessResult(ID, grant.refreshTokenIssued ? ['offline_access'] : [], needed, 'fail');
}

function fixInConsole(missing: readonly string[]): string {
  return `In ${CONSOLE_PERMISSIONS} → Jira API → Configure, add ${missing.join(', ')}; then have an admin reconnect the integration so the new scopes are consented.`;
}

function fixAfterConsent(missing: readonly string[]): string {
  return `Add ${missing.join(', ')} in ${CONSOLE_PERMISSIONS}, make sure the integration requests them, and run the consent test again.`;
}
