/**
 * Property-based fuzzing of every parser and validator that reads what a person typed or pasted: scope
 * lists and console titles, site inputs, Data Center base URLs, pasted consent redirects and custom
 * profiles. Properties: only typed refusals (InputError), never a request to a host outside Atlassian or
 * the configured emulator (the Data Center server for Data Center checks), and linear time.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { instantClock, fakeDeps, fakeFetch } from '../../src/core/atlassian/testing';
import { parseDataCenterBaseUrl, postDataCenterToken } from '../../src/core/atlassian/data-center';
import { parseSite } from '../../src/core/atlassian/site';
import { allScopes, scopesForLabel } from '../../src/core/catalog';
import { CONSOLE_LABELS } from '../../src/core/catalog/console-labels';
import { finishConsent, lookupCloudId, readConsentRedirect } from '../../src/core/checks';
import { emulatorHosts, realAtlassianHosts } from '../../src/core/ports';
import { parseCustomProfile } from '../../src/core/profiles';
import { DATA_CENTER_SCOPES, parseScopeList } from '../../src/core/scopes';
import { expectLinear, isAtlassianUrl, isSiteHost, printLinear, repeatTo, runs, tally, typed, typedAsync, type LinearResult, type Tally } from './support';

const counts: Record<string, Tally & { runs: number }> = {};
const linear: LinearResult[] = [];
afterAll(() => {
  const lines = Object.entries(counts).map(
    ([name, c]) => `  ${name.padEnd(34)} ${String(c.runs).padStart(6)} inputs: ${c.accepted} accepted, ${c.refused} refused with an InputError, 0 crashes`,
  );
  console.log(`parser fuzzing (fast-check):\n${lines.join('\n')}`);
  if (linear.length) printLinear('parsers', linear);
});

function counted(name: string, numRuns: number): Tally {
  counts[name] = { runs: numRuns, ...tally() };
  return counts[name];
}

/** Mostly the usual value, so valid inputs are common; the rest of the time every odd one. */
const often = <T>(usual: T, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(usual), weight: 3 }, { arbitrary: odd, weight: 2 });

// Scope lists: real scopes, typos of them, console titles, Data Center words and noise, as guides and chats paste them.
const SCOPES = allScopes().map((s) => s.scope);
const TITLES = CONSOLE_LABELS.map(([title]) => title);
const scopeLike = fc.oneof(
  fc.constantFrom(...SCOPES),
  fc.constantFrom(...SCOPES).chain((s) => fc.mixedCase(fc.constant(s))),
  fc.constantFrom(...SCOPES).map((s) => s.replace(/:/, ': ')),
  fc.constantFrom(...SCOPES).map((s) => s.slice(0, -1)),
  fc.constantFrom(...TITLES),
  fc.constantFrom(...TITLES).chain((t) => fc.mixedCase(fc.constant(t))),
  fc.constantFrom(...DATA_CENTER_SCOPES, 'Admin', 'offline_access', 'Note: A total of 22'),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
);
const separator = fc.constantFrom(' ', ',', ', ', '\n', ';', '\t', '\r\n', ' | ', ' - ', ' – ', '\u00a0', '\u200b', '•\t');
const decoration = fc.constantFrom('', '- ', '* ', '1. ', '`', '"', '(', ')', '| ', ' |');
const scopeList = fc.array(fc.tuple(decoration, scopeLike, decoration, separator), { maxLength: 40 }).map((parts) => parts.map((p) => p.join('')).join(''));

