import type { LintOptions } from '../scopes';
import type { Profile } from './types';

/** How to read a scope list pasted for this profile: its guide, its refresh-token need, Data Center words. */
export function scopeLintOptions(profile: Profile | undefined): LintOptions {
  if (!profile) return {};
  return {
    needsOfflineAccess: profile.needsOfflineAccess,
    vendor: { name: profile.vendor, scopes: profile.vendorScopes },
    dataCenter: profile.tokenKind === 'dc-oauth',
  };
}
