/**
 * Jira Data Center lives on the customer's own server, so its base URL is typed by a person. It is checked
 * as strictly as a site name: https only, a host name, no credentials, query or fragment.
 */
import type { CheckDeps } from '../ports';
import { InputError } from '../model';
import type { Outcome } from './outcome';
import { send, type Credentials } from './request';
import { SITE_DOMAINS } from './site';

const MAX_URL_LENGTH = 2048;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Only as typed: `127.1` or `0x7f000001` also reach loopback, but they are IP literals like any other. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);
/** Path segments of Jira's own pages: a URL copied from the browser is cut there, keeping the context path. */
const JIRA_PAGE_SEGMENT = /\/(?:rest|secure|browse|plugins)(?:\/|$).*$/;

export const DC_TOKEN_PATH = '/rest/oauth2/latest/token';
export const DC_MYSELF_PATH = '/rest/api/2/myself';

/**
 * `https://jira.acme.com/jira/` → `https://jira.acme.com/jira`. Only https with a host name; plain http only
 * for 127.0.0.1 or localhost with a port (the local emulator). Throws InputError before any request.
 */
export function parseDataCenterBaseUrl(input: string): string {
  const text = input.trim();
  const refuse = (message: string): never => {
    throw new InputError(message, 'baseUrl');
  };
  if (!text) refuse('Enter the Jira Data Center base URL, e.g. https://jira.acme.com');
  if (text.length > MAX_URL_LENGTH) refuse('That base URL is too long');
  if (/[\u0000-\u001f\u007f\s]/.test(text)) refuse('The base URL contains spaces or control characters');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
    refuse(`"${preview(text)}" is not a URL: use https://your-jira-host (the Base URL under Administration → System → General configuration)`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(`"${preview(text)}" is not a URL`);
  }
  const host = url.hostname.toLowerCase();
  const loopback = LOOPBACK_HOSTS.has(typedHost(text)) && url.port !== '';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    refuse(`Use an https:// base URL (got ${url.protocol.replace(':', '')}): Jira Data Center sends OAuth 2.0 credentials and tokens only over https`);
  }
  if (url.username || url.password) refuse('The base URL must not contain a user name or password');
  if (url.search || text.includes('?')) refuse('The base URL must not contain a ?query');
  if (url.hash || text.includes('#')) refuse('The base URL must not contain a #fragment');
  if (!loopback) requireHostName(host);
  const path = url.pathname.replace(JIRA_PAGE_SEGMENT, '').replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/**
 * The host as the person typed it, lowercased: the URL parser rewrites IPv4 in any notation (decimal, hex,
 * octal, short forms) to dotted decimal, so only the typed form tells `127.0.0.1` from `2130706433`.
 */
function typedHost(text: string): string {
  const authority = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#\\]/, 1)[0] ?? '';
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  return hostAndPort.replace(/:\d*$/, '').toLowerCase();
}

function requireHostName(host: string): void {
  // After parsing, every IPv4 notation is dotted decimal and IPv6 is bracketed.
  const isIpLiteral = host.startsWith('[') || /^[\d.]+$/.test(host);
  if (isIpLiteral) throw new InputError(`Use the Jira server's host name, not an IP address (${preview(host)})`, 'baseUrl');
  // `jira.acme.com.` names the same server, but it is not what a certificate or a callback URL says.
  if (host.endsWith('.')) throw new InputError(`Write the host name without the trailing dot (${preview(host.slice(0, -1))})`, 'baseUrl');
  const labels = host.split('.');
  if (host.length > 253 || !labels.every((label) => HOST_LABEL.test(label))) {
    throw new InputError(`"${preview(host)}" is not a host name`, 'baseUrl');
  }
  if (SITE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`))) {
    throw new InputError(`${preview(host)} is a Jira Cloud site, not Data Center: use scope-doctor oauth or scope-doctor token`, 'baseUrl');
  }
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * `POST {base}/rest/oauth2/latest/token`, form-encoded as RFC 6749 asks. `baseUrl` must come from
 * parseDataCenterBaseUrl.
 */
export function postDataCenterToken(deps: CheckDeps, baseUrl: string, form: Record<string, string>): Promise<Outcome> {
  return send(deps, { method: 'POST', url: `${baseUrl}${DC_TOKEN_PATH}`, label: `POST ${DC_TOKEN_PATH}`, auth: { none: true }, form });
}

/** `GET {base}/rest/api/2/myself`: who the credentials belong to. `baseUrl` must come from parseDataCenterBaseUrl. */
export function getDataCenterMyself(deps: CheckDeps, baseUrl: string, auth: Credentials): Promise<Outcome> {
  return send(deps, { method: 'GET', url: `${baseUrl}${DC_MYSELF_PATH}`, label: `GET ${DC_MYSELF_PATH}`, auth });
}
