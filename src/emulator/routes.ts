import type { ConsentScript } from './consent';
import { dataCenterRoute } from './data-center';
import type { Exchange, Reply } from './http';
import { gatewayNotAuthenticated, scopeMismatch } from './jira-auth';
import { GATEWAY_NOT_ROUTED, handleJiraRequest, notFound } from './jira-rest';
import { handleAuthorize, handleConsentForm } from './oauth-authorize';
import { handleToken } from './oauth-token';
import { handleOrgTokens } from './org-tokens';
import { recordedReply } from './recorded';
import type { EmulatorState } from './state';
import type { HostName } from './faults';

export interface RouteContext {
  state: EmulatorState;
  consent: ConsentScript;
  /** The emulator's own origin, for links that must stay on loopback. */
  baseUrl: string;
}

/** Where a URL path lands: which emulated host, which site, and the path within that host. */
export interface Target {
  host: HostName;
  siteHost?: string;
  /** Path within the host, without query. */
  path: string;
}

export function targetOf(urlPath: string): Target | undefined {
  const match = /^\/(auth|api|dc)(\/.*)?$/.exec(urlPath);
  if (match) return { host: match[1] as 'auth' | 'api' | 'dc', path: match[2] ?? '/' };
  const site = /^\/site\/([^/]+)(\/.*)?$/.exec(urlPath);
  if (site?.[1]) return { host: 'site', siteHost: site[1].toLowerCase(), path: site[2] ?? '/' };
  return undefined;
}

/** The Jira REST path inside a target, if it is one: `/rest/…` on a site or `/ex/jira/{cloudId}/rest/…`. */
export function jiraPathOf(target: Target): { cloudId?: string; path: string } | undefined {
  if ((target.host === 'site' || target.host === 'dc') && target.path.startsWith('/rest/')) return { path: target.path };
  const gateway = /^\/ex\/jira\/([^/]+)(\/rest\/.*)$/.exec(target.path);
  if (target.host === 'api' && gateway?.[1] && gateway[2]) return { cloudId: gateway[1], path: gateway[2] };
  return undefined;
}

export function route(context: RouteContext, target: Target, exchange: Exchange): Reply {
  switch (target.host) {
    case 'auth':
      return authRoute(context, exchange);
    case 'api':
      return apiRoute(context, target, exchange);
    case 'site':
      return siteRoute(context, target, exchange);
    case 'dc':
      return dataCenterRoute(context.state, exchange, `${context.baseUrl}/dc`);
  }
}

function authRoute({ state, consent, baseUrl }: RouteContext, exchange: Exchange): Reply {
  const key = `${exchange.method} ${exchange.path}`;
  if (key === 'GET /authorize') return handleAuthorize(state, consent, exchange, `${baseUrl}/auth`);
  if (key === 'POST /authorize/consent') return handleConsentForm(state, exchange);
  if (key === 'POST /oauth/token') return handleToken(state, exchange);
  return notFound('No such page.');
}

const GATEWAY_UNAUTHORIZED: Reply = { status: 401, json: { code: 401, message: 'Unauthorized' } };

function apiRoute(context: RouteContext, target: Target, exchange: Exchange): Reply {
  const { state } = context;
  const jira = jiraPathOf(target);
  if (jira?.cloudId !== undefined) {
    const site = state.siteByCloudId(jira.cloudId);
    if (!site) return GATEWAY_NOT_ROUTED;
    return handleJiraRequest(state, {
      ...exchange,
      path: jira.path,
      site,
      entry: 'gateway',
      baseUrl: `${context.baseUrl}/api/ex/jira/${site.cloudId}`,
    });
  }
  if (exchange.method !== 'GET') return GATEWAY_NOT_ROUTED;
  const orgTokens = /^\/admin\/api-access\/v1\/orgs\/([^/]+)\/api-tokens$/.exec(exchange.path);
  if (orgTokens?.[1]) return handleOrgTokens(state, decodeURIComponent(orgTokens[1]), exchange, `${context.baseUrl}/api${exchange.path}`);
  const access = exchange.credentials.kind === 'bearer' ? state.liveAccessToken(exchange.credentials.token) : undefined;
  const account = access && state.accounts.get(access.accountId);
  if (exchange.path === '/oauth/token/accessible-resources') {
    if (!access || !account) return GATEWAY_UNAUTHORIZED;
    return {
      status: 200,
      json: state.sitesOf(account).map((site) => ({
        id: site.cloudId,
        name: site.name,
        url: `https://${site.host}`,
        scopes: access.scopes.filter((scope) => scope !== 'offline_access'),
        avatarUrl: 'https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/rocket.png',
      })),
    };
  }
  if (exchange.path === '/me') {
    if (!access || !account) return gatewayNotAuthenticated();
    if (!access.scopes.includes('read:me')) return scopeMismatch(state);
    return {
      status: 200,
      json: {
        account_id: account.accountId,
        account_type: 'atlassian',
        account_status: 'active',
        email: account.email,
        email_verified: true,
        name: account.displayName,
        nickname: account.displayName.split(' ')[0],
        locale: 'en-GB',
      },
    };
  }
  return GATEWAY_NOT_ROUTED;
}

function siteRoute(context: RouteContext, target: Target, exchange: Exchange): Reply {
  const site = target.siteHost === undefined ? undefined : context.state.siteByHost(target.siteHost);
  if (!site) return notFound('Site not found.');
  if (exchange.path === '/_edge/tenant_info' && exchange.method === 'GET') return { ...recordedReply('edge.tenant-info'), json: { cloudId: site.cloudId } };
  if (!exchange.path.startsWith('/rest/')) return notFound('No such page.');
  return handleJiraRequest(context.state, {
    ...exchange,
    site,
    entry: 'site',
    baseUrl: `${context.baseUrl}/site/${site.host}`,
  });
}
