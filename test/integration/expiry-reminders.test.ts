/**
 * Expiry and reminders: the timeline and the personal page's countdown through the resolvers against the
 * emulator, the webhook setting (Slack and Teams hosts only, the URL never shown back), and the hourly trigger
 * run for weeks on a fake clock: exactly one reminder per item and threshold, none for what was never near
 * expiry, and a failed post tried again next run but never sent twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay } from '../../src/core/expiry';
import type { ConsentReport } from '../../src/core/checks/types';
import { startEmulator, type Emulator } from '../../src/emulator';
import { DEMO_ACCOUNTS, DEMO_TOKENS } from '../../src/emulator/demo';
import type { TokenCheckSummary } from '../../src/forge/api';
import type { ConnectionStatus, StoredConnection } from '../../src/forge/connections';
import { invokeResolver } from '../../src/forge/resolvers';
import { keys } from '../../src/forge/storage/keys';
import { runScheduledTrigger } from '../../src/forge/trigger';
import { MemorySecretStore, MemoryStore } from '../../src/local/adapters/memory';
import { localDeps, type LocalAppDeps } from '../../src/local/deps';
import { seedDemoData } from '../../src/local/seed';
import { ADMIN_ID, contextFor, testDeps, USER_ID, type TestDeps } from '../mocks/app-deps';
import { demoResolverCalls } from '../support/demo-resolvers';

const SLACK_URL = 'https://hooks.slack.com/services/T0DEMO/B0DEMO/demo-not-a-real-webhook';
const TEAMS_URL = 'https://prod-00.westeurope.logic.azure.com:443/workflows/demo0not0a0real0flow/triggers/manual/paths/invoke';

describe('timeline and countdowns through the resolvers', () => {
  let emulator: Emulator;
  let deps: LocalAppDeps;
  const { answers, call, data } = demoResolverCalls(() => deps);

  beforeAll(async () => {
    emulator = await startEmulator();
    deps = localDeps({ store: new MemoryStore(), secrets: new MemorySecretStore(), hosts: emulator.hosts, log: () => {} });
    await seedDemoData(deps);
  });
  afterAll(async () => {
    await emulator.close();
    expect(JSON.stringify(answers)).not.toContain('demo-not-a-real');
    for (const token of Object.values(DEMO_TOKENS)) expect(JSON.stringify(answers)).not.toContain(token.token);
  });

  it('gives Uri his token’s countdown and puts it on the admin’s timeline', async () => {
    const sixDays = isoDay(new Date(), 6);
    await data('user', 'checkMyToken', {
      email: DEMO_ACCOUNTS.user.email,
      token: DEMO_TOKENS.kendisScopedUri.token,
      profileId: 'kendis-user-token',
      expiresOn: sixDays,
      recheck: false,
    });
    expect((await data('user', 'getMyTokenStatus', {})).expiry).toEqual({ date: sixDays, days: 6, state: 'due-7', countdown: 'in 6 days' });
    // Ana never entered a date: no countdown, and nothing on the timeline.
    await data('admin', 'checkMyToken', {
      email: DEMO_ACCOUNTS.admin.email,
      token: DEMO_TOKENS.kendisScopedAna.token,
      profileId: 'kendis-user-token',
      recheck: false,
    });
    expect((await data('admin', 'getMyTokenStatus', {})).expiry).toBeUndefined();

    const timeline = await data('admin', 'listExpiring', {});
    expect(timeline).toEqual([
      { kind: 'token', id: DEMO_ACCOUNTS.user.accountId, name: DEMO_ACCOUNTS.user.displayName, date: sixDays, days: 6, state: 'due-7', countdown: 'in 6 days' },
    ]);
    expect(await call('user', 'listExpiring', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a token expiry date outside 1 to 365 days, in one line with the dates allowed', async () => {
    for (const expiresOn of [isoDay(new Date(), 0), isoDay(new Date(), 366)]) {
      const answer = await call('user', 'checkMyToken', {
        email: DEMO_ACCOUNTS.user.email,
        token: DEMO_TOKENS.kendisScopedUri.token,
        profileId: 'kendis-user-token',
        expiresOn,
        recheck: false,
      });
      expect(answer).toMatchObject({
        ok: false,
        error: {
          code: 'invalid-input',
          field: 'expiresOn',
          message: `An API token expires 1 to 365 days after today: enter a date from ${isoDay(new Date(), 1)} to ${isoDay(new Date(), 365)}, as shown at id.atlassian.com → Security → API tokens`,
        },
      });
    }
  });

  it('dates a connection’s refresh-token windows from a consent test that got a refresh token', async () => {
    const targetprocess = (await data('admin', 'listConnections', {})).find((c) => c.name === 'Targetprocess');
    if (!targetprocess) throw new Error('the demo seed has a Targetprocess connection');
    const started = await data('admin', 'startConsent', { id: targetprocess.id });
    emulator.consent.autoAccept('admin');
    const redirect = await fetch(started.authorizeUrl, { redirect: 'manual' });
    emulator.consent.showPage();
    const consented = await data('admin', 'finishConsent', {
      id: targetprocess.id,
      state: started.state,
      redirectedUrl: redirect.headers.get('location') ?? '',
    });
    expect(consented.lastConsent?.refreshTokenIssued).toBe(true);

    const issuedAt = consented.lastConsent?.checkedAt ?? '';
    const item = (await data('admin', 'listExpiring', {})).find((entry) => entry.kind === 'refresh-token');
    expect(item).toEqual({
      kind: 'refresh-token',
      id: targetprocess.id,
      name: 'Targetprocess',
      issuedAt,
      idleBy: isoDay(new Date(issuedAt), 90),
      date: isoDay(new Date(issuedAt), 365),
      days: 365,
      state: 'ok',
      countdown: 'in 365 days',
    });
  });

  it('keeps the webhook URL as a secret, shows only its hint, and takes Slack and Teams hosts only', async () => {
    for (const url of [
      'https://hooks.slack.com.evil.example/services/x',
      'http://hooks.slack.com/services/x',
      'https://example.com/hook',
      'https://user@hooks.slack.com/services/x',
      'not a url',
    ]) {
      const answer = await call('admin', 'saveReminderSettings', { webhookUrl: url });
      expect(answer, url).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'webhookUrl' } });
      if (!answer.ok) expect(answer.error.message).not.toContain(url);
    }
    expect(await data('admin', 'saveReminderSettings', { webhookUrl: SLACK_URL })).toMatchObject({
      webhook: { set: true, endsWith: '…hook' },
      kind: 'slack',
      updatedBy: DEMO_ACCOUNTS.admin.accountId,
    });
    expect(await deps.secrets.getSecret('reminder-webhook')).toBe(SLACK_URL);
    expect(await data('admin', 'saveReminderSettings', { webhookUrl: TEAMS_URL })).toMatchObject({ kind: 'teams' });
    expect(await call('user', 'saveReminderSettings', { webhookUrl: SLACK_URL })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await data('admin', 'saveReminderSettings', { webhookUrl: '' })).toEqual({ webhook: { set: false } });
    expect(await deps.secrets.getSecret('reminder-webhook')).toBeUndefined();
  });
});

describe('reminders from the hourly trigger, over seven weeks', () => {
  const HOUR = 3_600_000;
  let deps: TestDeps;

  async function person(accountId: string, displayName: string, expiresOn?: string) {
    const summary: TokenCheckSummary = {
      accountId,
      displayName,
      profileId: 'kendis-user-token',
      kind: 'scoped',
      verdict: 'pass',
      missing: [],
      checkedAt: deps.clock.now().toISOString(),
      recheck: false,
      ...(expiresOn ? { expiresOn } : {}),
    };
    await deps.store.set(keys.tokenCheck(accountId), summary);
  }
  async function connection(id: string, name: string, consentDaysAgo: number, refreshTokenIssued: boolean) {
    const stored: StoredConnection = {
      id,
      name,
      profileId: 'targetprocess',
      clientId: 'demo-client',
      callbackUrl: 'https://example.test/cb',
      scopes: '',
      version: 1,
      updatedAt: '',
      updatedBy: ADMIN_ID,
    };
    const lastConsent: ConsentReport = {
      subject: name,
      verdict: 'pass',
      checkedAt: new Date(deps.clock.now().getTime() - consentDaysAgo * 24 * HOUR).toISOString(),
      results: [],
      resources: [],
      refreshTokenIssued,
    };
    await deps.store.set(keys.connection(id), stored);
    await deps.store.set<ConnectionStatus>(keys.connectionStatus(id), { history: [], lastConsent });
  }
  /** Every line of every message the chat app took, and the messages it did not. */
  const delivered = () =>
    deps.notifier.posts
      .filter((post) => post.status === 200)
      .flatMap((post) => (JSON.parse(post.body) as { text: string }).text.split('\n').filter((line) => line.startsWith('• ')));

  beforeAll(async () => {
    deps = testDeps();
    const today = deps.clock.now();
    await person('account-a', 'Ada', isoDay(today, 40));
    await person('account-b', 'Bo', isoDay(today, 5));
    await person('account-c', 'Cy', isoDay(today, 200));
    await person('account-d', 'Di');
    await connection('conn-near', 'Kendis', 360, true);
    await connection('conn-none', 'OneConnect', 360, false);
    await connection('conn-far', 'Targetprocess', 10, true);
    expect(await invokeResolver('saveReminderSettings', { webhookUrl: SLACK_URL }, contextFor(ADMIN_ID), deps)).toMatchObject({ ok: true });
  });

  it('sends each item one reminder per threshold, retries a failed post, never sends one twice', async () => {
    const start = deps.clock.now();
    const failDay = isoDay(start, 33);
    const failedRuns: string[] = [];
    for (let hour = 0; hour < 49 * 24; hour += 1) {
      // The UTC day Ada reaches 7 days: the chat app refuses for the first two runs, then the network fails once.
      const now = deps.clock.now();
      const failing = now.toISOString().slice(0, 10) === failDay ? now.getUTCHours() : undefined;
      deps.notifier.status = failing === 0 || failing === 1 ? 500 : failing === 2 ? undefined : 200;
      const { reminders } = await runScheduledTrigger(deps);
      if (reminders.failed > 0) failedRuns.push(now.toISOString());
      deps.clock.advance(HOUR);
    }
    expect(failedRuns).toEqual([0, 1, 2].map((h) => `${failDay}T0${h}:00:00.000Z`));
    // The refused posts reached the chat app but were not taken; the network failure never arrived.
    expect(deps.notifier.posts.filter((post) => post.status === 500)).toHaveLength(2);

    expect(delivered()).toEqual(
      [
        // Day 0: what is near already gets the reminder of the threshold it is within, not the ones it skipped.
        'Bo’s API token expires in 5 days (2026-11-30)',
        'Kendis: a refresh token issued at its consent test lapses in 5 days (2026-11-30); consent again before then',
        'Bo’s API token expires tomorrow (2026-11-30)',
        'Kendis: a refresh token issued at its consent test lapses tomorrow (2026-11-30); consent again before then',
        'Bo’s API token expires today (2026-11-30)',
        'Kendis: a refresh token issued at its consent test lapses today (2026-11-30); consent again before then',
        'Ada’s API token expires in 30 days (2027-01-04)',
        // Taken at the fourth try of day 33, still 7 days out.
        'Ada’s API token expires in 7 days (2027-01-04)',
        'Ada’s API token expires tomorrow (2027-01-04)',
        'Ada’s API token expires today (2027-01-04)',
      ].map((line) => `• ${line}`),
    );
    // One post a run at most, and none once nothing is new.
    expect(deps.notifier.posts.filter((post) => post.status === 200)).toHaveLength(7);
    const sent = (await deps.store.list('reminder-sent:')).items.map((item) => item.key).sort();
    expect(sent).toEqual([
      'reminder-sent:refresh-token:conn-near:2026-11-30:0',
      'reminder-sent:refresh-token:conn-near:2026-11-30:1',
      'reminder-sent:refresh-token:conn-near:2026-11-30:7',
      'reminder-sent:token:account-a:2027-01-04:0',
      'reminder-sent:token:account-a:2027-01-04:1',
      'reminder-sent:token:account-a:2027-01-04:30',
      'reminder-sent:token:account-a:2027-01-04:7',
      'reminder-sent:token:account-b:2026-11-30:0',
      'reminder-sent:token:account-b:2026-11-30:1',
      'reminder-sent:token:account-b:2026-11-30:7',
    ]);
    expect(deps.logs.filter((line) => line.includes('reminder'))).toEqual([
      'expiry reminder not taken: the webhook answered 500',
      'expiry reminder not taken: the webhook answered 500',
      'expiry reminder not sent: TypeError',
    ]);
    for (const line of deps.logs) expect(line).not.toContain('demo-not-a-real');
  });

  it('gives a renewed token reminders of its own, and posts Teams an Adaptive Card', async () => {
    expect(await invokeResolver('saveReminderSettings', { webhookUrl: TEAMS_URL }, contextFor(ADMIN_ID), deps)).toMatchObject({ ok: true });
    await person(USER_ID, 'Uri', isoDay(deps.clock.now(), 6));
    const before = deps.notifier.posts.length;
    await runScheduledTrigger(deps);
    await runScheduledTrigger(deps);
    const posts = deps.notifier.posts.slice(before);
    expect(posts).toHaveLength(1);
    // Stored as the URL parser writes it: the default port left out.
    expect(posts[0]?.url).toBe(TEAMS_URL.replace(':443', ''));
    const card = JSON.parse(posts[0]?.body ?? '{}') as {
      type: string;
      attachments: { contentType: string; content: { type: string; body: { text: string }[] } }[];
    };
    expect(card.type).toBe('message');
    expect(card.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.attachments[0]?.content.body.map((block) => block.text)).toContain(`- Uri’s API token expires in 6 days (${isoDay(deps.clock.now(), 6)})`);
  });
});
