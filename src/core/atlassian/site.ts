import { InputError } from '../model';

const MAX_HOST_LENGTH = 253;
const SITE_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Jira Cloud site domains (older sites still live on jira.com); the manifest test checks Forge egress allows each. */
export const SITE_DOMAINS = ['atlassian.net', 'jira.com'] as const;

/**
 * Turns what a person typed (`acme`, `acme.atlassian.net`, `https://acme.atlassian.net/jira/…`) into a site
 * host. Only Atlassian Cloud site hosts pass, so no request ever goes to a host a user made up.
 */
export function parseSite(input: string): string {
  const text = input.trim();
  if (!text) throw new InputError('Enter a Jira site, e.g. acme.atlassian.net', 'site');
  if (text.length > MAX_HOST_LENGTH) throw new InputError('That site address is too long to be a Jira site', 'site');
  if (/[\u0000-\u001f\u007f\s]/.test(text)) throw new InputError('The site address contains spaces or control characters', 'site');

  if (SITE_LABEL.test(text.toLowerCase())) return `${text.toLowerCase()}.atlassian.net`;

  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && text.includes('://');
  if (hasScheme && !/^https:\/\//i.test(text)) {
    throw new InputError('Use an https:// site address (Jira Cloud sites are https only)', 'site');
  }
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    throw new InputError(`"${preview(text)}" is not a site address`, 'site');
  }
  if (url.username || url.password) throw new InputError('The site address must not contain a user name or password', 'site');
  if (url.port) throw new InputError('The site address must not contain a port', 'site');
  return requireAtlassianHost(url.hostname);
}

function requireAtlassianHost(host: string): string {
  const domain = SITE_DOMAINS.find((d) => host.endsWith(`.${d}`));
  const label = domain ? host.slice(0, -(domain.length + 1)) : '';
  if (!domain || !SITE_LABEL.test(label)) {
    throw new InputError(`"${preview(host)}" is not a Jira Cloud site: use your-site.atlassian.net`, 'site');
  }
  return host;
}

/** Enough of the input to recognise it in an error line, never a whole pasted blob. */
function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
