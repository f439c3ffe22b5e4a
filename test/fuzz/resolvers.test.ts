/**
 * Every resolver's payload schema, fuzzed through the same entry point Forge and the local server use:
 * any JSON value, and objects with the resolver's own fields holding right, wrong and odd values. An admin
 * calls, so the payload is what decides. Properties: an answer in the envelope every time, never
 * `internal` (an unexpected error) or a log line, no secret from the payload in the answer, no request to
 * a host outside Atlassian, and linear time in the size of the payload's text.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeDeps, fakeFetch } from '../../src/core/atlassian/testing';
import type { ResolverName, ResolverResponse } from '../../src/forge/api';
import { invokeResolver, resolvers } from '../../src/forge/resolvers';
import { ADMIN_ID, contextFor, testDeps, TEST_PROFILE, withTestProfile, type TestDeps } from '../mocks/app-deps';
import { expectLinearAsync, isAtlassianUrl, printLinear, runs, type LinearResult } from './support';

const NAMES = Object.keys(resolvers) as ResolverName[];
const CALLBACK = 'https://app.example.test/oauth/callback';
const ERROR_CODES = ['forbidden', 'invalid-input', 'not-found', 'conflict'];

/** Secrets the fuzzer puts in payloads: distinctive, so finding one in an answer means it leaked. */
const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const secret = hex(16).map((digits) => `sd-secret-${digits}`);
const odd = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.anything({ maxDepth: 2 }),
);
/** Mostly a right value, sometimes a near miss, sometimes anything at all. */
const field = <T>(right: fc.Arbitrary<T>, ...nearMisses: fc.Arbitrary<unknown>[]) =>
  fc.oneof({ arbitrary: right, weight: 8 }, ...nearMisses.map((arbitrary) => ({ arbitrary, weight: 1 })), { arbitrary: odd, weight: 1 });

interface Fixture {
  connectionId: string;
  state: string;
}

function fieldsOf(name: ResolverName, fixture: Fixture): Record<string, fc.Arbitrary<unknown>> {
  const id = field(fc.constant(fixture.connectionId), fc.uuid(), fc.string({ maxLength: 120 }));
  const profileJson = fc
    .record({
      id: fc.constantFrom('acme-sync', 'acme-other', 'Bad Id', TEST_PROFILE.id),
      name: fc.string({ minLength: 1, maxLength: 10 }),
      vendor: fc.constant('Acme'),
      tokenKind: fc.constantFrom('oauth', 'scoped-token', 'dc-oauth'),
      capabilities: fc.constant([{ name: 'Read', scopes: ['read:jira-work'] }]),
    })
    .map((p) => JSON.stringify(p));
  const orgIdField = field(fc.constant('demo-org-8f2a61c4-0d7e-4b9a-a1f3-5c6e7d8b9a01'), fc.constantFrom('../orgs', 'a/b', ''), fc.uuid());
  switch (name) {
    case 'checkMyToken':
      return {
        email: field(fc.constantFrom('ana@acme.example', 'uri@acme.example'), fc.emailAddress()),
        token: field(secret),
        profileId: field(fc.constantFrom('kendis-user-token', TEST_PROFILE.id), fc.constantFrom('kendis-dc-oauth', 'nope')),
        expiresOn: field(fc.constantFrom('2026-12-01', '2027-01-31'), fc.constantFrom('2026-02-30', '2026-1-1')),
        recheck: field(fc.boolean()),
      };
    case 'lookupCloudId':
      return {
        site: field(fc.constantFrom('acme', 'acme.atlassian.net', 'https://acme.atlassian.net/jira'), fc.constantFrom('10.0.0.1', 'evil.example'), fc.domain()),
      };
    case 'saveConnection':
      return {
        id,
        version: field(fc.integer({ min: 1, max: 3 }), fc.integer({ min: -1, max: 0 })),
        connection: field(
          fc.record(
            {
              name: field(fc.string({ minLength: 1, maxLength: 20 })),
              profileId: field(fc.constantFrom(TEST_PROFILE.id, 'kendis-cloud-oauth'), fc.constantFrom('kendis-dc-oauth', 'nope')),
              clientId: field(fc.constant('demo-client-id')),
              callbackUrl: field(fc.constant(CALLBACK), fc.webUrl()),
              scopes: field(fc.constantFrom('read:jira-work', 'read:issue:Jira, View sprints', '')),
              clientSecret: field(secret),
            },
            { requiredKeys: ['name', 'profileId', 'clientId', 'callbackUrl', 'scopes'] },
          ),
        ),
      };
    case 'deleteConnection':
    case 'checkConnection':
    case 'startConsent':
      return { id };
    case 'finishConsent':
      return {
        id,
        state: field(fc.constant(fixture.state), hex(32)),
        redirectedUrl: field(
          fc.constant(`${CALLBACK}?code=demo-code&state=${fixture.state}`),
          fc.webUrl({ withQueryParameters: true }),
          fc.constant(`http://evil.example/?code=x&state=${fixture.state}`),
        ),
      };
    case 'explore':
      return {
        query: field(
          fc.constantFrom('read:sprint:jira-software', 'GET /rest/agile/1.0/board', '/rest/', 'View sprints'),
          fc.constant('x'),
          fc.string({ maxLength: 300 }),
        ),
      };
    case 'saveProfile':
      return { profile: field(profileJson, fc.json()) };
    case 'deleteProfile':
      return { id: field(fc.constantFrom(TEST_PROFILE.id, 'acme-sync'), fc.constantFrom('kendis-cloud-oauth', 'nope')) };
    case 'saveOrgInventorySettings':
      return { orgId: orgIdField, adminKey: field(secret, fc.constant('')), storeKey: field(fc.boolean()) };
    case 'runOrgInventory':
      return { orgId: orgIdField, adminKey: field(secret, fc.constant('')) };
    case 'saveReminderSettings':
      return {
        webhookUrl: field(
          fc.constantFrom('https://hooks.slack.com/services/sd-secret-demo-webhook', 'https://prod-00.westeurope.logic.azure.com/workflows/sd-secret-demo', ''),
          fc.constantFrom(
            'http://hooks.slack.com/services/x',
            'https://hooks.slack.com.evil.example/x',
            'https://user:pw@hooks.slack.com/x',
            'https://10.0.0.1/x',
          ),
          fc.webUrl(),
        ),
      };
    case 'exportData':
      return {
        format: field(fc.constantFrom('csv', 'json'), fc.constantFrom('CSV', 'xlsx', '')),
        // No cursor (the first page), one shaped as the export gives them, and near misses of that shape.
        cursor: field(
          fc.constantFrom(undefined, '{"v":1,"format":"csv","exportedAt":"2026-11-25T09:00:00.000Z","count":0,"after":"token-check:a"}'),
          fc.json(),
          fc.string({ maxLength: 60 }),
        ),
      };
    default:
      return {};
  }
}

