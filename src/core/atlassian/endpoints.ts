import type { CheckDeps } from '../ports';
import type { Outcome } from './outcome';
import { send, type Credentials } from './request';

export const JIRA_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type JiraMethod = (typeof JIRA_METHODS)[number];

export function isJiraMethod(method: string): method is JiraMethod {
  return (JIRA_METHODS as readonly string[]).includes(method);
}

/** `POST {auth}/oauth/token` with a JSON body (authorization-code exchange or credential probe). */
export function postToken(deps: CheckDeps, body: Record<string, string>): Promise<Outcome> {
  return send(deps, {
    method: 'POST',
    url: `${deps.hosts.auth}/oauth/token`,
    label: 'POST /oauth/token',
    auth: { none: true },
    json: body,
  });
}

/** `GET {api}/oauth/token/accessible-resources`: the sites and scopes an access token really holds. */
export function getAccessibleResources(deps: CheckDeps, accessToken: string): Promise<Outcome> {
  return send(deps, {
    method: 'GET',
    url: `${deps.hosts.api}/oauth/token/accessible-resources`,
    label: 'GET /oauth/token/accessible-resources',
    auth: { bearer: accessToken },
  });
}

/** `GET {site}/_edge/tenant_info` (no auth) → `{cloudId}`. `host` must come from parseSite. */
export function getTenantInfo(deps: CheckDeps, host: string): Promise<Outcome> {
  return send(deps, {
    method: 'GET',
    url: `${deps.hosts.site(host)}/_edge/tenant_info`,
    label: 'GET /_edge/tenant_info',
    auth: { none: true },
  });
}

/** A Jira REST call through the API gateway: `{api}/ex/jira/{cloudId}{path}`. */
export function gatewayRequest(deps: CheckDeps, cloudId: string, method: JiraMethod, path: string, auth: Credentials, json?: unknown): Promise<Outcome> {
  return send(deps, {
    method,
    url: `${deps.hosts.api}/ex/jira/${encodeURIComponent(cloudId)}${path}`,
    label: `${method} ${stripQuery(path)} (gateway)`,
    auth,
    json,
  });
}

/** A Jira REST call on the site URL: `{site}{path}`. `host` must come from parseSite. */
export function siteRequest(deps: CheckDeps, host: string, method: JiraMethod, path: string, auth: Credentials, json?: unknown): Promise<Outcome> {
  return send(deps, {
    method,
    url: `${deps.hosts.site(host)}${path}`,
    label: `${method} ${stripQuery(path)} (site)`,
    auth,
    json,
  });
}

/** The gateway base URL vendors must use for scoped tokens: always the real host, even when emulated. */
export function gatewayBaseUrl(cloudId: string): string {
  return `https://api.atlassian.com/ex/jira/${cloudId}`;
}

function stripQuery(path: string): string {
  return path.split('?')[0] ?? path;
}
