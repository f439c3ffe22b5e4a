import type { Status } from '../model';

/**
 * covered: the grant holds a full scope set for everything the capability needs.
 * covered-by-classic: covered, but only through classic scopes (works; granular would be least privilege).
 * missing: something is not covered; `missing` is the smallest set of scopes to add.
 */
export type CapabilityStatus = 'covered' | 'covered-by-classic' | 'missing';

export interface CapabilityCoverage {
  name: string;
  /** The profile's note on the capability (what it needs and why), when it has one. */
  note?: string;
  status: CapabilityStatus;
  covered: boolean;
  /** Smallest set of scopes to add (granular preferred when the grant is granular). */
  missing: string[];
  /** Granted scopes this capability actually relies on. */
  usedScopes: string[];
}

export interface CoverageResult {
  profileId: string;
  verdict: Status;
  capabilities: CapabilityCoverage[];
  /** Union of every capability's `missing`, sorted. */
  missing: string[];
  /** Granted scopes no capability needs (least privilege). */
  excess: string[];
  /** Granted strings that are not scopes we know. */
  unknown: string[];
  /** What each scope named above allows, in Atlassian's words, where the catalog has them. */
  scopeLabels: Record<string, string>;
}
