/**
 * Findings for a tokenised scope list: what is wrong with each entry, the certain corrections, and what
 * is wrong with the list as a whole.
 */
import { allLabels, normalizeLabel, scopesForLabel } from '../catalog';
import { canonicalPermissions, isAssetsScope, isDataCenterScope, isRecognisedScope, isServiceManagementScope, jiraScopeKind, suggestScope } from './known';
import type { ScopeEntry } from './parse';
import { closestMatch } from './suggest';
import type { ParsedScopeList, ScopeFinding } from './types';
import { sample } from '../text';

export interface LintOptions {
  /** The integration refreshes its access token, so `offline_access` must be requested. */
  needsOfflineAccess?: boolean;
  /** The guide the list is checked against: whose it is and the scopes it lists. */
  vendor?: { name: string; scopes: readonly string[] };
  /** A Jira Data Center link: the drop-down's words ("Admin") are its permissions (ADMIN). */
  dataCenter?: boolean;
}

/** Messages quote what was written; a pasted novel is cut short. */
const MAX_QUOTE = 100;
/** Each did-you-mean scans the catalog; in a paste of hundreds of unknown strings only the first get one. */
const MAX_SUGGESTIONS = 200;

/** Runs a did-you-mean while the list's budget lasts. */
type Suggest = <T>(find: () => T | undefined) => T | undefined;

export function lintScopeEntries(entries: readonly ScopeEntry[], options: LintOptions = {}): ParsedScopeList {
  const scopes: string[] = [];
  const findings: ScopeFinding[] = [];
  const accept = (scope: string, input: string): void => {
    if (scopes.includes(scope)) {
      findings.push({
        input: quote(input),
        problem: 'duplicate',
        severity: 'info',
        message: `${scope} is listed more than once; it only needs to be granted once.`,
        suggestion: scope,
      });
      return;
    }
    scopes.push(scope);
    findings.push(...productNotes(scope, input));
  };

  let suggestionsLeft = MAX_SUGGESTIONS;
  const suggest: Suggest = (find) => (suggestionsLeft-- > 0 ? find() : undefined);
  for (const entry of entries) {
    if (entry.kind === 'phrase') lintPhrase(entry, findings, accept, suggest, options.vendor);
    else lintToken(entry, findings, accept, suggest);
  }

  if (entries.length === 0) {
    findings.push({
      input: '',
      problem: 'empty',
      severity: 'warning',
      message: 'No scopes to check: paste the scope strings or console permission titles the integration asks for.',
    });
  }
  findings.push(...listFindings(scopes, options));
  return { scopes, findings };
}

type Accept = (scope: string, input: string) => void;

function lintToken(entry: ScopeEntry, findings: ScopeFinding[], accept: Accept, suggest: Suggest): void {
  const compact = entry.text.replace(/\s+/g, '');
  const hadSpace = compact !== entry.text;
  if (isRecognisedScope(compact)) {
    if (hadSpace) findings.push(correction(entry, 'whitespace', compact, 'has a space inside it'));
    accept(compact, entry.input);
    return;
  }
  const lower = compact.toLowerCase();
  if (isRecognisedScope(lower)) {
    // Scope strings are lower case and Atlassian compares them exactly.
    findings.push(correction(entry, hadSpace ? 'whitespace' : 'case', lower, hadSpace ? 'has a space and capitals in it' : 'has capitals in it'));
    accept(lower, entry.input);
    return;
  }
  // "Admin" from a Data Center guide, read without a Data Center profile.
  const permission = canonicalPermissions(compact);
  if (isDataCenterScope(permission)) {
    findings.push({
      input: quote(entry.input),
      problem: 'unknown',
      severity: 'error',
      message: `"${quote(entry.input)}" is not a Jira Cloud scope; as the permission of a Jira Data Center application link it is ${permission}.`,
      suggestion: permission,
    });
    return;
  }
  const suggestion = suggest(() => suggestScope(compact));
  findings.push({
    input: quote(entry.input),
    problem: 'unknown',
    severity: 'error',
    message: suggestion ? `"${quote(entry.input)}" is not a Jira scope. Did you mean ${suggestion}?` : `"${quote(entry.input)}" is not a Jira scope we know.`,
    ...(suggestion ? { suggestion } : {}),
  });
}

