/**
 * A full demo run: every resolver, as the admin and as the regular user, over the local adapters against
 * the emulator. Nothing secret may appear in any answer or log line, and nothing in Jira may change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator';
import { DEMO_ACCOUNTS, DEMO_APP_SCOPES, DEMO_OAUTH_APPS, DEMO_SITE, DEMO_TOKENS } from '../../src/emulator/demo';
import { systemClock } from '../../src/core/ports';
import { enqueueDue } from '../../src/forge/recheck';
import { ADMIN_ONLY_MESSAGE, ADMIN_RESOLVERS, invokeResolver } from '../../src/forge/resolvers';
import { MemorySecretStore, MemoryStore } from '../../src/local/adapters/memory';
import { demoResolverCalls } from '../support/demo-resolvers';
import { demoContext, localDeps, type LocalAppDeps } from '../../src/local/deps';
import { seedDemoData } from '../../src/local/seed';

const SECRETS = [
  ...Object.values(DEMO_OAUTH_APPS).map((app) => app.clientSecret),
  ...Object.values(DEMO_TOKENS).map((token) => token.token),
  ...Object.values(DEMO_ACCOUNTS).map((account) => account.classicToken),
];

let emulator: Emulator;
let deps: LocalAppDeps;
/** Moves the app's clock ahead of real time, for what happens a day later. */
let clockOffsetMs = 0;
const clock = { now: () => new Date(Date.now() + clockOffsetMs), sleep: (ms: number) => systemClock.sleep(ms) };
const logs: string[] = [];
const { answers, call, data } = demoResolverCalls(() => deps);

beforeAll(async () => {
  emulator = await startEmulator();
  deps = localDeps({ store: new MemoryStore(), secrets: new MemorySecretStore(), hosts: emulator.hosts, clock, log: (line) => logs.push(line) });
  await seedDemoData(deps);
});

afterAll(async () => {
  await emulator.close();
});

