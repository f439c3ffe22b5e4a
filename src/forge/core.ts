/**
 * The core operations the resolvers call, gathered in one place so the resolvers do not depend on how
 * core lays out its files.
 */
import type { CheckDeps, ConsentFinishInput, ConsentReport, ConsentStart, TokenCheckInput, TokenReport } from '../core/checks/types';
import type { Profile } from '../core/profiles/types';

export { checkOAuthClient, CLOUD_ID_HELP, lookupCloudId } from '../core/checks';

// TEMPORARY until the consent, token and profile modules land in core: they answer "not available yet".
const notYet = (what: string) => new Error(`${what} is not available yet`);
export function startConsent(_deps: CheckDeps, _input: { clientId: string; callbackUrl: string; scopes: string; profile?: Profile }): ConsentStart {
  throw notYet('The consent test');
}
export async function finishConsent(_deps: CheckDeps, _input: ConsentFinishInput): Promise<ConsentReport> {
  throw notYet('The consent test');
}
export async function checkToken(_deps: CheckDeps, _input: TokenCheckInput): Promise<TokenReport> {
  throw notYet('The token check');
}
const placeholderProfiles: Profile[] = [];
export const builtinProfiles = (): readonly Profile[] => placeholderProfiles;
export const getProfile = (id: string): Profile | undefined => placeholderProfiles.find((p) => p.id === id);
