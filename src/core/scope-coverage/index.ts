/**
 * Required versus granted: per capability, covered / covered only through classic scopes / missing (with
 * the fewest scopes to add), plus the granted scopes nothing needs — apart from the ones the vendor's guide
 * lists — and the strings that are not scopes.
 */
import { getScope, scopeKind, type ScopeKind, type ScopeSet } from '../catalog';
import type { Status } from '../model';
import type { Capability, Profile } from '../profiles/types';
import { isRecognisedScope, jiraScopeKind } from '../scopes';
import { minimalCover } from './minimal-cover';
import { requirementOf, type Requirement } from './requirement';
import type { CapabilityCoverage, CoverageResult } from './types';

export type { CapabilityCoverage, CapabilityStatus, CoverageResult } from './types';
export { requirementOf, type Requirement } from './requirement';

export function analyzeCoverage(profile: Profile, granted: readonly string[]): CoverageResult {
  const grant = new Set(granted);
  const prefer = preferredKind(grant);
  const capabilities = profile.capabilities.map((capability) => coverCapability(capability, grant, prefer));

  const used = new Set(capabilities.flatMap((c) => c.usedScopes));
  if (profile.needsOfflineAccess) used.add('offline_access');
  const vendorListed = new Set(profile.vendorScopes);
  const unknown = [...grant].filter((s) => !isRecognisedScope(s));
  const unused = [...grant].filter((s) => isRecognisedScope(s) && !used.has(s)).sort();
  // The integration may request a vendor-listed scope in its authorize URL: removing it breaks consent.
  const excess = unused.filter((s) => !vendorListed.has(s));
  const keptForVendor = unused.filter((s) => vendorListed.has(s));
  const missing = union(capabilities.filter((c) => c.certainty === 'required').map((c) => c.missing));
  const likelyMissing = union(capabilities.filter((c) => c.certainty === 'likely').map((c) => c.missing)).filter((s) => !missing.includes(s));

  const named = [...used, ...missing, ...likelyMissing, ...unused];
  return {
    profileId: profile.id,
    vendor: profile.vendor,
    verdict: verdictOf(missing, likelyMissing, excess, unknown),
    capabilities,
    missing,
    likelyMissing,
    excess,
    keptForVendor,
    unknown,
    scopeLabels: labelsOf(named),
    scopeKinds: kindsOf(named),
  };
}

function union(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}

/** A mostly granular grant should be completed with granular scopes, a classic one with classic scopes. */
export function preferredKind(grant: ReadonlySet<string>): ScopeKind {
  let classic = 0;
  let granular = 0;
  for (const scope of grant) {
    const kind = jiraScopeKind(scope);
    if (kind === 'classic') classic++;
    else if (kind === 'granular') granular++;
  }
  return classic > granular ? 'classic' : 'granular';
}

function coverCapability(capability: Capability, grant: ReadonlySet<string>, prefer: ScopeKind): CapabilityCoverage {
  const chosen: ScopeSet[] = [];
  const unmet: Requirement[] = [];
  let onlyClassic = false;
  for (const alternatives of requirementOf(capability)) {
    // App-only operations list no scope set: no grant can allow them, so scopes have nothing to say.
    if (alternatives.length === 0) continue;
    const held = alternatives.filter((set) => set.scopes.every((s) => grant.has(s)));
    if (held.length === 0) {
      unmet.push(alternatives);
      continue;
    }
    // Granular would do with less, but the grant holds only the classic way in.
    if (held.every((set) => set.kind === 'classic') && alternatives.some((set) => set.kind === 'granular')) onlyClassic = true;
    chosen.push(held.find((set) => set.kind === prefer) ?? held[0]!);
  }
  const cover = minimalCover(unmet, grant, prefer);
  chosen.push(...cover.chosen);
  const usedScopes = [...new Set(chosen.flatMap((set) => set.scopes))].filter((s) => grant.has(s)).sort();
  const status = cover.added.length > 0 ? 'missing' : onlyClassic ? 'covered-by-classic' : 'covered';
  // Stored custom profiles from before `certainty` existed have none: they meant required.
  const certainty = capability.certainty === 'likely' ? 'likely' : 'required';
  return {
    name: capability.name,
    ...(capability.description ? { note: capability.description } : {}),
    status,
    certainty,
    ...(certainty === 'likely' && capability.ask ? { ask: capability.ask } : {}),
    covered: status !== 'missing',
    missing: cover.added,
    usedScopes,
  };
}

function kindsOf(scopes: Iterable<string>): Record<string, ScopeKind> {
  const kinds: Record<string, ScopeKind> = {};
  for (const scope of scopes) {
    const kind = scopeKind(scope);
    if (kind) kinds[scope] = kind;
  }
  return kinds;
}

function labelsOf(scopes: Iterable<string>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const scope of scopes) {
    const label = getScope(scope)?.label ?? getScope(scope)?.note;
    if (label) labels[scope] = label;
  }
  return labels;
}

/**
 * Missing required scopes fail. Missing likely ones, removable scopes and strings that are no scopes each
 * have a fix (ask the vendor, remove, correct), so they warn. Classic-only coverage works and vendor-listed
 * extras are the vendor's choice: information, not warnings.
 */
function verdictOf(missing: readonly string[], likelyMissing: readonly string[], excess: readonly string[], unknown: readonly string[]): Status {
  if (missing.length > 0) return 'fail';
  if (likelyMissing.length > 0 || excess.length > 0 || unknown.length > 0) return 'warn';
  return 'pass';
}
