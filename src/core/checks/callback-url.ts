import type { CheckResult } from '../model';
import type { Profile } from '../profiles/types';

const ID = 'oauth.callback-url';
const TITLE = 'Callback URL';

/**
 * The callback URL must equal the vendor's character for character. When the profile lists the vendor's
 * URLs, say exactly what differs from the closest one, and whether the connection's name asks for the other
 * region; when the vendor makes one per customer, check its shape against the profile's pattern; otherwise
 * check only what Atlassian requires.
 */
export function checkCallbackUrl(callbackUrl: string | undefined, profile: Profile | undefined, connectionName?: string): CheckResult {
  const expected = profile?.callbackUrls ?? [];
  const pattern = profile?.callbackPattern;
  const vendor = profile?.vendor ?? 'the vendor';
  const given = callbackUrl?.trim();
  if (!given) {
    return {
      id: ID,
      title: TITLE,
      status: expected.length || pattern ? 'warn' : 'unknown',
      detail: 'No callback URL entered, so it was not checked.',
      fix: expected.length
        ? `In the developer console (Authorization → OAuth 2.0 (3LO)), set the callback URL to ${expected.join(' or ')}`
        : (profile?.fixes?.callbackUrl ?? "Enter the callback URL from the console's Authorization page to check it."),
      ...(expected.length ? { urls: [...expected] } : {}),
    };
  }
  const url = tryUrl(given);
  if (!url) {
    return { id: ID, title: TITLE, status: 'fail', detail: `"${given.slice(0, 80)}" is not a URL.`, ...fixFor(expected) };
  }
  if (expected.includes(given)) {
    return (
      (profile && regionMismatch(given, profile, connectionName)) ?? {
        id: ID,
        title: TITLE,
        status: 'pass',
        detail: `${given} matches ${vendor}'s callback URL exactly.`,
      }
    );
  }
  if (expected.length) {
    const closest = expected
      .map((candidate) => ({ candidate, differences: differencesFrom(given, candidate) }))
      .sort((a, b) => a.differences.length - b.differences.length)[0];
    const differences = closest?.differences ?? [];
    return {
      id: ID,
      title: TITLE,
      status: 'fail',
      detail: `${given} does not match ${closest?.candidate}: ${differences.join(', ') || 'letter case or encoding differs'}.`,
      ...fixFor(expected),
      evidence: { differences },
    };
  }
  const problems = shapeProblems(url, given);
  if (problems.length) {
    return { id: ID, title: TITLE, status: 'fail', detail: `${given}: ${problems.join(', ')}.`, fix: "Use the exact https URL from the vendor's setup page." };
  }
  if (pattern) {
    if (matchesPattern(url, pattern)) {
      return {
        id: ID,
        title: TITLE,
        status: 'pass',
        detail: `${given} has the shape of ${vendor}'s callback URLs (${pattern}); it must equal the one ${vendor} shows you character for character.`,
      };
    }
    // The pattern is read from the vendor's setup, not published by it: a URL off it is suspicious, not proven wrong.
    return {
      id: ID,
      title: TITLE,
      status: 'warn',
      detail: `${given} does not look like a ${vendor} callback URL, which has the shape ${pattern}.`,
      fix: profile?.fixes?.callbackUrl ?? `Copy the callback URL ${vendor} shows you, and use it here and in the developer console.`,
      evidence: { pattern },
    };
  }
  return {
    id: ID,
    title: TITLE,
    status: 'pass',
    detail: `${given} is a valid https callback URL; it must match the vendor's setup page character for character.`,
  };
}

/**
 * `https://{your-kendis}.kendis.io/…` as a test: `{…}` is one host label, a trailing `…` any path.
 * Scheme and host compare without letter case, as URLs do.
 */
