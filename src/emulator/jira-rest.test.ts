import { beforeEach, describe, expect, it } from 'vitest';
import { findOperation } from '../core/catalog';
import { DEMO_ACCOUNTS, DEMO_OAUTH_APPS, DEMO_OTHER_SITE, DEMO_SITE, DEMO_TOKENS } from './demo';
import { FakeClock } from './fake-clock';
import type { Credentials } from './http';
import { handleJiraRequest, isReadOnly, READ_ONLY_POSTS, type JiraRequest } from './jira-rest';
import { seedDemoTenant } from './seed';
import { EmulatorState, type EmulatedSite } from './state';
import { basic, bearer } from './test-support';

const ana = DEMO_ACCOUNTS.admin;
const uri = DEMO_ACCOUNTS.user;
let state: EmulatorState;
let acme: EmulatedSite;

beforeEach(() => {
  state = new EmulatorState(new FakeClock());
  seedDemoTenant(state);
  acme = state.siteByHost(DEMO_SITE.host)!;
});

function call(method: string, path: string, credentials: Credentials, extra: Partial<JiraRequest> = {}) {
  const [pathname = '', search = ''] = path.split('?');
  return handleJiraRequest(state, {
    method,
    path: pathname,
    query: new URLSearchParams(search),
    credentials,
    contentType: 'application/json',
    body: '',
    site: acme,
    entry: 'gateway',
    baseUrl: 'http://127.0.0.1:1/api/ex/jira/x',
    ...extra,
  });
}

/** An OAuth access token holding exactly these scopes. */
function oauth(...scopes: string[]): Credentials {
  return bearer(state.issueTokens({ clientId: DEMO_OAUTH_APPS.kendis.clientId, accountId: ana.accountId, scopes }).accessToken);
}

const SCOPE_MISMATCH = {
  status: 401,
  headers: { 'X-Failure-Category': 'FAILURE_CLIENT_SCOPE_CHECK' },
  json: { code: 401, message: 'Unauthorized; scope does not match' },
};
/** The site treats credentials it does not take as no credentials at all. */
const SITE_NOT_AUTHENTICATED = { status: 401, headers: { 'Content-Type': 'text/plain' }, raw: 'Client must be authenticated to access this resource.' };
/** The gateway refuses them with its auth-mismatch category. */
const GATEWAY_NOT_AUTHENTICATED = { status: 401, headers: { 'x-failure-category': 'FAILURE_CLIENT_AUTH_MISMATCH' } };

describe('authentication', () => {
  it('accepts a classic token on the site and on the gateway, with full access', () => {
    for (const entry of ['site', 'gateway'] as const) {
      const reply = call('GET', '/rest/api/3/myself', basic(ana.email, ana.classicToken), { entry });
      expect(reply.status).toBe(200);
      expect(reply.json).toMatchObject({ accountId: ana.accountId, emailAddress: ana.email, displayName: ana.displayName, active: true });
    }
  });

  it('accepts a scoped token only through the gateway', () => {
    const credentials = basic(ana.email, DEMO_TOKENS.kendisScopedAna.token);
    expect(call('GET', '/rest/api/3/myself', credentials, { entry: 'site' })).toEqual({ ...SITE_NOT_AUTHENTICATED, operationId: 'getCurrentUser' });
    expect(call('GET', '/rest/api/3/myself', credentials, { entry: 'gateway' }).status).toBe(200);
  });

  it('404s issue and project reads on the site URL for a scoped token, as if they did not exist', () => {
    const credentials = basic(ana.email, DEMO_TOKENS.kendisScopedAna.token);
    expect(call('GET', '/rest/api/3/issue/ACME-1', credentials, { entry: 'site' })).toMatchObject({
      status: 404,
      json: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
    });
    expect(call('GET', '/rest/api/3/project/ACME', credentials, { entry: 'site' })).toMatchObject({
      status: 404,
      json: { errorMessages: ["No project could be found with key 'ACME'."], errors: {} },
    });
    expect(call('GET', '/rest/api/3/issue/ACME-1', credentials, { entry: 'gateway' }).status).toBe(200);
  });

  it('refuses an expired token, a wrong email, no credentials, and OAuth on the site URL', () => {
    expect(call('GET', '/rest/api/3/myself', basic(uri.email, DEMO_TOKENS.expiredUri.token), { entry: 'site' })).toMatchObject(SITE_NOT_AUTHENTICATED);
    expect(call('GET', '/rest/api/3/myself', basic(uri.email, DEMO_TOKENS.expiredUri.token))).toMatchObject(GATEWAY_NOT_AUTHENTICATED);
    expect(call('GET', '/rest/api/3/myself', basic(uri.email, ana.classicToken))).toMatchObject(GATEWAY_NOT_AUTHENTICATED);
    expect(call('GET', '/rest/api/3/myself', { kind: 'none' })).toMatchObject(GATEWAY_NOT_AUTHENTICATED);
    expect(call('GET', '/rest/api/3/myself', oauth('read:jira-user'), { entry: 'site' })).toMatchObject(SITE_NOT_AUTHENTICATED);
  });

  it('answers anonymous endpoints even for a bad token, saying the login failed', () => {
    const reply = call('GET', '/rest/api/3/serverInfo', basic('nobody@example.com', 'demo-wrong'), { entry: 'site' });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ deploymentType: 'Cloud' });
    expect(reply.headers).toMatchObject({ 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' });
    expect(call('GET', '/rest/api/3/serverInfo', { kind: 'none' }, { entry: 'site' }).headers?.['x-seraph-loginreason']).toBeUndefined();
    expect(call('GET', '/rest/api/3/serverInfo', basic(ana.email, ana.classicToken), { entry: 'site' }).headers?.['x-seraph-loginreason']).toBeUndefined();
  });

  it('refuses people on a site they do not belong to', () => {
    const globex = state.siteByHost(DEMO_OTHER_SITE.host)!;
    expect(call('GET', '/rest/api/3/myself', basic(ana.email, ana.classicToken), { site: globex })).toMatchObject(GATEWAY_NOT_AUTHENTICATED);
  });
});

