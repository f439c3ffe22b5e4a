import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_OAUTH_APPS } from './demo';
import { FakeClock } from './fake-clock';
import type { Reply } from './http';
import { handleToken } from './oauth-token';
import { recordedReply } from './recorded';
import { seedDemoTenant } from './seed';
import { EmulatorState, type TokenEndpointMode } from './state';
import { exchangeOf } from './test-support';

const app = DEMO_OAUTH_APPS.kendis;
const ana = DEMO_ACCOUNTS.admin.accountId;

let clock: FakeClock;
let state: EmulatorState;

beforeEach(() => {
  clock = new FakeClock();
  state = new EmulatorState(clock);
  seedDemoTenant(state);
});

function post(body: Record<string, unknown>): Reply {
  return handleToken(state, exchangeOf({ method: 'POST', path: '/oauth/token', body: JSON.stringify(body) }));
}

function codeFor(scopes: string[], redirectUri: string = app.callbackUrl): string {
  const code = `demo-code-${scopes.length}-${redirectUri.length}`;
  state.authorizationCodes.set(code, { code, clientId: app.clientId, redirectUri, scopes, accountId: ana, issuedAt: clock.now(), used: false });
  return code;
}

function exchangeCode(code: string, overrides: Record<string, string> = {}): Reply {
  return post({
    grant_type: 'authorization_code',
    client_id: app.clientId,
    client_secret: app.clientSecret,
    code,
    redirect_uri: app.callbackUrl,
    ...overrides,
  });
}

const BAD_CLIENT = recordedReply('token.bad-client');
const BAD_CODE = recordedReply('token.bogus-code');
const BAD_CODE_OLDER = recordedReply('token.bogus-code-older');
const REFRESH_EXPIRED = recordedReply('token.refresh-expired');
const REFRESH_UNKNOWN = recordedReply('token.refresh-unknown');

function refresh(refreshToken: string): Reply {
  return post({ grant_type: 'refresh_token', client_id: app.clientId, client_secret: app.clientSecret, refresh_token: refreshToken });
}

function tokens(reply: Reply): { access_token: string; refresh_token?: string; scope: string; expires_in: number } {
  expect(reply.status).toBe(200);
  return reply.json as { access_token: string; refresh_token?: string; scope: string; expires_in: number };
}

describe('authorization_code grant', () => {
  it('issues a one-hour access token with the granted scopes, and a refresh token only with offline_access', () => {
    const withOffline = tokens(exchangeCode(codeFor(['read:sprint:jira-software', 'offline_access'])));
    expect(withOffline).toMatchObject({ expires_in: 3600, scope: 'read:sprint:jira-software offline_access' });
    expect(withOffline.refresh_token).toBeDefined();

    const withoutOffline = tokens(exchangeCode(codeFor(['read:sprint:jira-software'])));
    expect(withoutOffline.refresh_token).toBeUndefined();
  });

  it('answers the recorded 401 access_denied for a wrong client id or secret', () => {
    expect(exchangeCode('whatever', { client_secret: 'demo-wrong' })).toEqual(BAD_CLIENT);
    expect(exchangeCode('whatever', { client_id: 'demo-unknown' })).toEqual(BAD_CLIENT);
    expect(BAD_CLIENT).toMatchObject({ status: 401, json: { error: 'access_denied', error_description: 'Unauthorized' } });
  });

  it('answers the recorded 400 invalid_request for an unknown, reused, expired or misdirected code', () => {
    expect(exchangeCode('demo-not-a-code')).toEqual(BAD_CODE);
    expect(BAD_CODE).toMatchObject({ status: 400, json: { error: 'invalid_request', error_description: 'authorization_code is invalid' } });

    const used = codeFor(['read:sprint:jira-software']);
    tokens(exchangeCode(used));
    expect(exchangeCode(used)).toEqual(BAD_CODE);

    const stale = codeFor(['read:epic:jira-software']);
    clock.advance(11 * 60 * 1000);
    expect(exchangeCode(stale)).toEqual(BAD_CODE);

    const elsewhere = codeFor(['read:project:jira'], 'https://elsewhere.example/callback');
    expect(exchangeCode(elsewhere)).toEqual(BAD_CODE);
  });

  it('answers the older reports’ 403 invalid_grant in the older-403 mode', () => {
    state.wire.tokenEndpoint = 'older-403';
    expect(exchangeCode('demo-not-a-code')).toEqual(BAD_CODE_OLDER);
    expect(BAD_CODE_OLDER).toMatchObject({ status: 403, json: { error: 'invalid_grant', error_description: 'Invalid authorization code' } });
    expect(exchangeCode('demo-not-a-code', { client_secret: 'demo-wrong' })).toEqual(BAD_CLIENT);
  });

  it('in the code-before-client mode refuses a bad code for the code whatever the secret, a good code with a bad secret for the client', () => {
    state.wire.tokenEndpoint = 'code-before-client';
    expect(exchangeCode('demo-not-a-code')).toEqual(BAD_CODE);
    expect(exchangeCode('demo-not-a-code', { client_secret: 'demo-wrong' })).toEqual(BAD_CODE);
    expect(exchangeCode('demo-not-a-code', { client_id: 'demo-unknown' })).toEqual(BAD_CODE);
    const good = codeFor(['read:sprint:jira-software']);
    expect(exchangeCode(good, { client_secret: 'demo-wrong' })).toEqual(BAD_CLIENT);
    tokens(exchangeCode(good));
  });

  it.each<TokenEndpointMode>(['current', 'older-403', 'code-before-client'])('issues tokens for a good code and client in the %s mode', (mode) => {
    state.wire.tokenEndpoint = mode;
    expect(tokens(exchangeCode(codeFor(['read:sprint:jira-software']))).scope).toBe('read:sprint:jira-software');
  });

  it('accepts a form-encoded body and rejects broken JSON and unknown grant types', () => {
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      code: 'x',
      redirect_uri: app.callbackUrl,
    });
    const reply = handleToken(
      state,
      exchangeOf({ method: 'POST', path: '/oauth/token', contentType: 'application/x-www-form-urlencoded', body: form.toString() }),
    );
    expect(reply).toEqual(BAD_CODE);
    expect(handleToken(state, exchangeOf({ method: 'POST', path: '/oauth/token', body: '{oops' })).status).toBe(400);
    expect(post({ grant_type: 'password' })).toMatchObject({ status: 400, json: { error: 'unsupported_grant_type' } });
  });
});

