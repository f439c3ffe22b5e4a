import type { CheckResult } from '../model';
import type { PrefixOf } from './result-ids';
import type { FindingProblem, ScopeFinding } from '../scopes/types';
import { pluralise } from '../text';

const PROBLEM_TITLES: Record<FindingProblem, string> = {
  whitespace: 'stray space',
  case: 'wrong letter case',
  unknown: 'unknown scope',
  label: 'console title instead of a scope string',
  'ambiguous-label': 'console title of two scopes',
  duplicate: 'listed twice',
  'mixed-kinds': 'classic and granular scopes mixed',
  'offline-access-missing': 'offline_access missing',
  'service-management': 'Jira Service Management scope',
  'data-center': 'Jira Data Center scope',
  ignored: 'not a scope',
  empty: 'empty list',
};

const PASTE_SCOPES = "Paste the scopes from the developer console's Permissions page.";

/** Entries Atlassian would refuse as typed, though the meaning is certain: a console rejects them. */
const REJECTED_AS_WRITTEN = new Set<FindingProblem>(['whitespace', 'case']);

export interface ScopeListResultOptions {
  /**
   * Judge the strings as written (`scope-doctor scopes lint`): a stray space or a capital fails, as the
   * console or an authorize URL would. Otherwise the certain correction is used and the entry warns.
   */
  asWritten?: boolean;
}

/**
 * One result per problem a person must act on (errors and warnings); info findings stay in the report's
 * `findings` only. `offline_access` has its own result, so its finding is left out here.
 */
export function scopeListResults(
  idPrefix: PrefixOf<'lint'>,
  scopes: readonly string[],
  findings: readonly ScopeFinding[],
  options: ScopeListResultOptions = {},
): CheckResult[] {
  const actionable = findings.filter((f) => f.severity !== 'info' && f.problem !== 'offline-access-missing');
  if (!actionable.length) {
    return [
      {
        id: `${idPrefix}.lint`,
        title: `Scope list: ${pluralise(scopes.length, 'scope')}, all recognised`,
        status: scopes.length ? 'pass' : 'fail',
        detail: scopes.length ? 'Every entry is a scope string Atlassian knows.' : 'The scope list is empty.',
        ...(scopes.length ? {} : { fix: PASTE_SCOPES }),
      },
    ];
  }
  return actionable.map((finding, index) => ({
    id: `${idPrefix}.lint.${index + 1}`,
    title: finding.input ? `"${finding.input}": ${PROBLEM_TITLES[finding.problem]}` : PROBLEM_TITLES[finding.problem],
    status: finding.severity === 'error' || (options.asWritten && REJECTED_AS_WRITTEN.has(finding.problem)) ? 'fail' : 'warn',
    detail: finding.message,
    ...fixOf(finding),
    evidence: { input: finding.input, problem: finding.problem },
  }));
}

/** Every warning carries a step the person can take. */
function fixOf(finding: ScopeFinding): Pick<CheckResult, 'fix' | 'scopesToAdd'> {
  if (finding.problem === 'empty') return { fix: PASTE_SCOPES };
  if (!finding.suggestion) return {};
  if (finding.problem === 'ambiguous-label') {
    return { fix: `Paste the scope string the console shows under the title instead: ${finding.suggestion}.` };
  }
  return { fix: `Use ${finding.suggestion}`, scopesToAdd: finding.suggestion.split(' ') };
}

/**
 * `offline_access` decides whether the integration ever gets a refresh token. It is no console permission:
 * the integration asks for it in its authorize URL. A pasted console list without it says nothing about
 * that, so there it is information (`missingStatus: 'info'`); a consent that asked for it and got no
 * refresh token is a failure.
 */
export function offlineAccessResult(
  idPrefix: PrefixOf<'offline-access'>,
  scopes: readonly string[],
  needed: boolean,
  missingStatus: 'info' | 'fail',
): CheckResult | undefined {
  if (!needed) return undefined;
  if (scopes.includes('offline_access')) {
    return {
      id: `${idPrefix}.offline-access`,
      title: 'offline_access requested',
      status: 'pass',
      detail: 'The integration can get a refresh token and stay connected after the 1-hour access token expires.',
    };
  }
  if (missingStatus === 'info') {
    return {
      id: `${idPrefix}.offline-access`,
      title: 'offline_access not in this list',
      status: 'info',
      detail:
        'offline_access is not a console permission: the integration requests it in its authorize URL. ' +
        'The consent test shows whether a refresh token is issued.',
    };
  }
  return {
    id: `${idPrefix}.offline-access`,
    title: 'offline_access missing',
    status: 'fail',
    detail: 'The consent asked for offline_access but no refresh token came back: the connection would stop working an hour after consent.',
    fix: 'Add offline_access to the scopes the integration requests (for example its scope setting), then reconnect. The live consent test confirms a refresh token is issued.',
    scopesToAdd: ['offline_access'],
  };
}
