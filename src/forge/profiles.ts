import { InputError } from '../core/model';
import type { Profile } from '../core/profiles/types';
import type { ProfileSummary } from './api';
import { builtinProfiles, getProfile } from './core';
import type { Store } from './ports';
import { collect } from './storage/collect';
import { keys } from './storage/keys';

/** Built-in profiles first, then the custom ones saved for this site. */
export async function allProfiles(store: Store): Promise<Profile[]> {
  const custom = await collect<Profile>(store, keys.customProfilePrefix);
  return [...builtinProfiles, ...custom];
}

export async function findProfile(store: Store, id: string): Promise<Profile> {
  const profile = getProfile(id) ?? (await store.get<Profile>(keys.customProfile(id)));
  if (!profile) throw new InputError(`Unknown profile "${id}". Pick one from the list.`, 'profileId');
  return profile;
}

/**
 * A Forge app cannot reach a customer's Data Center server, so Data Center profiles are checked from the
 * CLI only: the app neither offers them nor accepts them.
 */
export function isAppProfile(profile: Pick<Profile, 'tokenKind'>): boolean {
  return profile.tokenKind !== 'dc-oauth';
}

export function dataCenterRefusal(profile: Pick<Profile, 'name'>): string {
  return `"${profile.name}" is a Jira Data Center profile: check it with the CLI, \`scope-doctor dc\` (a Forge app cannot reach a Data Center server).`;
}

/** The profiles this app can check: everything but Data Center ones. */
export async function appProfiles(store: Store): Promise<Profile[]> {
  return (await allProfiles(store)).filter(isAppProfile);
}

/** Like findProfile, but refuses a Data Center profile with the way to check it instead. */
export async function findAppProfile(store: Store, id: string): Promise<Profile> {
  const profile = await findProfile(store, id);
  if (!isAppProfile(profile)) throw new InputError(dataCenterRefusal(profile), 'profileId');
  return profile;
}

/** What the UI sees of a profile. */
export function summarizeProfile(profile: Profile): ProfileSummary {
  return {
    id: profile.id,
    name: profile.name,
    vendor: profile.vendor,
    tokenKind: profile.tokenKind,
    summary: profile.summary,
    needsOfflineAccess: profile.needsOfflineAccess,
    callbackUrls: [...profile.callbackUrls],
    ...(profile.callbackPattern ? { callbackPattern: profile.callbackPattern } : {}),
    vendorScopes: [...profile.vendorScopes],
    capabilities: profile.capabilities.map(({ name, description }) => (description ? { name, description } : { name })),
    source: profile.source,
  };
}
