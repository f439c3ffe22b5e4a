import { scopesForLabel } from '../catalog';
import { lintScopeEntries, type LintOptions } from './lint';
import { canonicalPermissions } from './known';
import { tokenizeScopeList } from './parse';
import type { ParsedScopeList } from './types';

export type { FindingProblem, ParsedScopeList, ScopeFinding } from './types';
export type { LintOptions } from './lint';
export { MAX_ENTRIES, MAX_INPUT_CHARS } from './parse';
export { highestPermission, permissionRank, PERMISSION_LABELS, PERMISSION_MEANING } from './data-center';
export {
  ASSETS_SCOPES,
  canonicalPermissions,
  DATA_CENTER_SCOPES,
  isDataCenterScope,
  isRecognisedScope,
  isServiceManagementScope,
  jiraScopeKind,
  suggestScope,
  type DataCenterScope,
} from './known';

const isConsoleTitle = (phrase: string): boolean => scopesForLabel(phrase).length > 0;

/**
 * Reads a scope list in whatever form people paste it (spaces, commas, bullets, table rows,
 * `Label – scope` lines, console titles) and lints it. Throws InputError only for input too large to be a
 * scope list; everything else becomes a finding.
 */
export function parseScopeList(text: string, options: LintOptions = {}): ParsedScopeList {
  const source = options.dataCenter ? canonicalPermissions(text) : text;
  return lintScopeEntries(tokenizeScopeList(source, isConsoleTitle), options);
}
