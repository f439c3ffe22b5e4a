import type { HttpMethod } from '../catalog';

/** How the integration authenticates to Jira. */
export type TokenKind = 'oauth' | 'scoped-token' | 'classic-token' | 'dc-oauth';

export interface OperationRef {
  method: HttpMethod;
  /** A template path from the catalog, e.g. `/rest/agile/1.0/sprint/{sprintId}`. */
  path: string;
}

/**
 * How sure a requirement is. `required`: the guide asks for it, or the vendor's feature cannot work
 * without it — missing it fails. `likely`: only a console title or our reading of the API suggests it —
 * missing it is a warning whose fix is to ask the vendor.
 */
export type Certainty = 'required' | 'likely';

/**
 * Something the integration does ("Read sprints"). It needs every listed operation (each satisfied by
 * any one of its scope sets) and every explicit scope.
 */
export interface Capability {
  name: string;
  description?: string;
  certainty: Certainty;
  /**
   * For a likely capability, what to ask the vendor, as the end of "Ask Kendis whether it …":
   * e.g. "deletes sprints". Without it the question names the capability.
   */
  ask?: string;
  operations?: readonly OperationRef[];
  /** Scopes needed beyond what the operations imply (e.g. a vendor-listed scope with no operation). */
  scopes?: readonly string[];
}

/**
 * Fix texts in the vendor's own words, where the generic advice would name a setting the vendor's product
 * does not have. `{gatewayUrl}`, `{cloudId}` and `{site}` are filled in by the check.
 */
export interface ProfileFixes {
  /** What to do in the integration when a scoped API token is used (it works only through the gateway). */
  scopedTokenBaseUrl?: string;
  /** Where the vendor shows its per-customer callback URL, when the one entered does not fit its pattern. */
  callbackUrl?: string;
}

export interface Profile {
  /** kebab-case, e.g. `kendis-cloud-oauth`. */
  id: string;
  name: string;
  vendor: string;
  tokenKind: TokenKind;
  summary: string;
  capabilities: readonly Capability[];
  /** The refresh-token flow needs `offline_access` in the authorize request. */
  needsOfflineAccess: boolean;
  /** Exact callback URLs the vendor uses; empty when the vendor generates one per customer. */
  callbackUrls: readonly string[];
  /**
   * The shape of a per-customer callback URL, as a person reads it: `{name}` stands for one host label and
   * a trailing `…` for any path, e.g. `https://{your-kendis}.kendis.io/…`.
   */
  callbackPattern?: string;
  /** The region each of `callbackUrls` serves (OneConnect: `EU`, `non-EU`), matched against the connection's name. */
  callbackRegions?: Readonly<Record<string, string>>;
  /** The scope list the vendor's guide tells people to grant, as strings (for display and lint). */
  vendorScopes: readonly string[];
  /**
   * The scopes the guide asks the integration's API token for, when that differs from the OAuth app's list
   * (OneConnect: an OAuth app with granular scopes and a scoped token with classic ones). Absent: the
   * token needs what the profile needs.
   */
  tokenScopes?: readonly string[];
  fixes?: ProfileFixes;
  /** Where the vendor documents the setup, for the fix text. */
  guide?: string;
  /** Built-in profiles come from seeds; custom ones from a user's JSON file or the admin page. */
  source: 'builtin' | 'custom';
}