describe('scope lists and console titles', () => {
  it('reads any paste without crashing: recognised scopes are clean and unique, findings well formed', () => {
    const numRuns = runs(400, 20_000);
    const count = counted('parseScopeList', numRuns);
    fc.assert(
      fc.property(scopeList, fc.boolean(), (text, dataCenter) => {
        const parsed = typed(count, () => parseScopeList(text, { dataCenter }));
        if (!parsed) return;
        expect(new Set(parsed.scopes).size).toBe(parsed.scopes.length);
        for (const scope of parsed.scopes) expect(scope).toMatch(/^\S+$/);
        for (const finding of parsed.findings) {
          expect(['error', 'warning', 'info']).toContain(finding.severity);
          expect(finding.message.length).toBeGreaterThan(0);
          expect(finding.input.length).toBeLessThanOrEqual(101);
        }
      }),
      { numRuns },
    );
  });

  it('reads every console title, alone or among others, as its scope or as ambiguous', () => {
    for (const [title] of CONSOLE_LABELS) {
      const parsed = parseScopeList(`read:jira-work, ${title}; offline_access`);
      const scopes = scopesForLabel(title);
      if (scopes.length === 1) expect(parsed.scopes, title).toContain(scopes[0]);
      else
        expect(
          parsed.findings.map((f) => f.problem),
          title,
        ).toContain('ambiguous-label');
    }
    const numRuns = runs(200, 5_000);
    const count = counted('console titles in comma lists', numRuns);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TITLES), { minLength: 1, maxLength: 12 }), fc.constantFrom(', ', ',', '\n', '; '), (titles, sep) => {
        const parsed = typed(count, () => parseScopeList(titles.join(sep)));
        // Every title comes back as a scope or a named ambiguity, never as an unknown entry.
        expect(parsed?.findings.filter((f) => f.problem === 'unknown')).toEqual([]);
      }),
      { numRuns },
    );
  });

  it('takes linear time on adversarial pastes', () => {
    const units = {
      'scope strings': 'read:jira-work write:sprint:jira-software ',
      'titles with commas': 'View boards, backlogs, and related items, ',
      'one endless token': 'a',
      'colons and spaces': 'read: : ',
      'dashes between words': 'View - sprints – x ',
      parentheses: '(((read:jira-work) ',
      'table rows': '| View sprints | read:sprint:jira-software |\n',
      'unknown near-scopes': 'read:sprnt:jira-softwar\n',
      'whitespace runs': ' \t\u00a0\u200b',
      'commas only': ',',
    };
    for (const [name, unit] of Object.entries(units)) {
      linear.push(expectLinear(`scope list: ${name}`, unit, (text) => parseScopeList(text)));
      // Under the 200,000-character limit too, where the whole list is read.
      linear.push(expectLinear(`scope list under the limit: ${name}`, unit, (text) => parseScopeList(text), [1_900, 19_000, 190_000]));
    }
  });
});

// Site inputs: Atlassian hosts among IP literals in every notation, look-alikes and URL tricks.
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,14}[a-z0-9])?$/);
const octet = fc.nat(255);
const ipv4 = fc
  .tuple(octet, octet, octet, octet)
  .chain(([a, b, c, d]) =>
    fc.constantFrom(
      `${a}.${b}.${c}.${d}`,
      String(a * 2 ** 24 + b * 2 ** 16 + c * 2 ** 8 + d),
      `0x${(a * 2 ** 24 + b * 2 ** 16 + c * 2 ** 8 + d).toString(16)}`,
      [a, b, c, d].map((n) => `0${n.toString(8)}`).join('.'),
      `${a}.${b * 2 ** 16 + c * 2 ** 8 + d}`,
      `0x${a.toString(16)}.${b}.${c}.${d}`,
      `${a}.${b}.${c}.${d}.`,
    ),
  );
const ipv6 = fc.oneof(
  fc.ipV6().map((a) => `[${a}]`),
  fc.ipV4().map((a) => `[::ffff:${a}]`),
);
const LOOKALIKES = [
  'acme.atlassian.net.',
  'acme.atlassian.net..',
  'acme.atlassian.n\u0435t',
  'acme.\u0430tlassian.net',
  'acme.atlassıan.net',
  'acme.xn--tlassian-9cg.net',
  'xn--acme-9cg.atlassian.net',
  'acme%2eatlassian.net',
  'acme.atlassian%2enet',
  'acme.atlassian.net%2eevil.example',
  'evil.example\\.atlassian.net',
  'evil.example\\@acme.atlassian.net',
  'acme.atlassian.net\\@evil.example',
  'acme.atlassian.net@evil.example',
  'evil.example#@acme.atlassian.net',
  'evil.example?.atlassian.net',
  'acme\u3002atlassian\u3002net',
  'acme\uff0eatlassian\uff0enet',
  'ACME.ATLASSIAN.NET',
  'acme.atlassian.net.evil.example',
  'atlassian.net',
  '.atlassian.net',
  '-acme.atlassian.net',
  'acme..atlassian.net',
  'a.b.atlassian.net',
  'acme.jira.com',
  'acme.jira.com.',
  'localhost',
  'acme.atlassian.net\u0000',
  'acme .atlassian.net',
  'acme.atlassian.net/../evil',
];
const host = fc.oneof(
  { arbitrary: label.map((l) => `${l}.atlassian.net`), weight: 3 },
  label.map((l) => `${l}.jira.com`),
  label,
  ipv4,
  ipv6,
  fc.domain(),
  { arbitrary: fc.constantFrom(...LOOKALIKES), weight: 2 },
);
const siteInput = fc
  .tuple(
    often('', fc.constantFrom('https://', 'http://', 'HTTPS://', '//', 'ftp://', 'https:', 'https:\\\\', ' ')),
    often('', fc.constantFrom('user@', 'user:pw@', 'acme.atlassian.net@', ':@')),
    host,
    often('', fc.constantFrom(':443', ':8080', ':', ':0x1bb')),
    often('', fc.constantFrom('/', '/jira/software/projects', '?x=1', '#frag', '\\evil', '/%2e%2e/', ' ')),
  )
  .map((parts) => parts.join(''));