describe('scope enforcement', () => {
  it('needs every scope of one set (all-of)', () => {
    // The board list needs read:board-scope:jira-software AND read:project:jira.
    expect(call('GET', '/rest/agile/1.0/board', oauth('read:board-scope:jira-software'))).toMatchObject(SCOPE_MISMATCH);
    expect(call('GET', '/rest/agile/1.0/board', oauth('read:project:jira'))).toMatchObject(SCOPE_MISMATCH);
    const reply = call('GET', '/rest/agile/1.0/board', oauth('read:board-scope:jira-software', 'read:project:jira'));
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ values: [{ id: 1, location: { projectKey: 'ACME' } }] });
  });

  it('is satisfied by any one set (any-of): classic or granular', () => {
    expect(call('GET', '/rest/api/3/myself', oauth('read:jira-user')).status).toBe(200);
    expect(call('GET', '/rest/api/3/myself', oauth('read:application-role:jira', 'read:avatar:jira', 'read:group:jira', 'read:user:jira')).status).toBe(200);
    expect(call('GET', '/rest/api/3/myself', oauth('read:user:jira'))).toMatchObject(SCOPE_MISMATCH);
  });

  it('classic read:jira-work does not open Jira Software endpoints', () => {
    expect(call('GET', '/rest/agile/1.0/sprint/1', oauth('read:jira-work'))).toMatchObject(SCOPE_MISMATCH);
    expect(call('GET', '/rest/agile/1.0/sprint/1', oauth('read:sprint:jira-software')).status).toBe(200);
  });

  it('holds for every sampled catalog operation: mismatch without scopes, pass with the first set', () => {
    for (const [path, id] of [
      ['/rest/agile/1.0/sprint/1', 'getSprint'],
      ['/rest/agile/1.0/epic/ACME-1', 'getEpic'],
      ['/rest/agile/1.0/board/1', 'getBoard'],
      ['/rest/api/3/project/ACME', 'getProject'],
      ['/rest/api/3/issue/ACME-2', 'getIssue'],
      ['/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS', 'getMyPermissions'],
    ] as const) {
      const operation = findOperation('GET', path)!;
      expect(operation.operationId).toBe(id);
      expect(call('GET', path, oauth('read:me'))).toMatchObject({ ...SCOPE_MISMATCH, operationId: id });
      for (const set of operation.scopeSets) {
        expect(call('GET', path, oauth(...set.scopes))).toMatchObject({ status: 200, operationId: id });
      }
    }
  });
});

