import type { Credentials, Reply } from './http';
import { recordedReply } from './recorded';
import type { EmulatedAccount, EmulatedSite, EmulatorState } from './state';

/** Who is calling and what they may do; `all` is a classic API token acting with the user's full access. */
export interface Principal {
  account: EmulatedAccount;
  scopes: 'all' | ReadonlySet<string>;
}

/** Which door the request came in through: the site URL or the api.atlassian.com gateway. */
export type Entry = 'site' | 'gateway';

/** The gateway's refusal of credentials it did not authenticate, as recorded. */
export function gatewayNotAuthenticated(): Reply {
  return recordedReply('gateway.bad-credentials');
}

/** The gateway's refusal for a missing scope, as recorded: with the failure-category header, or body only. */
export function scopeMismatch(state: EmulatorState): Reply {
  return recordedReply(state.wire.scopeFailureHeader ? 'gateway.scope-mismatch' : 'gateway.scope-mismatch-body');
}

/**
 * Basic `email:apiToken` (classic tokens anywhere, scoped tokens only through the gateway) or a Bearer
 * OAuth access token (gateway only). Anything else, including expired tokens, is not authenticated.
 */
export function authenticate(state: EmulatorState, credentials: Credentials, site: EmulatedSite, entry: Entry): Principal | undefined {
  const now = state.clock.now().getTime();
  if (credentials.kind === 'basic') {
    const token = state.apiTokens.get(credentials.secret);
    if (!token) return undefined;
    const account = state.accounts.get(token.accountId);
    if (!account || account.email.toLowerCase() !== credentials.user.toLowerCase()) return undefined;
    if (token.expiresAt && token.expiresAt.getTime() <= now) return undefined;
    if (token.kind === 'scoped' && entry === 'site') return undefined;
    if (!account.siteHosts.includes(site.host)) return undefined;
    return { account, scopes: token.kind === 'classic' ? 'all' : new Set(token.scopes) };
  }
  if (credentials.kind === 'bearer' && entry === 'gateway') {
    const access = state.liveAccessToken(credentials.token);
    const account = access && state.accounts.get(access.accountId);
    if (!access || !account || !account.siteHosts.includes(site.host)) return undefined;
    return { account, scopes: new Set(access.scopes) };
  }
  return undefined;
}

/** All scopes of at least one set. An operation with no sets at all is open to classic tokens only. */
export function scopesAllow(held: Principal['scopes'], sets: readonly { scopes: readonly string[] }[]): boolean {
  if (held === 'all') return true;
  return sets.some((set) => set.scopes.every((scope) => held.has(scope)));
}
