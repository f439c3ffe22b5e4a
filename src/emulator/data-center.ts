/**
 * The emulated Jira Data Center server under `/dc` (seed 002): the OAuth 2.0 provider's token endpoint,
 * which answers with RFC 6749 error codes, and `myself` for personal access tokens. Small on purpose: no
 * consent flow, so no authorization code is ever valid here.
 */
import { isRecord, parseBody, stringField, type Exchange, type Reply } from './http';
import type { EmulatorState } from './state';

export const DC_ERRORS = {
  badClient: { status: 401, json: { error: 'invalid_client', error_description: 'Client authentication failed.' } },
  badCode: { status: 400, json: { error: 'invalid_grant', error_description: 'The authorization code is invalid or expired.' } },
  notAuthenticated: {
    status: 401,
    json: { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} },
  },
} as const satisfies Record<string, Reply>;

export function dataCenterRoute(state: EmulatorState, exchange: Exchange, baseUrl: string): Reply {
  const key = `${exchange.method} ${exchange.path}`;
  if (key === 'POST /rest/oauth2/latest/token') return token(state, exchange);
  if (key === 'GET /rest/api/2/myself') return myself(state, exchange, baseUrl);
  return { status: 404, json: { errorMessages: ['No such resource on this Jira Data Center server.'] } };
}

function token(state: EmulatorState, exchange: Exchange): Reply {
  const parsed = parseBody(exchange);
  if (!parsed.ok || !isRecord(parsed.value)) return { status: 400, json: { error: 'invalid_request', error_description: 'Malformed request.' } };
  const body = parsed.value;
  const grantType = stringField(body, 'grant_type');
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return { status: 400, json: { error: 'unsupported_grant_type', error_description: 'Unsupported grant type.' } };
  }
  const link = state.dcLinks.get(stringField(body, 'client_id') ?? '');
  if (!link || link.clientSecret !== stringField(body, 'client_secret')) return DC_ERRORS.badClient;
  return DC_ERRORS.badCode;
}

function myself(state: EmulatorState, exchange: Exchange, baseUrl: string): Reply {
  const { credentials } = exchange;
  const pat = credentials.kind === 'bearer' ? state.dcTokens.get(credentials.token) : undefined;
  if (!pat || (pat.expiresAt && pat.expiresAt.getTime() <= state.clock.now().getTime())) return DC_ERRORS.notAuthenticated;
  const { user } = pat;
  return {
    status: 200,
    json: {
      self: `${baseUrl}/rest/api/2/user?username=${encodeURIComponent(user.name)}`,
      key: user.key,
      name: user.name,
      emailAddress: user.emailAddress,
      displayName: user.displayName,
      active: true,
      timeZone: 'Europe/Berlin',
      locale: 'en_UK',
    },
  };
}