/** Every field there (most often), some left out, or not an object at all. */
const payloadFor = (name: ResolverName, fixture: Fixture) => {
  const fields = fieldsOf(name, fixture);
  const spoof = { accountId: field(fc.constant('account-user')) };
  return fc.oneof(
    { arbitrary: fc.record({ ...fields, ...spoof }, { requiredKeys: Object.keys(fields) as never[] }), weight: 3 },
    { arbitrary: fc.record({ ...fields, ...spoof }, { requiredKeys: [] }), weight: 1 },
    { arbitrary: fc.anything(), weight: 1 },
  );
};

/** Secrets the payload carried, wherever they sit in it. */
function secretsIn(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('sd-secret-') ? [value] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(secretsIn);
}

/** Deps over memory storage, Atlassian answering every request with a 503, a connection and a consent started. */
async function setup(): Promise<{ deps: TestDeps; fixture: Fixture; fetch: ReturnType<typeof fakeFetch> }> {
  const deps = await withTestProfile(testDeps());
  const fetch = fakeFetch(() => ({ status: 503, headers: { 'Retry-After': '0' } }));
  deps.checkDeps = fakeDeps(fetch);
  const admin = contextFor(ADMIN_ID);
  const connection = {
    name: 'Fuzzed',
    profileId: TEST_PROFILE.id,
    clientId: 'demo-client-id',
    callbackUrl: CALLBACK,
    scopes: 'read:project:jira',
    clientSecret: 'sd-secret-0000000000000000',
  };
  const saved = (await invokeResolver('saveConnection', { connection }, admin, deps)) as ResolverResponse<{ id: string }>;
  if (!saved.ok) throw new Error(saved.error.message);
  const started = (await invokeResolver('startConsent', { id: saved.data.id }, admin, deps)) as ResolverResponse<{ state: string }>;
  if (!started.ok) throw new Error(started.error.message);
  return { deps, fixture: { connectionId: saved.data.id, state: started.data.state }, fetch };
}

const counts: Record<string, Record<string, number>> = {};
const linear: LinearResult[] = [];
afterAll(() => {
  const lines = Object.entries(counts).map(
    ([name, byOutcome]) =>
      `  ${name.padEnd(18)} ${Object.entries(byOutcome)
        .map(([outcome, n]) => `${outcome} ${n}`)
        .join(', ')}`,
  );
  console.log(`resolver payload fuzzing (${NAMES.length} resolvers, answers by outcome; internal 0 everywhere):\n${lines.join('\n')}`);
  if (linear.length) printLinear('resolvers', linear);
});

describe('resolver payload schemas', () => {
  it.each(NAMES)('%s answers any payload in its envelope, with no internal error, leak or stray request', async (name) => {
    const { deps, fixture, fetch } = await setup();
    const byOutcome: Record<string, number> = (counts[name] = {});
    await fc.assert(
      fc.asyncProperty(payloadFor(name, fixture), async (payload) => {
        const before = fetch.calls.length;
        const response = await invokeResolver(name, payload, contextFor(ADMIN_ID), deps);
        const outcome = response.ok ? 'ok' : response.error.code;
        byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
        if (!response.ok) {
          expect(ERROR_CODES, `${name} ${JSON.stringify(response.error)}`).toContain(response.error.code);
          expect(response.error.message.length).toBeGreaterThan(0);
        }
        const json = JSON.stringify(response);
        for (const value of secretsIn(payload)) expect(json).not.toContain(value);
        expect(json).not.toContain('sd-secret-0000000000000000');
        expect(deps.logs).toEqual([]);
        for (const call of fetch.calls.slice(before)) expect(isAtlassianUrl(call.url), call.url).toBe(true);
      }),
      { numRuns: runs(100, 3_000) },
    );
  });

  it('takes linear time in the size of every text field', async () => {
    const { deps, fixture } = await setup();
    const admin = contextFor(ADMIN_ID);
    for (const name of NAMES) {
      const fields = Object.keys(fieldsOf(name, fixture));
      if (fields.length === 0) continue;
      const big = (bytes: number) =>
        Object.fromEntries(
          fields.map((f) => [f, f === 'connection' ? { name: 'x'.repeat(bytes), scopes: 'read:jira-work '.repeat(bytes / 15) } : 'x'.repeat(bytes)]),
        );
      linear.push(await expectLinearAsync(`resolver ${name}`, big, (payload) => invokeResolver(name, payload, admin, deps)));
    }
    expect(deps.logs).toEqual([]);
  });
});
