import { InputError } from '../core/model';
import type { Profile } from '../core/profiles/types';
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
  const profile = getProfile(id) ?? (await store.get<Profile>(`${keys.customProfilePrefix}${id}`));
  if (!profile) throw new InputError(`Unknown profile "${id}". Pick one from the list.`, 'profileId');
  return profile;
}