function lintPhrase(entry: ScopeEntry, findings: ScopeFinding[], accept: Accept, suggest: Suggest, vendor: LintOptions['vendor']): void {
  const labelled = scopesForLabel(entry.text);
  if (labelled.length > 1) {
    lintAmbiguousTitle(entry, labelled, findings, accept, vendor);
    return;
  }
  if (labelled.length > 0) {
    findings.push({
      input: quote(entry.input),
      problem: 'label',
      severity: 'info',
      message: `"${quote(entry.input)}" is the console title of ${labelled.join(', ')}; scope strings are what an authorize URL or a token needs.`,
      suggestion: labelled.join(' '),
    });
    for (const scope of labelled) accept(scope, entry.input);
    return;
  }
  const nearLabel = suggest(() => closestMatch(normalizeLabel(entry.text), allLabels()));
  const meant = nearLabel ? scopesForLabel(nearLabel) : [];
  if (meant.length > 0) {
    findings.push({
      input: quote(entry.input),
      problem: 'unknown',
      severity: 'error',
      message: `"${quote(entry.input)}" is neither a scope nor a console title. Did you mean "${nearLabel}" (${meant.join(', ')})?`,
      suggestion: meant.join(' '),
    });
    return;
  }
  // Words with no scope in them and no title they resemble: guide prose pasted along with the list.
  findings.push({
    input: quote(entry.input),
    problem: 'ignored',
    severity: 'info',
    message: `Skipped "${quote(entry.input)}": it holds no scope and is no console permission title.`,
  });
}

/**
 * One console title, several scopes ("View issues"). The guide's own list settles it when it names exactly
 * one of them; otherwise both are taken, and the person is asked for the scope string.
 */
function lintAmbiguousTitle(entry: ScopeEntry, scopes: readonly string[], findings: ScopeFinding[], accept: Accept, vendor: LintOptions['vendor']): void {
  const both = scopes.join(' and ');
  const listed = vendor ? scopes.filter((scope) => vendor.scopes.includes(scope)) : [];
  if (vendor && listed.length === 1) {
    const [scope] = listed as [string];
    findings.push({
      input: quote(entry.input),
      problem: 'label',
      severity: 'info',
      message: `"${quote(entry.input)}" is the console title of both ${both}; taken as ${scope}, the one the ${vendor.name} guide lists.`,
      suggestion: scope,
    });
    accept(scope, entry.input);
    return;
  }
  findings.push({
    input: quote(entry.input),
    problem: 'ambiguous-label',
    severity: 'warning',
    message: `"${quote(entry.input)}" is the console title of both ${both}; the title alone cannot say which was granted, so both are counted.`,
    suggestion: scopes.join(' or '),
  });
  for (const scope of scopes) accept(scope, entry.input);
}

function correction(entry: ScopeEntry, problem: 'whitespace' | 'case', fixed: string, what: string): ScopeFinding {
  return {
    input: quote(entry.input),
    problem,
    severity: 'warning',
    message: `"${quote(entry.input)}" ${what}; the scope is ${fixed}. Atlassian matches scope strings exactly.`,
    suggestion: fixed,
  };
}

/** Scopes that are real but outside what the Jira Cloud catalog can check. */
function productNotes(scope: string, input: string): ScopeFinding[] {
  if (isDataCenterScope(scope)) {
    return [
      {
        input: quote(input),
        problem: 'data-center',
        severity: 'info',
        message: `${scope} is a Jira Data Center application-link scope; it applies to a Data Center incoming link, not to Jira Cloud.`,
        suggestion: scope,
      },
    ];
  }
  if (isServiceManagementScope(scope)) {
    const family = isAssetsScope(scope) ? 'an Assets (CMDB) scope of Jira Service Management' : 'a Jira Service Management scope';
    return [
      {
        input: quote(input),
        problem: 'service-management',
        severity: 'info',
        message: `${scope} is ${family}; it is recognised, but the Jira platform catalog cannot check which requests it allows.`,
        suggestion: scope,
      },
    ];
  }
  return [];
}

function listFindings(scopes: readonly string[], options: LintOptions): ScopeFinding[] {
  const findings: ScopeFinding[] = [];
  const classic = scopes.filter((s) => jiraScopeKind(s) === 'classic');
  const granular = scopes.filter((s) => jiraScopeKind(s) === 'granular');
  if (classic.length > 0 && granular.length > 0) {
    // Mixing is allowed and often what a vendor asks for; what each capability lacks is coverage's to say,
    // so there is nothing to do here: information.
    const vendor = options.vendor;
    const vendorMixes = vendor !== undefined && mixesKinds(vendor.scopes);
    findings.push({
      input: '',
      problem: 'mixed-kinds',
      severity: 'info',
      message:
        `This list mixes classic scopes (${sample(classic, 2)}) with granular ones (${sample(granular, 2)})` +
        `${vendorMixes ? `, as the ${vendor.name} guide does` : ''}. ` +
        'Each request is allowed by a complete classic set or a complete granular set, never half of each; ' +
        'Jira Software (agile) endpoints accept granular scopes only, so classic scopes such as read:jira-work do not cover boards or sprints.',
    });
  }
  if (options.needsOfflineAccess && !scopes.includes('offline_access')) {
    findings.push({
      input: '',
      problem: 'offline-access-missing',
      // No console lists it: the integration adds it to its authorize URL, which only the consent test sees.
      severity: 'info',
      message: 'offline_access is not in this list. It is not a console permission; the consent test shows whether a refresh token is issued.',
    });
  }
  return findings;
}

function mixesKinds(scopes: readonly string[]): boolean {
  const kinds = new Set(scopes.map(jiraScopeKind));
  return kinds.has('classic') && kinds.has('granular');
}

function quote(text: string): string {
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
}
