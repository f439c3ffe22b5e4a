import { z } from 'zod';
import { InputError } from '../../core/model';
import { getProfile, parseCustomProfile, ProfileError } from '../core';
import { MAX_PROFILE_BYTES } from '../../core/profiles/custom';
import { dataCenterRefusal, isAppProfile, summarizeProfile } from '../profiles';
import { keys } from '../storage/keys';
import { defineResolver } from './define';
import { withinBytes } from './schemas';

/**
 * Saves a custom profile pasted as JSON. Every problem in it comes back at once, one line per field, so the
 * admin fixes the whole file in one go. Saving an existing custom id replaces that profile.
 */
export const saveProfile = defineResolver(
  'saveProfile',
  'admin',
  z.object({
    profile: z.string().trim().min(1, 'paste the profile as JSON').refine(withinBytes(MAX_PROFILE_BYTES), 'the profile is too large (limit 100,000 bytes)'),
  }),
  async ({ profile: text }, _context, deps) => {
    const profile = parse(text);
    const builtin = getProfile(profile.id);
    if (builtin) {
      throw new InputError(`id: "${profile.id}" is the built-in profile "${builtin.name}"; give yours its own id, e.g. "${profile.id}-custom"`, 'profile');
    }
    if (!isAppProfile(profile)) throw new InputError(`tokenKind: ${dataCenterRefusal(profile)}`, 'profile');
    await deps.store.set(keys.customProfile(profile.id), profile);
    return summarizeProfile(profile);
  },
);

function parse(text: string) {
  try {
    return parseCustomProfile(text);
  } catch (error) {
    // The issues are already one readable line per bad field; the field to point at is the JSON box.
    if (error instanceof ProfileError) throw new InputError(error.issues.join('\n'), 'profile');
    if (error instanceof InputError) throw new InputError(error.message, 'profile');
    throw error;
  }
}
