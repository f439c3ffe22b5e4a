/**
 * Every result id a check can produce, per check of the catalog (catalog.ts), with what the result is about.
 * `<name>` marks a part that varies (a capability, an entry's number). Data only, so the result model can
 * derive `ResultId` from it without depending on the checks themselves.
 */

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

export const RESULTS = {
  'cloud-id': [
    { id: 'cloud-id', title: "The site's Cloud ID, from tenant_info" },
    { id: 'cloud-id.gateway', title: 'The gateway URL scoped tokens must use' },
    { id: 'cloud-id.expected', title: 'The Cloud ID is the one a doctor config expects' },
  ],
  oauth: [
    { id: 'oauth.credentials', title: 'Client ID and secret, by an exchange of an invalid code' },
    { id: 'oauth.callback-url', title: "The callback URL matches the vendor's exactly" },
    { id: 'oauth.scopes.source', title: 'Which list coverage was judged from: consented grant or pasted' },
    { id: 'oauth.scopes.difference', title: 'How the pasted list differs from the consented grant' },
    { id: 'oauth.scopes.offline-access', title: 'offline_access, for refresh tokens' },
    ...scopeLint('oauth.scopes'),
    ...coverage('oauth.coverage'),
  ],
  consent: [
    { id: 'consent.redirect', title: 'The redirect came back to the callback URL, without error=' },
    { id: 'consent.granted', title: 'The admin granted consent' },
    { id: 'consent.exchange', title: 'The code exchange' },
    { id: 'consent.resources', title: 'The sites and scopes Atlassian granted' },
    { id: 'consent.offline-access', title: 'A refresh token was issued (offline_access)' },
    ...coverage('consent.coverage'),
  ],
  token: [
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
  dc: [
    { id: 'dc.credentials', title: 'Client ID and secret of the incoming link' },
    { id: 'dc.callback-url', title: 'The callback URL is a well-formed https URL' },
    { id: 'dc.permission', title: 'The link permission is what the vendor needs' },
    { id: 'dc.scopes.cloud', title: 'Jira Cloud scopes in a Data Center list' },
    ...scopeLint('dc.scopes'),
    { id: 'dc.token', title: 'The personal access token works, and for whom' },
  ],
  tokens: [
    { id: 'tokens.list', title: 'The tokens could be listed' },
    { id: 'tokens.expired', title: 'Tokens that have expired' },
    { id: 'tokens.expires-1d', title: 'Tokens that expire within a day' },
    { id: 'tokens.expires-7d', title: 'Tokens that expire within a week' },
    { id: 'tokens.expires-30d', title: 'Tokens that expire within 30 days' },
    { id: 'tokens.unused', title: 'Tokens not used for a long time' },
  ],
  explain: [
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
  'least-privilege': [
    { id: 'least.plan', title: 'The fewest scopes that allow every request' },
    { id: 'least.smaller-with-classic', title: 'Classic scopes would be fewer' },
    { id: 'least.classic-only', title: 'Endpoints only classic scopes allow' },
    { id: 'least.granular-only', title: 'Endpoints only granular scopes allow' },
    { id: 'least.no-scope', title: 'Endpoints that need no scope' },
    { id: 'least.apps-only', title: 'Endpoints for Connect and Forge apps only' },
    { id: 'least.unmatched', title: 'Requests that match no Jira operation' },
    { id: 'least.skipped', title: 'Requests that are no Jira REST calls' },
  ],
  scopes: [...scopeLint('scopes'), ...coverage('coverage')],
  profile: [
    { id: 'profile.valid', title: 'The file is a valid profile' },
    { id: 'profile.issue.<n>', title: 'One problem with the file' },
    ...coverage('profile.vendor-scopes'),
  ],
} as const;

/** Results the runner of many checks makes itself (`scope-doctor doctor`), not a check. */
export const RUNNER_RESULTS = [{ id: 'doctor.<check>', title: 'A check that could not run at all' }] as const;

type Results = (typeof RESULTS)[keyof typeof RESULTS];
/** `<name>` parts become any text: `oauth.scopes.lint.<n>` is `oauth.scopes.lint.${string}`. */
type Expand<Pattern extends string> = Pattern extends `${infer Head}<${string}>${infer Tail}` ? `${Head}${string}${Expand<Tail>}` : Pattern;
export type ResultId = Expand<Results[number]['id'] | (typeof RUNNER_RESULTS)[number]['id']>;
/** The prefixes under which a result id ends in `.${Suffix}`: the id families shared helpers make. */
export type PrefixOf<Suffix extends string> = ResultId extends infer Id ? (Id extends `${infer Prefix}.${Suffix}` ? Prefix : never) : never;