describe('objects and write probes', () => {
  const token = () => basic(ana.email, DEMO_TOKENS.kendisScopedAna.token);

  it('404s an id that names nothing when the scope is held, 401s it when not', () => {
    // Uri's Kendis token holds write:epic and write:sprint; Ana's was created without them.
    const uriToken = basic(uri.email, DEMO_TOKENS.kendisScopedUri.token);
    expect(call('POST', '/rest/agile/1.0/epic/ACME-999', uriToken, { body: '{}' })).toMatchObject({ status: 404 });
    expect(call('PUT', '/rest/agile/1.0/sprint/999999', uriToken, { body: '{}' })).toMatchObject({ status: 404 });
    expect(call('POST', '/rest/agile/1.0/epic/ACME-999', token(), { body: '{}' })).toMatchObject(SCOPE_MISMATCH);
    expect(call('PUT', '/rest/agile/1.0/sprint/999999', token(), { body: '{}' })).toMatchObject(SCOPE_MISMATCH);
    expect(call('GET', '/rest/agile/1.0/sprint/42', token()).status).toBe(404);
  });

  it('finds seeded objects by id or key, and does not take a story for an epic', () => {
    expect(call('GET', '/rest/api/3/project/10000', token()).status).toBe(200);
    expect(call('GET', '/rest/agile/1.0/epic/10001', token()).json).toMatchObject({ key: 'ACME-1' });
    expect(call('GET', '/rest/agile/1.0/epic/ACME-2', token()).status).toBe(404);
    expect(call('GET', '/rest/agile/1.0/board/1/sprint', token()).json).toMatchObject({ values: [{ id: 1, state: 'active' }] });
  });

  it('marks a change to an existing object as a mutation', () => {
    const classic = basic(ana.email, ana.classicToken);
    expect(call('DELETE', '/rest/api/3/issue/ACME-2', classic)).toMatchObject({ status: 204, mutated: true });
    expect(call('POST', '/rest/api/3/issue', classic, { body: '{}' })).toMatchObject({ status: 201, mutated: true });
    expect(call('GET', '/rest/api/3/issue/ACME-2', classic).mutated).toBeUndefined();
  });

  it('treats only its own list of read-only POSTs as reads, each a POST the catalog knows', () => {
    expect(isReadOnly('POST', findOperation('POST', '/rest/api/3/permissions/check')!)).toBe(true);
    expect(isReadOnly('POST', findOperation('POST', '/rest/api/3/search/jql')!)).toBe(true);
    expect(isReadOnly('POST', findOperation('POST', '/rest/api/3/issue')!)).toBe(false);
    for (const path of READ_ONLY_POSTS) expect(findOperation('POST', path)?.path, path).toBe(path);
  });

  it('404s paths outside the catalog, on the gateway with a body that is not Jira’s, and 400s broken JSON', () => {
    expect(call('GET', '/rest/api/3/no-such-thing', token())).toEqual({ status: 404 });
    expect(call('GET', '/rest/api/3/no-such-thing', basic(ana.email, ana.classicToken), { entry: 'site' })).toMatchObject({
      status: 404,
      json: { errorMessages: [expect.any(String)], errors: {} },
    });
    expect(call('POST', '/rest/api/3/permissions/check', token(), { body: '{nope' }).status).toBe(400);
  });

  it('answers generic reads: an empty page for collections, the id for one object', () => {
    const classic = basic(ana.email, ana.classicToken);
    expect(call('GET', '/rest/api/3/status', classic).json).toMatchObject({ values: [], total: 0 });
    expect(call('GET', '/rest/api/3/project/ACME/features', classic).json).toMatchObject({ values: [] });
  });
});

describe('admin permission', () => {
  it('grants ADMINISTER to the admin only, in both APIs', () => {
    const check = (account: typeof ana | typeof uri) =>
      call('POST', '/rest/api/3/permissions/check', basic(account.email, account.classicToken), {
        body: JSON.stringify({ globalPermissions: ['ADMINISTER'] }),
      }).json;
    expect(check(ana)).toEqual({ globalPermissions: ['ADMINISTER'], projectPermissions: [] });
    expect(check(uri)).toEqual({ globalPermissions: [], projectPermissions: [] });

    const mine = (account: typeof ana | typeof uri) =>
      call('GET', '/rest/api/3/mypermissions?permissions=ADMINISTER', basic(account.email, account.classicToken)).json;
    expect(mine(ana)).toMatchObject({ permissions: { ADMINISTER: { havePermission: true } } });
    expect(mine(uri)).toMatchObject({ permissions: { ADMINISTER: { havePermission: false } } });
    expect(call('GET', '/rest/api/3/mypermissions', basic(ana.email, ana.classicToken)).status).toBe(400);
  });
});
