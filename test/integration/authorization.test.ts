/**
 * The authorization matrix: every resolver × {admin, regular user, no user, a regular user naming another
 * person's accountId in the payload}, in Forge (the resolver entry point over the @forge/api and @forge/kvs
 * mocks) and in local mode (the local server's /api/invoke with `as`). Printed as a table; admin resolvers
 * must refuse everyone but the admin, nothing may answer a call with no person, and a payload's accountId
 * must never make a call act for someone else.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_ORG, DEMO_TOKENS } from '../../src/emulator/demo';
import type { ResolverName, ResolverResponse } from '../../src/forge/api';
import { handler } from '../../src/forge/index';
import { resolvers } from '../../src/forge/resolvers';
import { startLocalServer, type LocalServer } from '../../src/local/server';
import { forgeState } from '../mocks/forge';

vi.mock('@forge/kvs', async () => (await import('../mocks/forge')).kvsModule);
vi.mock('@forge/api', async () => (await import('../mocks/forge')).apiModule);
vi.mock('@forge/events', async () => (await import('../mocks/forge')).eventsModule);

const CALLERS = ['admin', 'user', 'none', 'spoof'] as const;
type Caller = (typeof CALLERS)[number];
/** What a call came back as: `ok`, an error code, or `refused` when the transport turned it away first. */
type Outcome = string;

/** The definitions themselves: a new resolver is in the matrix, with the access it declares, once it is in the table. */
const DEFINITIONS = Object.values(resolvers);
const CALLBACK = 'https://app.example.test/oauth/callback';

interface Fixture {
  connectionId: string;
  profileId: string;
  state: string;
  /** The admin, who has a token check on file for the Tokens tab's report. */
  tokenOwner: string;
}

/** A payload each resolver accepts from an admin, so a refusal can only come from who is calling. */
function payloadFor(name: ResolverName, fixture: Fixture, unique: string): unknown {
  const connection = { name: `App ${unique}`, profileId: 'test-oauth', clientId: 'demo-id', callbackUrl: CALLBACK, scopes: 'read:project:jira' };
  switch (name) {
    case 'checkMyToken':
      return { email: 'someone@example.test', token: 'demo-matrix-token', profileId: 'kendis-user-token', recheck: false };
    case 'lookupCloudId':
      return { site: 'acme.atlassian.net' };
    case 'saveConnection':
      return { connection };
    case 'deleteConnection':
    case 'checkConnection':
    case 'startConsent':
      return { id: fixture.connectionId };
    case 'finishConsent':
      return { id: fixture.connectionId, state: fixture.state, redirectedUrl: `${CALLBACK}?code=demo-code&state=${fixture.state}` };
    case 'explore':
      return { query: 'read:sprint:jira-software' };
    case 'saveProfile':
      return { profile: JSON.stringify(testProfile(`matrix-${unique}`)) };
    case 'deleteProfile':
      return { id: fixture.profileId };
    case 'explainRequest':
    case 'explainMyRequest':
      return { text: 'GET https://acme.atlassian.net/rest/api/3/myself' };
    case 'leastPrivilege':
      return { text: 'GET /rest/api/3/myself' };
    case 'getTokenCheck':
      return { accountId: fixture.tokenOwner };
    case 'saveOrgInventorySettings':
      return { orgId: DEMO_ORG.id, adminKey: 'demo-matrix-org-key', storeKey: true };
    case 'runOrgInventory':
      return { orgId: DEMO_ORG.id, adminKey: 'demo-matrix-org-key' };
    case 'saveReminderSettings':
      return { webhookUrl: 'https://hooks.slack.com/services/demo-matrix-not-a-webhook' };
    case 'exportData':
      return { format: 'csv' };
    default:
      return {};
  }
}

function testProfile(id: string) {
  return { id, name: `Profile ${id}`, vendor: 'Test', tokenKind: 'oauth', capabilities: [{ name: 'Read projects', scopes: ['read:project:jira'] }] };
}

/** One transport: how each caller reaches the resolvers. */
interface Mode {
  name: string;
  call(caller: Caller, name: string): Promise<Outcome>;
}