describe('site inputs', () => {
  it('parseSite returns only a Jira Cloud site host, and the Cloud ID lookup asks only that host', async () => {
    const numRuns = runs(500, 25_000);
    const count = counted('parseSite + lookupCloudId', numRuns);
    const emulator = 'http://127.0.0.1:9';
    await fc.assert(
      fc.asyncProperty(fc.oneof(siteInput, fc.string({ unit: 'grapheme', maxLength: 300 })), async (input) => {
        const site = typed(count, () => parseSite(input));
        if (site !== undefined) expect(isSiteHost(site), site).toBe(true);
        for (const hosts of ['real', 'emulator'] as const) {
          const fetch = fakeFetch(() => ({ status: 200, body: { cloudId: '1f0c5d2e-7b3a-4c8e-9d41-6a2b8c0fe9a2' } }));
          const deps = hosts === 'real' ? fakeDeps(fetch) : fakeDeps(fetch, { hosts: emulatorHosts(emulator) });
          await lookupCloudId(deps, input).catch((error: unknown) => {
            if (site !== undefined || !(error instanceof Error) || error.name !== 'InputError') throw error;
          });
          for (const call of fetch.calls) {
            if (hosts === 'real') expect(isAtlassianUrl(call.url), call.url).toBe(true);
            else expect(call.url).toBe(`${emulator}/site/${site}/_edge/tenant_info`);
          }
          expect(fetch.calls.length).toBe(site === undefined ? 0 : 1);
        }
      }),
      { numRuns },
    );
  });

  it('takes linear time on adversarial pastes', () => {
    for (const [name, unit] of Object.entries({ 'a long label': 'a', dots: '.', 'a long URL': 'https://acme.atlassian.net/' }))
      linear.push(expectLinear(`site: ${name}`, unit, (text) => parseSite(text)));
  });
});

// Data Center base URLs: the customer's own host, so anything but a plain host name over https is refused.
const dcHost = fc.oneof(
  { arbitrary: fc.domain(), weight: 4 },
  ipv4,
  ipv6,
  label,
  fc.constantFrom(...LOOKALIKES, '127.0.0.1', 'localhost', 'jira.acme.com.', 'LOCALHOST', '127.1', '0x7f000001'),
);
const dcInput = fc
  .tuple(
    often('https://', fc.constantFrom('http://', 'HTTPS://', 'ftp://', '', '//')),
    often('', fc.constantFrom('user@', 'user:pw@')),
    dcHost,
    often('', fc.constantFrom(':8443', ':80', ':')),
    fc.constantFrom('', '/', '/jira', '/jira/secure/Dashboard.jspa', '?os_authType=basic', '#x', '\\evil', '/a b'),
  )
  .map((parts) => parts.join(''));
const IP_LITERAL = /^(?:[\d.]+|\[.*\])$/;

