import type { ScopeKind } from '../catalog/types';
import type { Status } from '../model';
import type { Certainty } from '../profiles/types';

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
  /** How sure the profile is that the integration needs this: a missing `likely` one only warns. */
  certainty: Certainty;
  /** For a likely capability: what to ask the vendor ("deletes sprints"). */
  ask?: string;
  covered: boolean;
  /** Smallest set of scopes to add (granular preferred when the grant is granular). */
  missing: string[];
  /** Granted scopes this capability actually relies on. */
  usedScopes: string[];
}

export interface CoverageResult {
  profileId: string;
  /** Whose guide the profile follows, for "kept because {vendor} asks for it" and "ask {vendor}". */
  vendor: string;
  verdict: Status;
  capabilities: CapabilityCoverage[];
  /** Union of the `missing` of every required capability, sorted: what fails the verdict. */
  missing: string[];
  /** Scopes only likely capabilities miss (not in `missing`), sorted: ask the vendor before adding. */
  likelyMissing: string[];
  /** Granted scopes that neither a capability nor the vendor's list needs: safe to remove. */
  excess: string[];
  /** Granted scopes no modelled capability uses that the vendor's guide lists: never advised for removal. */
  keptForVendor: string[];
  /** Granted strings that are not scopes we know. */
  unknown: string[];
  /** What each scope named above allows, in Atlassian's words, where the catalog has them. */
  scopeLabels: Record<string, string>;
  /** Classic or granular, for each scope named above that the catalog knows. */
  scopeKinds: Record<string, ScopeKind>;
}