export function matchesPattern(url: URL, pattern: string): boolean {
  const anyPath = pattern.endsWith('…');
  const fixed = anyPath ? pattern.slice(0, -1) : pattern;
  const source = fixed
    .split(/(\{[^}]*\})/)
    .map((part) => (part.startsWith('{') ? '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const address = `${url.protocol}//${url.host}${url.pathname}${url.search}`;
  return new RegExp(`^${source}${anyPath ? '.*' : ''}$`, 'i').test(address);
}

/**
 * A connection named or profiled for one region ("OneConnect (EU)") with the other region's URL: the URL is
 * the vendor's, but likely not this customer's. Regions are whole words of the name, so "non-EU" is not "EU".
 */
function regionMismatch(given: string, profile: Profile, connectionName: string | undefined): CheckResult | undefined {
  const regions = profile.callbackRegions;
  const region = regions?.[given];
  if (!regions || !region) return undefined;
  const others = [...new Set(Object.values(regions))].filter((candidate) => candidate !== region);
  const sources = [
    ...(connectionName ? [{ what: `the connection is named "${connectionName}"`, text: connectionName }] : []),
    { what: `the profile is "${profile.name}"`, text: profile.name },
  ];
  for (const source of sources) {
    const words = new Set(
      source.text
        .toLowerCase()
        .split(/[^a-z0-9-]+/)
        .filter(Boolean),
    );
    const named = others.find((candidate) => words.has(candidate.toLowerCase()));
    if (!named) continue;
    const theirs = Object.entries(regions).find(([, candidate]) => candidate === named)?.[0];
    return {
      id: ID,
      title: `Callback URL of the ${region} region, for the ${named} region`,
      status: 'warn',
      detail: `${given} is ${profile.vendor}'s ${region} callback URL, but ${source.what}.`,
      fix: `If your ${profile.vendor} account is in the ${named} region, use ${theirs ?? `its ${named} callback URL`} in the developer console and here; otherwise rename the connection or pick the profile of your region.`,
      ...(theirs ? { urls: [theirs] } : {}),
      evidence: { region, named },
    };
  }
  return undefined;
}

function fixFor(expected: readonly string[]): Pick<CheckResult, 'fix' | 'urls'> {
  if (!expected.length) return { fix: "Use the exact https URL from the vendor's setup page." };
  return { fix: `In the developer console (Authorization → OAuth 2.0 (3LO)), set the callback URL to exactly ${expected.join(' or ')}`, urls: [...expected] };
}

function tryUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** What Atlassian refuses in any callback URL. */
function shapeProblems(url: URL, raw: string): string[] {
  const problems: string[] = [];
  if (url.protocol !== 'https:') problems.push(`${url.protocol.replace(':', '')} instead of https`);
  if (url.hash || raw.includes('#')) problems.push('has a #fragment');
  return problems;
}

/** Named differences between two URLs, most telling first. */
export function differencesFrom(given: string, expected: string): string[] {
  const a = tryUrl(given);
  const b = tryUrl(expected);
  if (!a || !b) return ['not a URL'];
  const differences: string[] = [];
  if (a.protocol !== b.protocol) differences.push(`${a.protocol.replace(':', '')} instead of ${b.protocol.replace(':', '')}`);
  if (a.hostname !== b.hostname) differences.push(hostDifference(a.hostname, b.hostname));
  if (a.port !== b.port) differences.push(a.port ? `port ${a.port} should not be there` : `port ${b.port} is missing`);
  if (a.pathname !== b.pathname) differences.push(pathDifference(a.pathname, b.pathname));
  if (a.search !== b.search) differences.push(a.search ? `query string ${a.search} should not be there` : 'query string is missing');
  if (a.hash || given.includes('#')) differences.push('has a #fragment');
  if (a.username || a.password) differences.push('has a user name or password');
  return differences;
}

function hostDifference(given: string, expected: string): string {
  const [givenPrefix, ...givenRest] = given.split('.');
  const [expectedPrefix, ...expectedRest] = expected.split('.');
  const sameDomain = givenRest.join('.') === expectedRest.join('.');
  const regions = new Set([givenPrefix, expectedPrefix]);
  if (sameDomain && regions.has('eu') && regions.size === 2) {
    return `EU vs non-EU region (${given} instead of ${expected}): use the host of the region your account is in`;
  }
  return `host ${given} instead of ${expected}`;
}

function pathDifference(given: string, expected: string): string {
  if (given === `${expected}/`) return 'trailing slash';
  if (`${given}/` === expected) return 'trailing slash missing';
  if (given.toLowerCase() === expected.toLowerCase()) return 'path differs in letter case';
  return `path ${given} instead of ${expected}`;
}
