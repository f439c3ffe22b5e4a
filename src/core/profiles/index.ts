import { InputError } from '../model';
import { kendisCloudOAuth, kendisDataCenterOAuth, kendisUserToken } from './kendis';
import { oneConnectClassicToken, oneConnectOAuthFull, oneConnectOAuthReadOnly } from './oneconnect';
import { targetprocess } from './targetprocess';
import type { Profile } from './types';

export type { Capability, Certainty, OperationRef, Profile, ProfileFixes, TokenKind } from './types';
export { parseCustomProfile, ProfileError } from './custom';
export { profileFile, profileJsonSchema } from './schema';
export { describeProfile, type DescribedCapability, type DescribedOperation, type ProfileDescription } from './describe';
export { vendorFix, type FixValues } from './fixes';
export { scopeLintOptions } from './lint-options';
export { profileScopes, profileTokenScopes, tokenView } from './token-scopes';

/** One profile per configuration in the vendor guides. */
export const builtinProfiles: readonly Profile[] = [
  kendisCloudOAuth,
  kendisUserToken,
  kendisDataCenterOAuth,
  oneConnectClassicToken,
  oneConnectOAuthReadOnly,
  oneConnectOAuthFull,
  targetprocess,
];

export function getProfile(id: string): Profile | undefined {
  return builtinProfiles.find((p) => p.id === id);
}

export function requireProfile(id: string): Profile {
  const profile = getProfile(id);
  if (!profile) {
    throw new InputError(`unknown profile "${id}"; valid profiles: ${builtinProfiles.map((p) => p.id).join(', ')}`, 'profile');
  }
  return profile;
}
