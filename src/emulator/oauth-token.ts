import { isRecord, parseBody, stringField, type Exchange, type Reply } from './http';
import { recordedReply } from './recorded';
import { ACCESS_TOKEN_LIFETIME_S, type AccessToken, type AuthorizationCode, type EmulatorState, type RefreshToken } from './state';

const DAY_MS = 24 * 60 * 60 * 1000;
const CODE_LIFETIME_MS = 10 * 60 * 1000;
/** A rotated refresh token still works this long after its rotation, for clients that missed the reply. */
const REUSE_LEEWAY_MS = 10 * 60 * 1000;
const REFRESH_IDLE_MS = 90 * DAY_MS;
const REFRESH_ABSOLUTE_MS = 365 * DAY_MS;

/** `POST /oauth/token`: authorization_code and refresh_token grants, refusals as recorded from Atlassian. */
export function handleToken(state: EmulatorState, exchange: Exchange): Reply {
  const parsed = parseBody(exchange);
  if (!parsed.ok || !isRecord(parsed.value)) {
    return { status: 400, json: { error: 'invalid_request', error_description: 'The request body is not valid JSON.' } };
  }
  const body = parsed.value;
  const grantType = stringField(body, 'grant_type');
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return { status: 400, json: { error: 'unsupported_grant_type', error_description: 'Unsupported grant type.' } };
  }
  const clientId = stringField(body, 'client_id') ?? '';
  const app = state.oauthApps.get(clientId);
  const clientOk = app !== undefined && app.clientSecret === stringField(body, 'client_secret');
  if (grantType === 'refresh_token') {
    return clientOk ? refresh(state, clientId, stringField(body, 'refresh_token')) : recordedReply('token.bad-client');
  }
  const code = stringField(body, 'code');
  const redirectUri = stringField(body, 'redirect_uri');
  if (state.wire.tokenEndpoint === 'code-before-client') {
    // The code is judged first, so a bad code hides whether the client authenticated.
    const grant = usableGrant(state, clientId, code, redirectUri);
    if (!grant) return badCode(state);
    return clientOk ? exchangeGrant(state, grant) : recordedReply('token.bad-client');
  }
  if (!clientOk) return recordedReply('token.bad-client');
  const grant = usableGrant(state, clientId, code, redirectUri);
  return grant ? exchangeGrant(state, grant) : badCode(state);
}

function badCode(state: EmulatorState): Reply {
  return recordedReply(state.wire.tokenEndpoint === 'older-403' ? 'token.bogus-code-older' : 'token.bogus-code');
}

/** The code's grant if it is known, unused, fresh, and was issued to this client for this redirect URI. */
function usableGrant(state: EmulatorState, clientId: string, code: string | undefined, redirectUri: string | undefined): AuthorizationCode | undefined {
  const grant = code === undefined ? undefined : state.authorizationCodes.get(code);
  const now = state.clock.now().getTime();
  if (!grant || grant.used || grant.clientId !== clientId || grant.redirectUri !== redirectUri) return undefined;
  return now - grant.issuedAt.getTime() > CODE_LIFETIME_MS ? undefined : grant;
}

function exchangeGrant(state: EmulatorState, grant: AuthorizationCode): Reply {
  grant.used = true;
  const { access, refresh } = state.grantTokens(grant);
  return tokenReply(access, refresh?.token);
}

/**
 * Refresh tokens rotate: each use returns a new one and retires the old. A retired one presented again
 * within the leeway still works (the client may have missed the reply); after it, the token has leaked, so
 * the whole family (every token of that consent) is revoked.
 */
function refresh(state: EmulatorState, clientId: string, token: string | undefined): Reply {
  const current = token === undefined ? undefined : state.refreshTokens.get(token);
  if (!current || current.clientId !== clientId || current.status === 'revoked') return recordedReply('token.refresh-unknown');
  const now = state.clock.now().getTime();
  if (current.status === 'rotated' && now - (current.rotatedAt?.getTime() ?? 0) > REUSE_LEEWAY_MS) {
    state.revokeFamily(current.familyId);
    return recordedReply('token.refresh-unknown');
  }
  if (isExpired(current, now)) return recordedReply('token.refresh-expired');
  if (current.status === 'active') {
    current.status = 'rotated';
    current.rotatedAt = state.clock.now();
  }
  const { accountId, scopes, familyId, familyStartedAt } = current;
  const access = state.addAccessToken({ clientId, accountId, scopes, familyId });
  const next = state.addRefreshToken({ clientId, accountId, scopes, familyId, familyStartedAt });
  return tokenReply(access, next.token);
}

function isExpired(token: RefreshToken, now: number): boolean {
  return now - token.issuedAt.getTime() > REFRESH_IDLE_MS || now - token.familyStartedAt.getTime() > REFRESH_ABSOLUTE_MS;
}

function tokenReply(access: AccessToken, refreshToken: string | undefined): Reply {
  return {
    status: 200,
    json: {
      access_token: access.token,
      expires_in: ACCESS_TOKEN_LIFETIME_S,
      token_type: 'Bearer',
      scope: access.scopes.join(' '),
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    },
  };
}
