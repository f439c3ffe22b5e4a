import type { CheckResult } from '../model';
import type { Profile } from '../profiles/types';

const ID = 'oauth.callback-url';
const TITLE = 'Callback URL';

/**
 * The callback URL must equal the vendor's character for character. When the profile lists the vendor's
 * URLs, say exactly what differs from the closest one; otherwise check only what Atlassian requires.
 */
export function checkCallbackUrl(callbackUrl: string | undefined, profile: Profile | undefined): CheckResult {
  const expected = profile?.callbackUrls ?? [];
  const given = callbackUrl?.trim();
  if (!given) {
    return {
      id: ID,
      title: TITLE,
      status: expected.length ? 'warn' : 'unknown',
      detail: 'No callback URL entered, so it was not checked.',
      fix: expected.length
        ? `In the developer console (Authorization → OAuth 2.0 (3LO)), set the callback URL to ${expected.join(' or ')}`
        : "Enter the callback URL from the console's Authorization page to check it.",
    };
  }
  const url = tryUrl(given);
  if (!url) {
    return { id: ID, title: TITLE, status: 'fail', detail: `"${given.slice(0, 80)}" is not a URL.`, fix: fixFor(expected) };
  }
  if (expected.includes(given)) {
    return { id: ID, title: TITLE, status: 'pass', detail: `${given} matches ${profile?.vendor ?? 'the vendor'}'s callback URL exactly.` };
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
      fix: fixFor(expected),
      evidence: { differences },
    };
  }
  const problems = shapeProblems(url, given);
  if (problems.length) {
    return { id: ID, title: TITLE, status: 'fail', detail: `${given}: ${problems.join(', ')}.`, fix: "Use the exact https URL from the vendor's setup page." };
  }
  return {
    id: ID,
    title: TITLE,
    status: 'pass',
    detail: `${given} is a valid https callback URL; it must match the vendor's setup page character for character.`,
  };
}

function fixFor(expected: readonly string[]): string {
  if (!expected.length) return "Use the exact https URL from the vendor's setup page.";
  return `In the developer console (Authorization → OAuth 2.0 (3LO)), set the callback URL to exactly ${expected.join(' or ')}`;
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
