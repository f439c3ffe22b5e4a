/**
 * Every check as data, as `npm doctor` lists its checks: its id, what it is about, what it needs, the function
 * that runs it, and the result ids it can produce (result-ids.ts, data only, from which `ResultId` is derived:
 * a result id not listed there is a type error wherever a result is made or looked up). `scope-doctor checks`
 * prints this table.
 */
import { explainText } from '../explain';
import { leastPrivilegeFromText } from '../least-privilege';
import { parseCustomProfile } from '../profiles/custom';
import { lookupCloudId } from './cloud-id';
import { checkDataCenter } from './data-center';
import { finishConsent } from './consent';
import { checkOAuthClient } from './oauth-client';
import { listOrgTokens } from './org-tokens';
import { RESULTS, RUNNER_RESULTS } from './result-ids';
import { scopeListResults } from './scope-list';
import { checkToken } from './token';

export const CHECKS = [
  {
    id: 'cloud-id',
    title: 'Cloud ID',
    needs: 'a site (acme.atlassian.net)',
    run: lookupCloudId,
    results: RESULTS['cloud-id'],
  },
  {
    id: 'oauth',
    title: 'OAuth 2.0 (3LO) app',
    needs: 'a client ID; a client secret, callback URL, console scopes and a profile where known',
    run: checkOAuthClient,
    results: RESULTS.oauth,
  },
  {
    id: 'consent',
    title: 'OAuth 2.0 consent test',
    needs: 'a client ID and secret, the callback URL and the URL Atlassian redirected to after consent',
    run: finishConsent,
    results: RESULTS.consent,
  },
  {
    id: 'token',
    title: 'User API token (classic or scoped)',
    needs: 'a site, the email and the token; a profile and the expiry date where known',
    run: checkToken,
    results: RESULTS.token,
  },
  {
    id: 'dc',
    title: 'Jira Data Center application link and personal access token',
    needs: "the server's base URL; a client ID and secret, callback URL, link permission or token",
    run: checkDataCenter,
    results: RESULTS.dc,
  },
  {
    id: 'tokens',
    title: "Organization's API tokens",
    needs: 'an organization ID and an organization admin API key',
    run: listOrgTokens,
    results: RESULTS.tokens,
  },
  {
    id: 'explain',
    title: 'Why a request failed',
    needs: 'a URL, "METHOD URL", a curl command, log lines or a HAR file; a site and scopes where known',
    run: explainText,
    results: RESULTS.explain,
  },
  {
    id: 'least-privilege',
    title: 'The fewest scopes for the requests an integration sends',
    needs: 'endpoints, URLs, log lines or a HAR file',
    run: leastPrivilegeFromText,
    results: RESULTS['least-privilege'],
  },
  {
    id: 'scopes',
    title: 'A scope list, and what it covers of a profile',
    needs: 'a scope list as pasted; a profile for coverage',
    run: scopeListResults,
    results: RESULTS.scopes,
  },
  {
    id: 'profile',
    title: 'A custom profile file',
    needs: 'a profile JSON file',
    run: parseCustomProfile,
    results: RESULTS.profile,
  },
] as const;

export type CheckId = (typeof CHECKS)[number]['id'];
export { RUNNER_RESULTS };

/** The catalog as plain data (the function by its name), for `scope-doctor checks` and its `--json`. */
export interface CheckListing {
  id: CheckId;
  title: string;
  needs: string;
  run: string;
  results: readonly { id: string; title: string }[];
}

export function listChecks(): CheckListing[] {
  return CHECKS.map((check) => ({ id: check.id, title: check.title, needs: check.needs, run: check.run.name, results: check.results }));
}
