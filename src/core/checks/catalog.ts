/**
 * Every check as data, as `npm doctor` lists its checks: its id, what it is about, what it needs, the function
 * that runs it, and each result id it can produce. `<name>` in a result id marks a part that varies (a
 * capability, an entry's number). `CheckId` and `ResultId` are derived from this table, so a result id that is
 * not listed here is a type error wherever a result is made or looked up; `scope-doctor checks` prints it.
 */
import { explainText } from '../explain';
import { leastPrivilegeFromText } from '../least-privilege';
import { parseCustomProfile } from '../profiles/custom';
import { lookupCloudId } from './cloud-id';
import { coverageResults } from './coverage-results';
import { checkDataCenter } from './data-center';
import { finishConsent } from './consent';
import { checkOAuthClient } from './oauth-client';
import { listOrgTokens } from './org-tokens';
import { scopeListResults } from './scope-list';
import { checkToken } from './token';

/** The results `coverageResults` makes under a prefix. */
const coverage = <Prefix extends string>(prefix: Prefix) =>
  [
    { id: `${prefix}.missing`, title: 'Scopes missing, with the capabilities that need them' },
    { id: `${prefix}.covered`, title: 'Every required capability covered' },
    { id: `${prefix}.likely.<capability>`, title: 'A likely capability not covered: ask the vendor' },
    { id: `${prefix}.excess`, title: 'Scopes no capability needs and the vendor does not list' },
    { id: `${prefix}.vendor-listed`, title: 'Scopes kept because the vendor lists them' },
  ] as const;

/** The results `scopeListResults` makes under a prefix. */
const scopeLint = <Prefix extends string>(prefix: Prefix) =>
  [
    { id: `${prefix}.lint`, title: 'Every entry is a recognised scope, or the list is empty' },
    { id: `${prefix}.lint.<n>`, title: 'A finding about one entry of the list (typo, label, unknown scope)' },
  ] as const;