describe('refresh_token grant', () => {
  function firstTokens() {
    return tokens(exchangeCode(codeFor(['read:sprint:jira-software', 'offline_access'])));
  }

  it('rotates: a new refresh token each time, the old one retired', () => {
    const first = firstTokens();
    const second = tokens(refresh(first.refresh_token!));
    expect(second.refresh_token).toBeDefined();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.scope).toBe(first.scope);
    expect(state.liveAccessToken(second.access_token)).toBeDefined();
  });

  it('accepts a rotated refresh token again within the 10-minute leeway, without revoking anything', () => {
    const first = firstTokens();
    const second = tokens(refresh(first.refresh_token!));
    clock.advance(9 * 60 * 1000);
    const retried = tokens(refresh(first.refresh_token!));
    expect(retried.refresh_token).not.toBe(second.refresh_token);
    expect(state.liveAccessToken(second.access_token)).toBeDefined();
    expect(state.liveAccessToken(retried.access_token)).toBeDefined();
    // The leeway counts from the first rotation, not from the retry.
    clock.advance(2 * 60 * 1000);
    expect(refresh(first.refresh_token!)).toEqual(REFRESH_UNKNOWN);
  });

  it('revokes the whole family when a rotated refresh token is used again after the leeway', () => {
    const first = firstTokens();
    const second = tokens(refresh(first.refresh_token!));
    clock.advance(10 * 60 * 1000 + 1);
    expect(refresh(first.refresh_token!)).toEqual(REFRESH_UNKNOWN);
    expect(REFRESH_UNKNOWN).toMatchObject({ status: 403, json: { error: 'unauthorized_client', error_description: 'refresh_token is invalid' } });
    // The legitimate holder is cut off too: that is how a reused token breaks a vendor's connection.
    expect(refresh(second.refresh_token!)).toEqual(REFRESH_UNKNOWN);
    expect(state.liveAccessToken(first.access_token)).toBeUndefined();
    expect(state.liveAccessToken(second.access_token)).toBeUndefined();
  });

  it('expires after 90 idle days and after 365 days however often it was used', () => {
    const idle = firstTokens();
    clock.advanceDays(91);
    expect(refresh(idle.refresh_token!)).toEqual(REFRESH_EXPIRED);
    expect(REFRESH_EXPIRED).toMatchObject({ status: 403, json: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' } });

    let current = firstTokens().refresh_token!;
    for (let day = 0; day < 360; day += 60) {
      clock.advanceDays(60);
      current = tokens(refresh(current)).refresh_token!;
    }
    clock.advanceDays(10);
    expect(refresh(current)).toEqual(REFRESH_EXPIRED);
  });

  it('answers unauthorized_client for an unknown token or another app’s token, and access_denied for a wrong secret', () => {
    expect(refresh('demo-never-issued')).toEqual(REFRESH_UNKNOWN);
    const other = DEMO_OAUTH_APPS.oneconnect;
    const { refreshToken } = state.issueTokens({ clientId: other.clientId, accountId: ana, scopes: ['offline_access'] });
    expect(refresh(refreshToken!)).toEqual(REFRESH_UNKNOWN);
    const mine = firstTokens();
    expect(post({ grant_type: 'refresh_token', client_id: app.clientId, client_secret: 'demo-wrong', refresh_token: mine.refresh_token })).toEqual(BAD_CLIENT);
  });

  it('access tokens stop working after 3600 s', () => {
    const first = firstTokens();
    clock.advance(3599 * 1000);
    expect(state.liveAccessToken(first.access_token)).toBeDefined();
    clock.advance(1000);
    expect(state.liveAccessToken(first.access_token)).toBeUndefined();
  });
});
