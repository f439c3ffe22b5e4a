export type FindingProblem =
  | 'whitespace' // `read: board-scope:jira-software`
  | 'case' // `read:issue:Jira`
  | 'unknown' // not a scope we know; suggestion = nearest by edit distance
  | 'label' // a console title given instead of a scope string; suggestion = the scope
  | 'ambiguous-label' // a console title two scopes share ("View issues"); suggestion = `a or b`
  | 'duplicate'
  | 'mixed-kinds' // classic and granular in one list
  | 'offline-access-missing'
  | 'service-management' // a Jira Service Management scope (recognised, not checked by the Jira catalog)
  | 'data-center' // READ / WRITE / ADMIN / SYSTEM_ADMIN: Jira Data Center application link scopes
  | 'ignored' // a line of prose with no scope in it (pasted along with the list)
  | 'empty';

export interface ScopeFinding {
  /** What the person wrote, as written (trimmed line or token). */
  input: string;
  problem: FindingProblem;
  severity: 'error' | 'warning' | 'info';
  message: string;
  suggestion?: string;
}

export interface ParsedScopeList {
  /** Recognised scope strings, corrected where the correction is certain (labels, case, whitespace). */
  scopes: string[];
  findings: ScopeFinding[];
}