describe('Data Center base URLs', () => {
  it('accepts only an https host name (http only for a typed 127.0.0.1 or localhost with a port), and sends only there', async () => {
    const numRuns = runs(500, 25_000);
    const count = counted('parseDataCenterBaseUrl', numRuns);
    await fc.assert(
      fc.asyncProperty(fc.oneof(dcInput, fc.string({ unit: 'grapheme', maxLength: 200 })), async (input) => {
        const base = typed(count, () => parseDataCenterBaseUrl(input));
        if (base === undefined) return;
        const url = new URL(base);
        const typedLoopback = /^(?:https?:\/\/)(?:127\.0\.0\.1|localhost):\d+(?:[/?#\\]|$)/i.test(input.trim());
        expect(url.username + url.password + url.search + url.hash).toBe('');
        expect(url.hostname.endsWith('.')).toBe(false);
        expect(/(^|\.)(atlassian\.net|jira\.com)$/.test(url.hostname)).toBe(false);
        if (url.protocol === 'http:' || IP_LITERAL.test(url.hostname)) expect(typedLoopback, input).toBe(true);
        else expect(url.protocol).toBe('https:');
        const fetch = fakeFetch(() => ({ status: 400, body: { error: 'invalid_grant' } }));
        await postDataCenterToken(fakeDeps(fetch), base, { grant_type: 'authorization_code' });
        expect(fetch.calls.map((c) => new URL(c.url).host)).toEqual([url.host]);
      }),
      { numRuns },
    );
  });

  it('takes linear time on adversarial pastes', () => {
    linear.push(expectLinear('Data Center URL: a long path', 'https://jira.acme.com/a', (text) => parseDataCenterBaseUrl(text)));
  });
});

// Pasted consent redirects: the code may only go to Atlassian, and only from a paste on the callback's host.
const CALLBACK = 'https://acme.kendis.io/oauth/jira/callback';
const STATE = 'demo-state-0123456789abcdef';
const redirectHost = fc.constantFrom(
  'acme.kendis.io',
  'ACME.kendis.io',
  'acme.kendis.io.',
  'acme.kendis.io:443',
  'acme.kendis.io:8443',
  'evil.example',
  'acme.kendis.io.evil.example',
  'evil.example@acme.kendis.io',
  'acme.kendis.io@evil.example',
  'acme.kendis.io\\@evil.example',
  'auth.atlassian.com',
  'kendis.io',
  '127.0.0.1',
);
const redirectUrl = fc
  .tuple(
    often('https://', fc.constantFrom('http://', 'HTTPS://', 'javascript:', '', '//', 'https:/', 'https:\\\\')),
    often('acme.kendis.io', redirectHost),
    often('/oauth/jira/callback', fc.constantFrom('/', '', '/other', '/oauth/jira/callback/../x')),
    fc.array(
      fc.oneof(
        { arbitrary: fc.constant(`state=${STATE}`), weight: 4 },
        { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }).map((c) => `code=${encodeURIComponent(c)}`), weight: 4 },
        fc.constant('state=another'),
        fc.constantFrom('error=access_denied', 'error=', 'code=', 'error=%3Cscript%3E', `state=${STATE}%00`),
      ),
      { maxLength: 4 },
    ),
    fc.constantFrom('', '#top', '#code=x'),
  )
  .map(([scheme, h, path, params, hash]) => `${scheme}${h}${path}${params.length ? `?${params.join('&')}` : ''}${hash}`);

describe('pasted consent redirects', () => {
  it('exchanges a code only from an https paste on the callback host with this state, and only with Atlassian', async () => {
    const numRuns = runs(500, 25_000);
    const count = counted('finishConsent redirect', numRuns);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(redirectUrl, fc.string({ unit: 'grapheme', maxLength: 200 }), fc.webUrl({ withQueryParameters: true, withFragments: true })),
        async (pasted) => {
          const fetch = fakeFetch((url) => (url.endsWith('/oauth/token') ? { status: 400, body: { error: 'invalid_request' } } : { status: 200, body: [] }));
          const input = { clientId: 'demo-client', clientSecret: 'demo-secret-value', callbackUrl: CALLBACK, state: STATE, redirectedUrl: pasted };
          const report = await typedAsync(count, () => finishConsent({ ...fakeDeps(fetch), clock: instantClock() }, input));
          const checked = typed(tally(), () => readConsentRedirect(input, fakeDeps(fetch).hosts.auth));
          expect(report === undefined, pasted).toBe(checked === undefined);
          for (const call of fetch.calls) expect(isAtlassianUrl(call.url), call.url).toBe(true);
          if (fetch.calls.length > 0) {
            const url = new URL(pasted.trim());
            expect(url.protocol).toBe('https:');
            expect(url.host).toBe('acme.kendis.io');
            expect(url.searchParams.get('state')).toBe(STATE);
          }
          expect(JSON.stringify(report ?? {})).not.toContain('demo-secret-value');
        },
      ),
      { numRuns },
    );
  });

  it('takes linear time on adversarial pastes', () => {
    linear.push(
      expectLinear('redirect: a long query', `${CALLBACK}?code=x&state=${STATE}&`, (text) =>
        readConsentRedirect({ redirectedUrl: text, callbackUrl: CALLBACK, state: STATE }, realAtlassianHosts.auth),
      ),
    );
  });
});