let counter = 0;
/** Fresh objects for one cell, made as the admin: a connection, a custom profile, a started consent and a token check. */
async function fixtureFor(invokeAsAdmin: (name: string, payload: unknown) => Promise<ResolverResponse<unknown>>, tokenOwner: string): Promise<Fixture> {
  counter += 1;
  const profileId = `matrix-fixture-${counter}`;
  await expectOk(invokeAsAdmin('saveProfile', { profile: JSON.stringify(testProfile('test-oauth')) }));
  await expectOk(invokeAsAdmin('saveProfile', { profile: JSON.stringify(testProfile(profileId)) }));
  const connection = {
    name: `Fixture ${counter}`,
    profileId: 'test-oauth',
    clientId: 'demo-id',
    callbackUrl: CALLBACK,
    scopes: 'read:project:jira',
    clientSecret: 'demo-matrix-client-secret',
  };
  const { id } = (await expectOk(invokeAsAdmin('saveConnection', { connection }))) as { id: string };
  const { state } = (await expectOk(invokeAsAdmin('startConsent', { id }))) as { state: string };
  await expectOk(invokeAsAdmin('checkMyToken', payloadFor('checkMyToken', { connectionId: id, profileId, state, tokenOwner }, `${counter}`)));
  return { connectionId: id, profileId, state, tokenOwner };
}

