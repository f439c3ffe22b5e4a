/**
 * auth.atlassian.com's token endpoint, as recorded: how the client classifies each answer, what the OAuth
 * client check concludes from each pair of answers, and that the emulator serves the same bytes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeDeps } from '../../src/core/atlassian/testing';
import { checkOAuthClient, type CheckDeps } from '../../src/core/checks';
import type { Status } from '../../src/core/model';
import { DEMO_ACCOUNTS, DEMO_OAUTH_APPS, FakeClock, startEmulator, type Emulator, type TokenEndpointMode } from '../../src/emulator';
import { recorded } from '../../src/emulator/recorded';
import { recordedFetchBy, replayRecorded } from '../support/recorded';

const kendis = DEMO_OAUTH_APPS.kendis;
const input = { clientId: kendis.clientId, clientSecret: kendis.clientSecret, callbackUrl: kendis.callbackUrl, scopes: 'read:project:jira' };

function credentialsOf(report: Awaited<ReturnType<typeof checkOAuthClient>>) {
  return report.results.find((r) => r.id === 'oauth.credentials');
}

describe('token endpoint answers, as recorded', () => {
  it.each([
    ['token.bogus-code', 'bad-request', 'invalid_request'],
    ['token.bogus-code-older', 'forbidden', 'invalid_grant'],
    ['token.bad-client', 'invalid-credentials', 'access_denied'],
    ['token.refresh-expired', 'expired', 'invalid_grant'],
    ['token.refresh-unknown', 'expired', 'unauthorized_client'],
  ])('%s is read as %s (%s)', (name, kind, errorCode) => {
    const outcome = replayRecorded(name);
    expect(outcome.kind).toBe(kind);
    expect(outcome.kind !== 'ok' && outcome.errorCode).toBe(errorCode);
  });
});

describe('the OAuth client check on recorded answers: real secret gets one, the control another', () => {
  it.each<[string, string, Status]>([
    // Right secret: only the control is refused as a bad client.
    ['token.bogus-code', 'token.bad-client', 'pass'],
    ['token.bogus-code-older', 'token.bad-client', 'pass'],
    // Wrong secret (or client ID): both refused as a bad client.
    ['token.bad-client', 'token.bad-client', 'fail'],
    // The code is checked before the client: the same answer whatever the secret.
    ['token.bogus-code', 'token.bogus-code', 'unknown'],
    ['token.bogus-code-older', 'token.bogus-code-older', 'unknown'],
    // Answers that do not add up are never a verdict.
    ['token.bad-client', 'token.bogus-code', 'unknown'],
    ['token.bogus-code', 'token.bogus-code-older', 'unknown'],
    ['token.refresh-unknown', 'token.bad-client', 'unknown'],
  ])('real secret → %s, control → %s: %s', async (real, control, status) => {
    const { fetch, seen } = recordedFetchBy(({ body }) =>
      (JSON.parse(body ?? '{}') as { client_secret?: string }).client_secret === input.clientSecret ? real : control,
    );
    const result = credentialsOf(await checkOAuthClient(fakeDeps(fetch), input));
    expect(result?.status).toBe(status);
    expect(seen).toHaveLength(2);
    const realAnswer = recorded(real).response;
    const controlAnswer = recorded(control).response;
    expect(result?.evidence).toMatchObject({
      httpStatus: realAnswer.status,
      error: (realAnswer.json as { error: string }).error,
      controlHttpStatus: controlAnswer.status,
      controlError: (controlAnswer.json as { error: string }).error,
    });
    expect(JSON.stringify(result)).not.toContain(input.clientSecret);
  });
});

describe('the emulator serves the recorded token-endpoint answers byte for byte', () => {
  let emulator: Emulator;
  let clock: FakeClock;

  beforeAll(async () => {
    clock = new FakeClock();
    emulator = await startEmulator({ clock });
  });
  beforeEach(() => {
    emulator.state.wire.tokenEndpoint = 'current';
  });
  afterAll(() => emulator.close());

  const post = (body: Record<string, string>) =>
    fetch(`${emulator.hosts.auth}/oauth/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const bogusCode = (clientSecret: string) =>
    post({
      grant_type: 'authorization_code',
      client_id: kendis.clientId,
      client_secret: clientSecret,
      code: 'demo-not-a-code',
      redirect_uri: kendis.callbackUrl,
    });
  const refresh = (refreshToken: string) =>
    post({ grant_type: 'refresh_token', client_id: kendis.clientId, client_secret: kendis.clientSecret, refresh_token: refreshToken });

  const provoke: Record<string, () => Promise<Response>> = {
    'token.bogus-code': () => bogusCode(kendis.clientSecret),
    'token.bogus-code-older': () => {
      emulator.state.wire.tokenEndpoint = 'older-403';
      return bogusCode(kendis.clientSecret);
    },
    'token.bad-client': () => bogusCode('demo-wrong-secret'),
    'token.refresh-expired': () => {
      const { refreshToken } = emulator.state.issueTokens({ clientId: kendis.clientId, accountId: DEMO_ACCOUNTS.admin.accountId, scopes: ['offline_access'] });
      clock.advanceDays(91);
      return refresh(refreshToken!);
    },
    'token.refresh-unknown': () => refresh('demo-never-issued'),
  };

  it.each(Object.keys(provoke))('%s', async (name) => {
    const { response } = recorded(name);
    const reply = await provoke[name]!();
    expect(reply.status).toBe(response.status);
    expect(await reply.text()).toBe(response.text ?? JSON.stringify(response.json));
    for (const [header, value] of Object.entries(response.headers)) expect(reply.headers.get(header), header).toBe(value);
  });

  describe('and the OAuth client check reads them in each token-endpoint mode', () => {
    let deps: CheckDeps;
    beforeAll(() => {
      deps = { fetch: (url, init) => fetch(url, init), hosts: emulator.hosts, clock, timeoutMs: 2000, random: () => 0.5 };
    });

    it.each<[TokenEndpointMode, Status, Status]>([
      ['current', 'pass', 'fail'],
      ['older-403', 'pass', 'fail'],
      ['code-before-client', 'unknown', 'unknown'],
    ])('%s: right secret → %s, wrong secret → %s', async (mode, right, wrong) => {
      emulator.state.wire.tokenEndpoint = mode;
      const withRight = credentialsOf(await checkOAuthClient(deps, input));
      const withWrong = credentialsOf(await checkOAuthClient(deps, { ...input, clientSecret: 'demo-wrong-secret' }));
      expect(withRight?.status).toBe(right);
      expect(withWrong?.status).toBe(wrong);
      if (mode === 'code-before-client') expect(withRight?.fix).toContain('consent test');
      expect(JSON.stringify([withRight, withWrong])).not.toContain(kendis.clientSecret);
    });
  });
});