describe('demo run over the local adapters', () => {
  it('refuses every admin resolver to the regular user, as Jira says', async () => {
    for (const name of ADMIN_RESOLVERS) {
      expect(await invokeResolver(name, {}, demoContext('user'), deps), name).toEqual({
        ok: false,
        error: { code: 'forbidden', message: ADMIN_ONLY_MESSAGE },
      });
    }
  });

  it('shows the site, its Cloud ID and the seeded connections to the admin', async () => {
    expect(await data('admin', 'getMe', {})).toMatchObject({ displayName: DEMO_ACCOUNTS.admin.displayName, isAdmin: true });
    expect(await data('user', 'getMe', {})).toMatchObject({ displayName: DEMO_ACCOUNTS.user.displayName, isAdmin: false });
    expect(await data('admin', 'getSite', {})).toMatchObject({ cloudId: DEMO_SITE.cloudId, siteName: 'acme' });
    expect(await data('admin', 'lookupCloudId', { site: DEMO_SITE.host })).toMatchObject({ cloudId: DEMO_SITE.cloudId });
    expect((await data('user', 'listProfiles', {})).map((p) => p.id)).toContain('kendis-cloud-oauth');
    const connections = await data('admin', 'listConnections', {});
    expect(connections.map((c) => c.name)).toEqual(['OnePlan OneConnect (EU)', 'OnePlan OneConnect (US)', 'Targetprocess']);
    expect(connections.every((c) => c.clientSecret.set)).toBe(true);
    expect((await data('admin', 'explore', { query: 'read:sprint:jira-software' })).scopes[0]?.scope).toBe('read:sprint:jira-software');
  });

  it('adds the Kendis app, checks it, runs the consent test and keeps history', async () => {
    const kendis = DEMO_OAUTH_APPS.kendis;
    const saved = await data('admin', 'saveConnection', {
      connection: {
        name: 'Kendis',
        profileId: 'kendis-cloud-oauth',
        clientId: kendis.clientId,
        callbackUrl: kendis.callbackUrl,
        scopes: DEMO_APP_SCOPES.kendis.join(' '),
        clientSecret: kendis.clientSecret,
      },
    });
    const checked = await data('admin', 'checkConnection', { id: saved.id });
    expect(checked.lastReport?.results.length).toBeGreaterThan(0);
    expect(checked.history).toHaveLength(1);

    const consent = await data('admin', 'startConsent', { id: saved.id });
    emulator.consent.autoAccept('admin');
    const redirect = await fetch(consent.authorizeUrl, { redirect: 'manual' });
    const redirectedUrl = redirect.headers.get('location') ?? '';
    expect(redirectedUrl.startsWith(kendis.callbackUrl)).toBe(true);
    const finished = await data('admin', 'finishConsent', { id: saved.id, state: consent.state, redirectedUrl });
    expect(finished.lastConsent?.resources[0]?.id).toBe(DEMO_SITE.cloudId);
    // The consent, then the connection re-judged from the grant it read.
    expect(finished.history).toHaveLength(3);
    expect(finished.lastReport?.scopeSource?.used).toBe('consent');

    // The state works once only.
    expect(await call('admin', 'finishConsent', { id: saved.id, state: consent.state, redirectedUrl })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'state' },
    });
  });

  it('checks people’s own tokens, keeps only opted-in ones, and lists summaries to the admin', async () => {
    const ana = await data('admin', 'checkMyToken', {
      email: DEMO_ACCOUNTS.admin.email,
      token: DEMO_TOKENS.kendisScopedAna.token,
      profileId: 'kendis-user-token',
      recheck: true,
    });
    expect(ana).toMatchObject({ kind: 'scoped', accountId: DEMO_ACCOUNTS.admin.accountId });
    const uri = await data('user', 'checkMyToken', {
      email: DEMO_ACCOUNTS.user.email,
      token: DEMO_TOKENS.expiredUri.token,
      profileId: 'kendis-user-token',
      expiresOn: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10),
      recheck: false,
    });
    expect(uri.kind).toBe('invalid');
    expect(await data('user', 'getMyTokenStatus', {})).toMatchObject({ last: { accountId: DEMO_ACCOUNTS.user.accountId, recheck: false } });
    expect((await data('admin', 'listTokenChecks', {})).map((s) => s.accountId).sort()).toEqual(
      [DEMO_ACCOUNTS.admin.accountId, DEMO_ACCOUNTS.user.accountId].sort(),
    );
    expect(await deps.secrets.getSecret(`user-token:${DEMO_ACCOUNTS.user.accountId}`)).toBeUndefined();

    // What was never checked is due at once; then nothing is, until a day has passed.
    // The trigger queues them; the in-process consumer checks them.
    const recheck = async () => {
      const summary = await enqueueDue(deps);
      await deps.recheckQueue.idle();
      return summary;
    };
    expect((await recheck()).queued).toBeGreaterThan(0);
    expect(await recheck()).toEqual({ due: 0, queued: 0, finished: true });
    clockOffsetMs = 24 * 60 * 60 * 1000;
    const tomorrow = await recheck();
    expect(tomorrow).toEqual({ due: 1 + 4, queued: 1 + 4, finished: true }); // Ana's opted-in token and the four connections
    expect(await data('admin', 'getRecheckStatus', {})).toMatchObject({ due: 5, queued: 0, checkedToday: 5, failedToday: 0 });
    clockOffsetMs = 0;

    expect(await data('user', 'forgetMyToken', {})).toEqual({ forgotten: true });
    expect(await data('user', 'getMyTokenStatus', {})).toEqual({});
  });

  it('deletes a connection with its secret', async () => {
    const [first] = await data('admin', 'listConnections', {});
    expect(await data('admin', 'deleteConnection', { id: first!.id })).toEqual({ deleted: true });
    expect(await deps.secrets.getSecret(`client-secret:${first!.id}`)).toBeUndefined();
  });

  it('checks a connection against a custom profile and keeps that profile while the connection uses it', async () => {
    const custom = await data('admin', 'saveProfile', {
      profile: JSON.stringify({
        id: 'acme-sprint-sync',
        name: 'Acme sprint sync',
        vendor: 'Acme',
        tokenKind: 'oauth',
        capabilities: [{ name: 'Everything this integration does', scopes: ['read:sprint:jira-software'] }],
      }),
    });
    expect(custom).toMatchObject({ id: 'acme-sprint-sync', source: 'custom' });
    const profiles = await data('user', 'listProfiles', {});
    expect(profiles.map((p) => p.id)).toContain('acme-sprint-sync');
    expect(profiles.map((p) => p.id)).not.toContain('kendis-dc-oauth');

    const kendis = DEMO_OAUTH_APPS.kendis;
    const saved = await data('admin', 'saveConnection', {
      connection: {
        name: 'Acme sprint sync',
        profileId: custom.id,
        clientId: kendis.clientId,
        callbackUrl: kendis.callbackUrl,
        scopes: 'read:sprint:jira-software',
        clientSecret: kendis.clientSecret,
      },
    });
    const checked = await data('admin', 'checkConnection', { id: saved.id });
    expect(checked.lastReport?.coverage?.capabilities).toMatchObject([{ status: 'covered' }]);

    const refused = await call('admin', 'deleteProfile', { id: custom.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toContain('"Acme sprint sync"');
    await data('admin', 'deleteConnection', { id: saved.id });
    expect(await data('admin', 'deleteProfile', { id: custom.id })).toEqual({ deleted: true });
  });

  it('refuses a Jira Data Center profile for a connection and names the CLI command', async () => {
    const refused = await call('admin', 'saveConnection', {
      connection: { name: 'Kendis DC', profileId: 'kendis-dc-oauth', clientId: 'id', callbackUrl: '', scopes: 'READ' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'profileId' } });
    if (!refused.ok) expect(refused.error.message).toContain('`scope-doctor dc`');
  });

  it('never showed or logged a secret and never changed anything in Jira', () => {
    const seen = JSON.stringify(answers) + logs.join('\n');
    for (const secret of SECRETS) expect(seen, secret).not.toContain(secret);
    expect(emulator.requests.length).toBeGreaterThan(0);
    expect(emulator.requests.filter((request) => request.mutated)).toEqual([]);
  });
});
