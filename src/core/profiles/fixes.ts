import type { Profile, ProfileFixes } from './types';

/** Values a profile's fix text may name, as `{gatewayUrl}`, `{cloudId}`, `{site}`. */
export type FixValues = Record<'gatewayUrl' | 'cloudId' | 'site', string>;

/** The vendor's own fix text for a situation, filled in; undefined when the profile has none. */
export function vendorFix(profile: Pick<Profile, 'fixes'> | undefined, key: keyof ProfileFixes, values: FixValues): string | undefined {
  return profile?.fixes?.[key]?.replace(/\{(gatewayUrl|cloudId|site)\}/g, (_, name: keyof FixValues) => values[name]);
}
