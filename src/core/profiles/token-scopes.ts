/**
 * What an API token for a profile must hold. Usually what the profile needs; where the guide gives the
 * token a list of its own (OneConnect: classic scopes for the token, granular ones for the OAuth app),
 * that list — so a token is never asked for scopes its guide never mentions.
 */
import type { Profile } from './types';

/** Every scope the profile names: its vendor list, then each capability's explicit scopes. */
export function profileScopes(profile: Profile): string[] {
  return [...profile.vendorScopes, ...profile.capabilities.flatMap((c) => c.scopes ?? [])];
}

/** The scopes to probe a token for, sorted; `offline_access` is for OAuth only. */
export function profileTokenScopes(profile: Profile): string[] {
  const scopes = new Set<string>(profile.tokenScopes ?? profileScopes(profile));
  scopes.delete('offline_access');
  return [...scopes].sort();
}

const views = new WeakMap<Profile, Profile>();

/**
 * The profile as its API token is judged: with a token list of its own, that list is the one requirement
 * (and the vendor's list), so coverage names no OAuth-only scope as missing from the token.
 */
export function tokenView(profile: Profile): Profile {
  const { tokenScopes } = profile;
  if (!tokenScopes) return profile;
  const cached = views.get(profile);
  if (cached) return cached;
  const view: Profile = {
    ...profile,
    capabilities: [
      {
        name: `API token scopes the ${profile.vendor} guide asks for`,
        certainty: 'required',
        scopes: tokenScopes.filter((scope) => scope !== 'offline_access'),
      },
    ],
    vendorScopes: tokenScopes,
  };
  views.set(profile, view);
  return view;
}
