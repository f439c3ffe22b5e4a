export type * from './types';
export { lookupCloudId, resolveCloudId, CLOUD_ID_HELP } from './cloud-id';
export { checkOAuthClient, INVALID_AUTHORIZATION_CODE } from './oauth-client';
export { checkCallbackUrl, differencesFrom } from './callback-url';
