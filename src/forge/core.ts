/**
 * The core operations the resolvers call, gathered in one place so the resolvers do not depend on how
 * core lays out its files.
 */
export {
  checkOAuthClient,
  checkToken,
  CLOUD_ID_HELP,
  finishConsent,
  grantFromConsent,
  lookupCloudId,
  readConsentRedirect,
  startConsent,
  timeLeft,
  withDeadline,
} from '../core/checks';
export { builtinProfiles, getProfile, parseCustomProfile, ProfileError } from '../core/profiles';
export { parseScopeList, suggestScope } from '../core/scopes';
export { explainText } from '../core/explain';
export { leastPrivilegeFromText, profileFromTraffic } from '../core/least-privilege';
