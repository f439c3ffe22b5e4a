import type { HttpMethod } from '../catalog';

/** How the integration authenticates to Jira. */
export type TokenKind = 'oauth' | 'scoped-token' | 'classic-token' | 'dc-oauth';

export interface OperationRef {
  method: HttpMethod;
  /** A template path from the catalog, e.g. `/rest/agile/1.0/sprint/{sprintId}`. */
  path: string;
}

/**
 * Something the integration does ("Read sprints"). It needs every listed operation (each satisfied by
 * any one of its scope sets) and every explicit scope.
 */
export interface Capability {
  name: string;
  description?: string;
  operations?: readonly OperationRef[];
  /** Scopes needed beyond what the operations imply (e.g. a vendor-listed scope with no operation). */
  scopes?: readonly string[];
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
  /** The scope list the vendor's guide tells people to grant, as strings (for display and lint). */
  vendorScopes: readonly string[];
  /** Where the vendor documents the setup, for the fix text. */
  guide?: string;
  /** Built-in profiles come from seeds; custom ones from a user's JSON file or the admin page. */
  source: 'builtin' | 'custom';
}