async function expectOk(response: Promise<ResolverResponse<unknown>>): Promise<unknown> {
  const answer = await response;
  if (!answer.ok) throw new Error(`fixture: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

const outcomeOf = (response: ResolverResponse<unknown>): Outcome => (response.ok ? 'ok' : response.error.code);

// Forge: the resolver entry point as the Forge runtime calls it; the mock's asUser() answers as admin or not.
const FORGE_ADMIN = 'forge-admin-account';
const FORGE_USER = 'forge-user-account';
async function forgeInvoke(accountId: string | undefined, isAdmin: boolean, name: string, payload: unknown) {
  forgeState.callerIsAdmin = isAdmin;
  const request = {
    call: { functionKey: name, payload },
    context: { cloudId: 'demo-cloud-id', siteUrl: 'https://acme.atlassian.net', moduleKey: 'scope-doctor-admin-page' },
  };
  return (await handler(request, accountId ? { principal: { accountId } } : {})) as ResolverResponse<unknown>;
}
const forge: Mode = {
  name: 'Forge',
  async call(caller, name) {
    forgeState.reset();
    const fixture = await fixtureFor((n, p) => forgeInvoke(FORGE_ADMIN, true, n, p), FORGE_ADMIN);
    const body = { ...(payloadFor(name as ResolverName, fixture, `${counter}`) as object), ...(caller === 'spoof' ? { accountId: FORGE_ADMIN } : {}) };
    if (caller === 'admin') return outcomeOf(await forgeInvoke(FORGE_ADMIN, true, name, body));
    if (caller === 'none') return outcomeOf(await forgeInvoke(undefined, false, name, body));
    return outcomeOf(await forgeInvoke(FORGE_USER, false, name, body));
  },
};

// Local mode: the HTTP API the page uses, `as` naming the demo person; no person is an `as` that names none.
let server: LocalServer;
let dataDir: string;
async function localInvoke(as: unknown, name: string, payload: unknown): Promise<{ status: number; body: ResolverResponse<unknown> }> {
  const response = await fetch(`${server.url}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: name, payload, as }),
  });
  return { status: response.status, body: (await response.json()) as ResolverResponse<unknown> };
}
const local: Mode = {
  name: 'local',
  async call(caller, name) {
    const fixture = await fixtureFor(async (n, p) => (await localInvoke('admin', n, p)).body, DEMO_ACCOUNTS.admin.accountId);
    const body = {
      ...(payloadFor(name as ResolverName, fixture, `${counter}`) as object),
      ...(caller === 'spoof' ? { accountId: DEMO_ACCOUNTS.admin.accountId } : {}),
    };
    const as = caller === 'admin' ? 'admin' : caller === 'none' ? 'nobody' : 'user';
    const answer = await localInvoke(as, name, body);
    return answer.status === 200 ? outcomeOf(answer.body) : `refused ${answer.status}`;
  },
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'scope-doctor-authz-'));
  server = await startLocalServer({ dataDir, staticDir: dataDir, seed: false, log: () => {} });
});
afterAll(async () => {
  expect(server.emulator?.requests.every((r) => !r.mutated)).toBe(true);
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('authorization matrix', () => {
  // Every resolver × every caller, one cell after another with fresh fixtures: it grows with each resolver, past
  // the default 30 s on a busy machine.
  it('refuses admin resolvers to all but the admin, everything to no one, in Forge and locally', { timeout: 120_000 }, async () => {
    const table: Record<string, Record<string, Outcome>> = {};
    for (const mode of [forge, local]) {
      for (const { name } of DEFINITIONS) {
        for (const caller of CALLERS) {
          (table[name] ??= {})[`${mode.name} ${caller}`] = await mode.call(caller, name);
        }
      }
    }
    const columns = [forge, local].flatMap((mode) => CALLERS.map((caller) => `${mode.name} ${caller}`));
    const lines = [
      ['resolver', 'access', ...columns].join(' | '),
      ...DEFINITIONS.map(({ name, access }) => [name, access, ...columns.map((column) => table[name]?.[column] ?? '?')].join(' | ')),
    ];
    console.log(`authorization matrix (${DEFINITIONS.length} resolvers × ${columns.length} callers):\n${lines.join('\n')}`);

    for (const { name, access } of DEFINITIONS) {
      const row = table[name]!;
      for (const mode of ['Forge', 'local']) {
        // The admin's payloads are valid, so the admin gets an answer, never a refusal.
        expect(row[`${mode} admin`], `${name} ${mode} admin`).toBe('ok');
        const refusedToUser = access === 'self' ? 'ok' : 'forbidden';
        expect(row[`${mode} user`], `${name} ${mode} user`).toBe(refusedToUser);
        expect(row[`${mode} spoof`], `${name} ${mode} spoof`).toBe(refusedToUser);
      }
      expect(row['Forge none'], `${name} Forge none`).toBe('forbidden');
      expect(row['local none'], `${name} local none`).toBe('refused 400');
    }
  });

  it.each([
    { name: 'Forge', other: FORGE_ADMIN, me: FORGE_USER },
    { name: 'local', other: DEMO_ACCOUNTS.admin.accountId, me: DEMO_ACCOUNTS.user.accountId },
  ])('never acts for the accountId a payload names, only for the caller ($name)', async ({ name, other, me }) => {
    forgeState.reset();
    const as = (who: 'admin' | 'user') =>
      name === 'Forge'
        ? (key: string, payload: unknown) => forgeInvoke(who === 'admin' ? FORGE_ADMIN : FORGE_USER, who === 'admin', key, payload)
        : async (key: string, payload: unknown) => (await localInvoke(who, key, payload)).body;
    const admin = as('admin');
    const user = as('user');
    const token = { email: DEMO_ACCOUNTS.admin.email, token: DEMO_TOKENS.kendisScopedAna.token, profileId: 'kendis-user-token', recheck: false };
    await expectOk(admin('checkMyToken', token));
    const before = (await expectOk(admin('getMyTokenStatus', {}))) as { last?: { accountId: string; checkedAt: string } };
    expect(before.last?.accountId).toBe(other);

    // The regular user names the admin everywhere a person could be named.
    expect(await expectOk(user('getMe', { accountId: other }))).toMatchObject({ accountId: me, isAdmin: false });
    expect(await expectOk(user('getMyTokenStatus', { accountId: other }))).toEqual({});
    await expectOk(user('checkMyToken', { ...token, accountId: other, expectedAccountId: other }));
    expect(await expectOk(user('forgetMyToken', { accountId: other }))).toEqual({ forgotten: true });

    const after = (await expectOk(admin('getMyTokenStatus', {}))) as { last?: { accountId: string; checkedAt: string } };
    expect(after.last).toEqual(before.last);
    expect(await expectOk(user('getMyTokenStatus', {}))).toEqual({});
  });
});