export const CHECKS = [
  {
    id: 'cloud-id',
    title: 'Cloud ID',
    needs: 'a site (acme.atlassian.net)',
    run: lookupCloudId,
    results: [
      { id: 'cloud-id', title: "The site's Cloud ID, from tenant_info" },
      { id: 'cloud-id.gateway', title: 'The gateway URL scoped tokens must use' },
      { id: 'cloud-id.expected', title: 'The Cloud ID is the one a doctor config expects' },
    ],
  },
  {
    id: 'oauth',
    title: 'OAuth 2.0 (3LO) app',
    needs: 'a client ID; a client secret, callback URL, console scopes and a profile where known',
    run: checkOAuthClient,
    results: [
      { id: 'oauth.credentials', title: 'Client ID and secret, by an exchange of an invalid code' },
      { id: 'oauth.callback-url', title: "The callback URL matches the vendor's exactly" },
      { id: 'oauth.scopes.source', title: 'Which list coverage was judged from: consented grant or pasted' },
      { id: 'oauth.scopes.difference', title: 'How the pasted list differs from the consented grant' },
      { id: 'oauth.scopes.offline-access', title: 'offline_access, for refresh tokens' },
      ...scopeLint('oauth.scopes'),
      ...coverage('oauth.coverage'),
    ],
  },
  {
    id: 'consent',
    title: 'OAuth 2.0 consent test',
    needs: 'a client ID and secret, the callback URL and the URL Atlassian redirected to after consent',
    run: finishConsent,
    results: [
      { id: 'consent.redirect', title: 'The redirect came back to the callback URL, without error=' },
      { id: 'consent.granted', title: 'The admin granted consent' },
      { id: 'consent.exchange', title: 'The code exchange' },
      { id: 'consent.resources', title: 'The sites and scopes Atlassian granted' },
      { id: 'consent.offline-access', title: 'A refresh token was issued (offline_access)' },
      ...coverage('consent.coverage'),
    ],
  },
  {
    id: 'token',
    title: 'User API token (classic or scoped)',
    needs: 'a site, the email and the token; a profile and the expiry date where known',
    run: checkToken,
    results: [
      { id: 'token.accepted', title: 'The token works, and for whom' },
      { id: 'token.owner', title: 'The token belongs to the person checking it' },
      { id: 'token.kind', title: 'Classic or scoped, and the base URL it needs' },
      { id: 'token.scopes', title: 'Scopes do not apply to a classic token' },
      { id: 'token.scopes.missing', title: 'Scopes read-only probes showed missing' },
      { id: 'token.scopes.held', title: 'Scopes read-only probes showed held' },
      { id: 'token.scopes.unprobeable', title: 'Scopes no safe request can probe' },
      { id: 'token.scopes.undecidable', title: 'Scopes safe requests cannot tell apart' },
      { id: 'token.scopes.ambiguous', title: 'Scopes two rounds of probes did not tell apart' },
      { id: 'token.scopes.unanswered', title: 'Scopes whose probes got no usable answer' },
      { id: 'token.scopes.out-of-time', title: 'Scopes not probed before the deadline' },
      { id: 'token.expiry', title: 'Days until the token expires' },
    ],
  },
  {
    id: 'dc',
    title: 'Jira Data Center application link and personal access token',
    needs: "the server's base URL; a client ID and secret, callback URL, link permission or token",
    run: checkDataCenter,
    results: [
      { id: 'dc.credentials', title: 'Client ID and secret of the incoming link' },
      { id: 'dc.callback-url', title: 'The callback URL is a well-formed https URL' },
      { id: 'dc.permission', title: 'The link permission is what the vendor needs' },
      { id: 'dc.scopes.cloud', title: 'Jira Cloud scopes in a Data Center list' },
      ...scopeLint('dc.scopes'),
      { id: 'dc.token', title: 'The personal access token works, and for whom' },
    ],
  },
  {
    id: 'tokens',
    title: "Organization's API tokens",
    needs: 'an organization ID and an organization admin API key',
    run: listOrgTokens,
    results: [
      { id: 'tokens.list', title: 'The tokens could be listed' },
      { id: 'tokens.expired', title: 'Tokens that have expired' },
      { id: 'tokens.expires-1d', title: 'Tokens that expire within a day' },
      { id: 'tokens.expires-7d', title: 'Tokens that expire within a week' },
      { id: 'tokens.expires-30d', title: 'Tokens that expire within 30 days' },
      { id: 'tokens.unused', title: 'Tokens not used for a long time' },
    ],
  },
  {
    id: 'explain',
    title: 'Why a request failed',
    needs: 'a URL, "METHOD URL", a curl command, log lines or a HAR file; a site and scopes where known',
    run: explainText,
    results: [
      { id: 'explain.entry', title: 'Which host the request went to, and whether that works' },
      { id: 'explain.cloud-id', title: 'The Cloud ID in a gateway URL' },
      { id: 'explain.site', title: 'The site in the URL' },
      { id: 'explain.product', title: 'Which product the endpoint belongs to' },
      { id: 'explain.operation', title: 'The Jira operation the request matches' },
      { id: 'explain.scopes', title: 'The scopes that allow it' },
      { id: 'explain.grant', title: 'Whether the given scopes or profile allow it' },
      { id: 'explain.missing', title: 'Scopes to add for all the requests' },
      { id: 'explain.reply', title: 'What the reply means' },
      { id: 'explain.skipped', title: 'Requests that are no Jira REST calls' },
    ],
  },
  {
    id: 'least-privilege',
    title: 'The fewest scopes for the requests an integration sends',
    needs: 'endpoints, URLs, log lines or a HAR file',
    run: leastPrivilegeFromText,
    results: [
      { id: 'least.plan', title: 'The fewest scopes that allow every request' },
      { id: 'least.smaller-with-classic', title: 'Classic scopes would be fewer' },
      { id: 'least.classic-only', title: 'Endpoints only classic scopes allow' },
      { id: 'least.granular-only', title: 'Endpoints only granular scopes allow' },
      { id: 'least.no-scope', title: 'Endpoints that need no scope' },
      { id: 'least.apps-only', title: 'Endpoints for Connect and Forge apps only' },
      { id: 'least.unmatched', title: 'Requests that match no Jira operation' },
      { id: 'least.skipped', title: 'Requests that are no Jira REST calls' },
    ],
  },
  {
    id: 'scopes',
    title: 'A scope list, and what it covers of a profile',
    needs: 'a scope list as pasted; a profile for coverage',
    run: scopeListResults,
    results: [...scopeLint('scopes'), ...coverage('coverage')],
  },
  {
    id: 'profile',
    title: 'A custom profile file',
    needs: 'a profile JSON file',
    run: parseCustomProfile,
    results: [
      { id: 'profile.valid', title: 'The file is a valid profile' },
      { id: 'profile.issue.<n>', title: 'One problem with the file' },
      ...coverage('profile.vendor-scopes'),
    ],
  },
] as const;

/** Results the runner of many checks makes itself (`scope-doctor doctor`), not a check. */
export const RUNNER_RESULTS = [{ id: 'doctor.<check>', title: 'A check that could not run at all' }] as const;

type Entry = (typeof CHECKS)[number];
export type CheckId = Entry['id'];
/** `<name>` parts become any text: `oauth.scopes.lint.<n>` is `oauth.scopes.lint.${string}`. */
type Expand<Pattern extends string> = Pattern extends `${infer Head}<${string}>${infer Tail}` ? `${Head}${string}${Expand<Tail>}` : Pattern;
export type ResultId = Expand<Entry['results'][number]['id'] | (typeof RUNNER_RESULTS)[number]['id']>;
/** The prefixes under which a result id ends in `.${Suffix}`: the id families shared helpers make. */
export type PrefixOf<Suffix extends string> = ResultId extends infer Id ? (Id extends `${infer Prefix}.${Suffix}` ? Prefix : never) : never;

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
