/**
 * The custom-profile template offered from the connection form: a small valid profile whose one capability
 * needs exactly the scopes pasted there. The paste is read like any scope list (console titles, commas,
 * bullets), so the template holds scope strings the profile schema accepts, never fragments of titles.
 */
import { parseScopeList } from '../scopes';

/** Used when nothing usable is pasted yet, so the template itself is a valid profile. */
const EXAMPLE_SCOPE = 'read:jira-work';

export function profileTemplate(scopesText: string, callbackUrl: string): string {
  const pasted = parseScopeList(scopesText).scopes;
  // offline_access is asked for in the authorize request, not needed by an operation: it is a flag here.
  const needed = pasted.filter((scope) => scope !== 'offline_access');
  const scopes = needed.length > 0 ? needed : [EXAMPLE_SCOPE];
  // No callback yet: an empty list means "the vendor makes one per customer", so nothing is compared.
  const callback = callbackUrl.trim();
  const template = {
    id: 'my-integration',
    name: 'My integration',
    vendor: 'My vendor',
    tokenKind: 'oauth',
    summary: 'What this integration does in Jira.',
    needsOfflineAccess: pasted.includes('offline_access'),
    callbackUrls: callback.startsWith('https://') ? [callback] : [],
    vendorScopes: pasted.length > 0 ? pasted : scopes,
    capabilities: [{ name: 'Everything this integration does', certainty: 'required', scopes }],
  };
  return JSON.stringify(template, null, 2);
}
