/**
 * Which scope strings Scope Doctor recognises: the generated Jira catalog, plus two families the Jira
 * specs do not list but guides do — Assets (CMDB) scopes of Jira Service Management, and the scopes of a
 * Jira Data Center application link.
 */
import { allScopes, getScope, isKnownScope } from '../catalog';
import { closestMatch } from './suggest';

/** Jira Data Center incoming-link permissions, lowest to highest; each includes the ones before it. */
export const DATA_CENTER_SCOPES = ['READ', 'WRITE', 'ADMIN', 'SYSTEM_ADMIN'] as const;
export type DataCenterScope = (typeof DATA_CENTER_SCOPES)[number];

const ASSETS_RESOURCES = ['cmdb-object', 'cmdb-schema', 'cmdb-type', 'cmdb-attribute'];
/** Assets (CMDB) REST API scopes; seed 001 lists four of them. */
export const ASSETS_SCOPES: readonly string[] = [
  ...['read', 'write', 'delete'].flatMap((action) => ASSETS_RESOURCES.map((r) => `${action}:${r}:jira`)),
  'read:cmdb-icon:jira',
];
const assetsScopes = new Set(ASSETS_SCOPES);

/** What the Permission drop-down of an incoming link says, lower case, for each scope. */
const PERMISSION_WORDS: Record<string, DataCenterScope> = {
  read: 'READ',
  write: 'WRITE',
  admin: 'ADMIN',
  sysadmin: 'SYSTEM_ADMIN',
  'system admin': 'SYSTEM_ADMIN',
  'system administrator': 'SYSTEM_ADMIN',
};

const MAX_PERMISSION_ITEM = 40;

/**
 * The Permission drop-down says "Admin", "System admin": items (lines, comma or semicolon separated) that
 * are only such words become the scope strings. Anything else (Cloud scopes, console titles) is untouched.
 */
export function canonicalPermissions(text: string): string {
  return text
    .split(/(\r\n|\r|\n|,|;)/)
    .map((item) => {
      // Longer than any permission: left alone, which also keeps the patterns below cheap.
      if (item.length > MAX_PERMISSION_ITEM) return item;
      // `"Admin"` as the guide quotes it, or `- Admin` as a bullet, is still the permission.
      const key = item
        .trim()
        .toLowerCase()
        .replace(/^(?:[-*•]\s+)?["'“”‘’`]*|["'“”‘’`.]*$/g, '')
        .replace(/[\s_-]+/g, ' ')
        .trim();
      const whole = PERMISSION_WORDS[key];
      if (whole) return whole;
      const words = key.split(' ');
      const each = words.map((word) => PERMISSION_WORDS[word]);
      return key && each.every(Boolean) ? each.join(' ') : item;
    })
    .join('');
}

export function isDataCenterScope(scope: string): scope is DataCenterScope {
  return (DATA_CENTER_SCOPES as readonly string[]).includes(scope);
}

export function isAssetsScope(scope: string): boolean {
  return assetsScopes.has(scope);
}

/** Jira Service Management: the catalog's JSM scopes and the Assets scopes. */
export function isServiceManagementScope(scope: string): boolean {
  return getScope(scope)?.product === 'jira-service-management' || isAssetsScope(scope);
}

export function isRecognisedScope(scope: string): boolean {
  return isKnownScope(scope) || isAssetsScope(scope) || isDataCenterScope(scope);
}

const SUGGESTION_CACHE_SIZE = 1_000;
const suggestionCache = new Map<string, string | undefined>();

let cloudScopeNames: readonly string[] | undefined;
function cloudScopes(): readonly string[] {
  cloudScopeNames ??= [...allScopes().map((s) => s.scope), ...ASSETS_SCOPES];
  return cloudScopeNames;
}

/**
 * The recognised scope someone most likely meant: the nearest by edit distance, or — for a string missing
 * its product (`read:sprint`) — the only scope that starts with it.
 */
export function suggestScope(input: string): string | undefined {
  const lower = input.toLowerCase();
  if (suggestionCache.has(lower)) return suggestionCache.get(lower);
  const suggestion = findSuggestion(lower);
  // Same typo, same answer; the cache is cleared rather than grown without bound.
  if (suggestionCache.size >= SUGGESTION_CACHE_SIZE) suggestionCache.clear();
  suggestionCache.set(lower, suggestion);
  return suggestion;
}

function findSuggestion(lower: string): string | undefined {
  const close = closestMatch(lower, cloudScopes());
  if (close) return close;
  const extended = cloudScopes().filter((s) => s.startsWith(`${lower}:`));
  return extended.length === 1 ? extended[0] : undefined;
}

/** Classic Jira scopes (`read:jira-work`) versus granular ones (`read:sprint:jira-software`). */
export function jiraScopeKind(scope: string): 'classic' | 'granular' | undefined {
  const record = getScope(scope);
  if (!record) return undefined;
  if (record.kind === 'classic' && record.product === 'jira') return 'classic';
  if (record.kind === 'granular' && (record.product === 'jira' || record.product === 'jira-software')) return 'granular';
  return undefined;
}
