/**
 * Atlassian Administration's API token list (`/admin/api-access/v1/orgs/{orgId}/api-tokens` on the api host),
 * in the documented page shape (test/fixtures/atlassian/admin.api-tokens.page.json): pages of
 * `wire.orgTokenPageSize`, `links.next` as a cursor or a whole URL (`wire.orgTokenNext`), the documented
 * X-RateLimit headers. A bad key gets a bare 401: the body Atlassian sends is not recorded.
 */
import type { Exchange, Reply } from './http';
import { recorded } from './recorded';
import type { EmulatedOrg, EmulatedOrgMember, EmulatedOrgToken, EmulatorState } from './state';

const CURSOR_PREFIX = 'offset:';

export function handleOrgTokens(state: EmulatorState, orgId: string, exchange: Exchange, endpointUrl: string): Reply {
  const key = exchange.credentials.kind === 'bearer' ? exchange.credentials.token : undefined;
  const keyOrg = key === undefined ? undefined : [...state.orgs.values()].find((org) => org.adminKeys.includes(key));
  if (!keyOrg) return { status: 401 };
  const org = state.orgs.get(orgId);
  if (!org) return { status: 404 };
  if (org !== keyOrg) return { status: 403 };
  const offset = offsetOf(exchange.query.get('cursor'));
  if (offset === undefined) return { status: 400, json: { errors: [{ title: 'Invalid cursor' }] } };
  const size = state.wire.orgTokenPageSize;
  const page = org.apiTokens.slice(offset, offset + size);
  const more = offset + size < org.apiTokens.length;
  const cursor = btoa(`${CURSOR_PREFIX}${offset + size}`);
  const next = state.wire.orgTokenNext === 'url' ? `${endpointUrl}?cursor=${encodeURIComponent(cursor)}` : cursor;
  return {
    status: 200,
    headers: rateLimitHeaders(state),
    json: { data: page.map((token) => tokenJson(org, token)), links: { self: endpointUrl, ...(more ? { next } : {}) } },
  };
}

function offsetOf(cursor: string | null): number | undefined {
  if (cursor === null) return 0;
  try {
    const text = atob(cursor);
    const offset = Number(text.slice(CURSOR_PREFIX.length));
    return text.startsWith(CURSOR_PREFIX) && Number.isInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

function tokenJson(org: EmulatedOrg, token: EmulatedOrgToken) {
  const account = memberOf(org, token);
  return {
    id: token.id,
    label: token.label,
    status: token.status,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt.toISOString(),
    ...(token.lastActiveAt ? { lastActiveAt: token.lastActiveAt.toISOString() } : {}),
    user: { id: account.id, orgId: org.id, name: account.name, email: account.email },
  };
}

function memberOf(org: EmulatedOrg, token: EmulatedOrgToken): EmulatedOrgMember {
  return org.members.find((member) => member.id === token.accountId) ?? { id: token.accountId, name: 'Former member', email: '' };
}

/** The documented header names; the limit and remaining count are the recording's. */
function rateLimitHeaders(state: EmulatorState): Record<string, string> {
  const { headers } = recorded('admin.api-tokens.page').response;
  const reset = new Date(state.clock.now().getTime() + 60_000).toISOString().slice(0, 16);
  return {
    'X-RateLimit-Limit': headers['X-RateLimit-Limit'] ?? '1000',
    'X-RateLimit-Remaining': headers['X-RateLimit-Remaining'] ?? '999',
    'X-RateLimit-Reset': `${reset}Z`,
  };
}
