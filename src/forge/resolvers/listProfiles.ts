import type { ProfileSummary } from '../api';
import type { Profile } from '../../core/profiles/types';
import { allProfiles } from '../profiles';
import { defineResolver } from './define';
import { noPayload } from './schemas';

export const listProfiles = defineResolver('listProfiles', noPayload, async (_payload, _context, deps) =>
  (await allProfiles(deps.store)).map(summarize),
);

function summarize(profile: Profile): ProfileSummary {
  return {
    id: profile.id,
    name: profile.name,
    vendor: profile.vendor,
    tokenKind: profile.tokenKind,
    summary: profile.summary,
    needsOfflineAccess: profile.needsOfflineAccess,
    callbackUrls: [...profile.callbackUrls],
    vendorScopes: [...profile.vendorScopes],
    capabilities: profile.capabilities.map(({ name, description }) => (description ? { name, description } : { name })),
    source: profile.source,
  };
}
