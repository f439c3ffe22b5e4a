import { isRecord, parseBody, stringField, type Exchange, type Reply } from './http';
import { ACCESS_TOKEN_LIFETIME_S, type AccessToken, type EmulatorState, type RefreshToken } from './state';

const DAY_MS = 24 * 60 * 60 * 1000;
const CODE_LIFETIME_MS = 10 * 60 * 1000;
const REFRESH_IDLE_MS = 90 * DAY_MS;
const REFRESH_ABSOLUTE_MS = 365 * DAY_MS;

/** The error bodies Atlassian's token endpoint sends, word for word. */
export const TOKEN_ERRORS = {
  badClient: { status: 401, json: { error: 'access_denied', error_description: 'Unauthorized' } },
  badCode: { status: 403, json: { error: 'invalid_grant', error_description: 'Invalid authorization code' } },
  expiredRefresh: { status: 403, json: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' } },
  unknownRefresh: { status: 403, json: { error: 'unauthorized_client', error_description: 'refresh_token is invalid' } },
} as const satisfies Record<string, Reply>;

/** `POST /oauth/token`: authorization_code and refresh_token grants. */
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
  const app = state.oauthApps.get(stringField(body, 'client_id') ?? '');
  if (!app || app.clientSecret !== stringField(body, 'client_secret')) return TOKEN_ERRORS.badClient;
  return grantType === 'authorization_code'
    ? exchangeCode(state, app.clientId, stringField(body, 'code'), stringField(body, 'redirect_uri'))
    : refresh(state, app.clientId, stringField(body, 'refresh_token'));
}

function exchangeCode(state: EmulatorState, clientId: string, code: string | undefined, redirectUri: string | undefined): Reply {
  const grant = code === undefined ? undefined : state.authorizationCodes.get(code);
  const now = state.clock.now().getTime();
  if (
    !grant ||
    grant.used ||
    grant.clientId !== clientId ||
    grant.redirectUri !== redirectUri ||
    now - grant.issuedAt.getTime() > CODE_LIFETIME_MS
  ) {
    return TOKEN_ERRORS.badCode;
  }
  grant.used = true;
  const { access, refresh } = state.grantTokens(grant);
  return tokenReply(access, refresh?.token);
}

/**
 * Refresh tokens rotate: each use returns a new one and retires the old. Presenting a retired one again
 * means it leaked, so the whole family (every token of that consent) is revoked.
 */
function refresh(state: EmulatorState, clientId: string, token: string | undefined): Reply {
  const current = token === undefined ? undefined : state.refreshTokens.get(token);
  if (!current || current.clientId !== clientId || current.status === 'revoked') return TOKEN_ERRORS.unknownRefresh;
  if (current.status === 'rotated') {
    state.revokeFamily(current.familyId);
    return TOKEN_ERRORS.unknownRefresh;
  }
  if (isExpired(current, state.clock.now().getTime())) return TOKEN_ERRORS.expiredRefresh;
  current.status = 'rotated';
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