// Custom profiles: JSON of any shape, and profile-shaped objects with wrong, odd and right values.
const fieldValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
);
const operation = fc.record(
  {
    method: fc.oneof(fc.constantFrom('GET', 'get', 'POST', 'FETCH'), fieldValue),
    path: fc.oneof(fc.constantFrom('/rest/api/3/myself', '/rest/agile/1.0/board', '/rest/nope', 'rest/api/3/myself'), fieldValue),
  },
  { requiredKeys: [] },
);
const capability = fc.record(
  {
    name: fc.oneof(fc.string({ maxLength: 30 }), fieldValue),
    certainty: fc.oneof(fc.constantFrom('required', 'likely'), fieldValue),
    ask: fieldValue,
    operations: fc.oneof(fc.array(operation, { maxLength: 3 }), fieldValue),
    scopes: fc.oneof(fc.array(fc.oneof(scopeLike, fieldValue), { maxLength: 4 }), fieldValue),
  },
  { requiredKeys: [] },
);
const profileShaped = fc.record(
  {
    id: fc.oneof(fc.constantFrom('acme-sync', 'Acme Sync', 'kendis-cloud-oauth'), fieldValue),
    name: fc.oneof(fc.constant('Acme'), fieldValue),
    vendor: fc.oneof(fc.constant('Acme'), fieldValue),
    tokenKind: fc.oneof(fc.constantFrom('oauth', 'scoped-token', 'classic-token', 'dc-oauth'), fieldValue),
    capabilities: fc.oneof(fc.array(capability, { maxLength: 3 }), fieldValue),
    callbackUrls: fc.oneof(fc.array(fc.oneof(fc.webUrl(), fieldValue), { maxLength: 2 }), fieldValue),
    vendorScopes: fc.oneof(fc.array(scopeLike, { maxLength: 4 }), fieldValue),
    needsOfflineAccess: fieldValue,
    __proto__: fieldValue,
  },
  { requiredKeys: [] },
);

/** A valid profile with some fields replaced by wrong, odd or missing values. */
const VALID_PROFILE = {
  id: 'acme-sync',
  name: 'Acme Sync',
  vendor: 'Acme',
  tokenKind: 'oauth',
  capabilities: [
    { name: 'Read boards', operations: [{ method: 'GET', path: '/rest/agile/1.0/board' }] },
    { name: 'Read issues', scopes: ['read:jira-work'], certainty: 'likely', ask: 'Ask Acme' },
  ],
  callbackUrls: ['https://acme.example/callback'],
  vendorScopes: ['read:jira-work'],
};
const nearlyValid = fc.record({ replace: fc.subarray(Object.keys(VALID_PROFILE)), with: profileShaped }).map(({ replace, with: other }) => {
  const profile: Record<string, unknown> = { ...VALID_PROFILE };
  for (const key of replace) {
    if (key in other) profile[key] = (other as Record<string, unknown>)[key];
    else delete profile[key];
  }
  return profile;
});

describe('custom profiles', () => {
  it('parses or refuses field by field, with a ProfileError or InputError and never a crash', () => {
    const numRuns = runs(500, 20_000);
    const count = counted('parseCustomProfile', numRuns);
    fc.assert(
      fc.property(
        fc.oneof(
          nearlyValid,
          nearlyValid.map((p) => JSON.stringify(p)),
          profileShaped,
          fc.json(),
          fc.anything(),
          fc.string({ maxLength: 100 }),
        ),
        (input) => {
          const profile = typed(count, () => parseCustomProfile(input));
          if (!profile) return;
          expect(profile.source).toBe('custom');
          expect(profile.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
          for (const c of profile.capabilities) expect((c.operations?.length ?? 0) + (c.scopes?.length ?? 0)).toBeGreaterThan(0);
        },
      ),
      { numRuns },
    );
  });

  it('takes linear time on adversarial pastes', () => {
    const units = { 'deep arrays': '[', 'a long string': '"a', commas: ',' };
    for (const [name, unit] of Object.entries(units)) linear.push(expectLinear(`profile: ${name}`, unit, (text) => parseCustomProfile(text)));
    // Whole profiles, under the 100,000-byte limit: every capability parsed and its scopes looked up.
    const withCapabilities = (bytes: number) => {
      const capability =
        '{"name":"Read","scopes":["read:jira-work","read:sprnt:jira-software"],"operations":[{"method":"GET","path":"/rest/agile/1.0/board"}]},';
      const many = repeatTo(capability, bytes - 200).slice(0, -1);
      return JSON.stringify({ ...VALID_PROFILE, capabilities: [] }).replace('"capabilities":[]', `"capabilities":[${many}]`);
    };
    linear.push(expectLinear('profile: capabilities up to the limit', withCapabilities, (text) => parseCustomProfile(text), [1_000, 10_000, 99_000]));
    linear.push(expectLinear('profile: capabilities past the limit', withCapabilities, (text) => parseCustomProfile(text)));
  });
});
