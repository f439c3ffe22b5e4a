/**
 * Jira Data Center (seed 002): an incoming application link on the customer's own Jira server, its OAuth 2.0
 * client, its one permission level, and personal access tokens. Reads only; stores nothing; never sends
 * anything to Atlassian's Cloud hosts.
 */
import { evidenceOf, getDataCenterMyself, isRecord, parseDataCenterBaseUrl, postDataCenterToken, type FailedOutcome, type Outcome } from '../atlassian';
import { InputError, makeReport, type CheckResult } from '../model';
import { systemClock, type CheckDeps } from '../ports';
import type { Profile } from '../profiles/types';
import { profileScopes } from '../profiles/token-scopes';
import {
  highestPermission,
  isDataCenterScope,
  parseScopeList,
  permissionRank,
  PERMISSION_LABELS,
  PERMISSION_MEANING,
  type DataCenterScope,
  type ScopeFinding,
} from '../scopes';
import { checkCallbackUrl } from './callback-url';
import { requireDataCenterProfile, requireLine, requireSecret } from './input';
import { INVALID_AUTHORIZATION_CODE } from './oauth-client';
import { scopeListResults } from './scope-list';
import type { DataCenterInput, DataCenterReport } from './types';
import { pluralise, sample } from '../text';

export const CLIENT_SECRET_ENV = 'SCOPE_DOCTOR_CLIENT_SECRET';
const APP_LINKS = 'Administration → Applications → Application links';
/**
 * Checks a Jira Data Center incoming application link and/or a personal access token on the server at
 * `baseUrl`. Only what is given is checked; the two requests go out at once.
 */
export async function checkDataCenter(deps: CheckDeps, input: DataCenterInput): Promise<DataCenterReport> {
  const baseUrl = parseDataCenterBaseUrl(input.baseUrl);
  const { profile } = input;
  requireDataCenterProfile(profile);
  const clientId = input.clientId?.trim() ? requireLine(input.clientId, 'clientId', 'Client ID') : undefined;
  const secret = input.clientSecret?.trim() ? requireSecret(input.clientSecret, 'clientSecret', 'Client secret') : undefined;
  const token = input.token?.trim() ? requireSecret(input.token, 'token', 'Personal access token') : undefined;
  const callbackUrl = input.callbackUrl?.trim() || undefined;
  const scopes = input.scopes?.trim() || undefined;
  if (!clientId && !token && !callbackUrl && !scopes) {
    throw new InputError('Nothing to check: give a client ID, a callback URL, the link permission (scopes) or a personal access token', 'baseUrl');
  }
  const vendor = profile?.vendor ?? 'the integration';

  const [credentials, tokenResult] = await Promise.all([
    clientId ? credentialsResult(deps, baseUrl, clientId, secret, callbackUrl) : undefined,
    token ? personalTokenResult(deps, baseUrl, token, vendor) : undefined,
  ]);
  const results: CheckResult[] = [];
  if (credentials) results.push(credentials);
  if (callbackUrl) results.push(callbackResult(callbackUrl, vendor));
  if (scopes) results.push(...permissionResults(scopes, profile));
  if (tokenResult) results.push(tokenResult);

  const report = makeReport(`Jira Data Center ${baseUrl}`, results, (deps.clock ?? systemClock).now());
  return { ...report, baseUrl };
}

/**
 * Exchanges a deliberately invalid code with the link's client ID and secret. Jira's OAuth 2.0 provider
 * answers with RFC 6749 error codes: `invalid_client` when the client did not authenticate, `invalid_grant`
 * once it did and only the code was refused.
 */
async function credentialsResult(
  deps: CheckDeps,
  baseUrl: string,
  clientId: string,
  secret: string | undefined,
  callbackUrl: string | undefined,
): Promise<CheckResult> {
  const base = { id: 'dc.credentials', title: 'Client ID and secret' } satisfies Partial<CheckResult>;
  const linkFix = `Copy the Client ID and Client secret again from ${APP_LINKS} → the incoming link (Edit → Credentials), and paste them into the integration.`;
  if (!secret) {
    return {
      ...base,
      status: 'unknown',
      detail: 'No client secret given, so the credentials were not checked.',
      fix: `Set ${CLIENT_SECRET_ENV} to the link's client secret (${APP_LINKS} → the incoming link) and run the check again.`,
    };
  }
  const outcome = await postDataCenterToken(deps, baseUrl, {
    grant_type: 'authorization_code',
    client_id: clientId,
    client_secret: secret,
    code: INVALID_AUTHORIZATION_CODE,
    redirect_uri: callbackUrl ?? 'https://localhost/scope-doctor',
  });
  return { ...base, ...readCredentialsOutcome(outcome, linkFix), evidence: evidenceOf(outcome) };
}

/** How the token endpoint's answer to an invalid code reads. Pure, so each rule is unit-tested. */
export function readCredentialsOutcome(outcome: Outcome, fix: string): Pick<CheckResult, 'status' | 'detail' | 'fix'> & { title?: string } {
  const code = outcome.kind === 'ok' ? undefined : outcome.errorCode;
  if ((outcome.status === 401 || outcome.status === 400) && code === 'invalid_client') {
    return { status: 'fail', title: 'Client ID or secret refused', detail: `Jira refused the client ID or secret (${outcome.status} invalid_client).`, fix };
  }
  if (outcome.status === 400 && code === 'invalid_grant') {
    return {
      status: 'pass',
      title: 'Client ID and secret accepted',
      detail:
        'Jira authenticated the client and refused only the test code (400 invalid_grant). Inferred from the RFC 6749 error codes Jira’s OAuth 2.0 provider follows.',
    };
  }
  if (outcome.kind === 'ok') {
    return { status: 'unknown', detail: 'Could not tell whether the credentials are right: the token endpoint accepted a code that should not exist.' };
  }
  if (outcome.kind === 'not-found') {
    return {
      status: 'unknown',
      detail: `Could not tell whether the credentials are right: ${outcome.request} answered 404, so this server has no OAuth 2.0 provider (it needs Jira 8.22 or later) or the base URL is wrong.`,
      fix: 'Check the base URL, context path included (Administration → System → General configuration → Base URL), and that Jira is 8.22 or later.',
    };
  }
  const said = code ? `; Jira said ${code}` : '';
  return { status: 'unknown', detail: `Could not tell whether the credentials are right: ${reasonOf(outcome)}${said}.` };
}

async function personalTokenResult(deps: CheckDeps, baseUrl: string, token: string, vendor: string): Promise<CheckResult> {
  const outcome = await getDataCenterMyself(deps, baseUrl, { bearer: token });
  return { id: 'dc.token', ...readTokenOutcome(outcome, vendor), evidence: evidenceOf(outcome) };
}

/** How `GET /rest/api/2/myself` with a Bearer PAT reads. Pure, so each rule is unit-tested. */
export function readTokenOutcome(outcome: Outcome, vendor: string): Pick<CheckResult, 'status' | 'detail' | 'fix' | 'title'> {
  if (outcome.kind === 'ok') {
    const user = isRecord(outcome.body) ? outcome.body : {};
    const name = typeof user.name === 'string' ? user.name : undefined;
    const displayName = typeof user.displayName === 'string' ? user.displayName : undefined;
    const who = name ?? displayName;
    return {
      status: 'pass',
      title: who ? `Token accepted for ${who}${displayName && displayName !== who ? ` (${displayName})` : ''}` : 'Token accepted',
      detail: 'Jira returned the user the personal access token belongs to; the integration acts with that user’s permissions.',
    };
  }
  const title = 'Personal access token';
  if (outcome.kind === 'invalid-credentials') {
    return {
      status: 'fail',
      title: 'Personal access token not accepted',
      detail: `Jira refused the token (401 on ${outcome.request}): it is wrong, expired or revoked.`,
      fix: `Sign in to Jira as the integration's user, create a new token in Profile → Personal Access Tokens, and paste it into ${vendor}.`,
    };
  }
  if (outcome.status === 403 && outcome.authDeniedReason) {
    return {
      status: 'unknown',
      title,
      detail: `Jira did not try the token (403, ${outcome.authDeniedReason}): after too many failed logins it wants a CAPTCHA answered first, and until then it refuses this user's requests.`,
      fix: 'Sign in to Jira in a browser as that user and answer the CAPTCHA (or have an admin reset the failed login count), then check again.',
    };
  }
  if (outcome.kind === 'not-found') {
    return {
      status: 'unknown',
      title,
      detail: `Could not tell whether the token works: ${outcome.request} answered 404, so the base URL does not point at Jira.`,
      fix: 'Check the base URL, context path included (Administration → System → General configuration → Base URL).',
    };
  }
  if (outcome.kind === 'malformed') {
    return {
      status: 'unknown',
      title,
      detail: `Could not tell whether the token works: ${outcome.request} answered a page that is not JSON (a login page of a single sign-on proxy?).`,
    };
  }
  return { status: 'unknown', title, detail: `Could not tell whether the token works: ${reasonOf(outcome)}.` };
}

function reasonOf(outcome: FailedOutcome): string {
  if (outcome.kind === 'server-error') return `${outcome.request} failed on the Jira server (${outcome.status ?? 'no status'}); try again later`;
  return outcome.reason;
}

function callbackResult(callbackUrl: string, vendor: string): CheckResult {
  const shape = checkCallbackUrl(callbackUrl, undefined);
  const mustMatch = `Jira keeps no list to compare it with: it must equal the Redirect URL of the incoming application link character for character (${vendor} shows its callback URL per account).`;
  const fix = `Copy the callback URL from ${vendor} again and paste it as the Redirect URL in ${APP_LINKS} → the incoming link → Edit.`;
  const base = { id: 'dc.callback-url', title: 'Callback URL' } satisfies Partial<CheckResult>;
  if (shape.status !== 'pass') return { ...base, status: shape.status, detail: shape.detail, fix };
  const { pathname } = new URL(callbackUrl);
  if (pathname.endsWith('/') && pathname !== '/') {
    return {
      ...base,
      status: 'warn',
      detail: `${callbackUrl} ends with a slash. ${mustMatch}`,
      fix: `Make sure the link's Redirect URL ends with the same slash. ${fix}`,
    };
  }
  return { ...base, status: 'pass', detail: `${callbackUrl} is a well-formed https URL. ${mustMatch}` };
}

/** Lint findings that are about Jira Cloud lists only. */
const CLOUD_ONLY_PROBLEMS = new Set<ScopeFinding['problem']>(['offline-access-missing', 'mixed-kinds', 'empty']);

/**
 * A Data Center link has one permission: READ < WRITE < ADMIN < SYSTEM_ADMIN, each including the ones
 * below. Cloud scope strings mean nothing to it.
 */
export function permissionResults(text: string, profile: Profile | undefined): CheckResult[] {
  const parsed = parseScopeList(text, { dataCenter: true });
  const problems = parsed.findings.filter((f) => f.severity !== 'info' && !CLOUD_ONLY_PROBLEMS.has(f.problem));
  const results: CheckResult[] = problems.length ? scopeListResults('dc.scopes', parsed.scopes, problems) : [];
  const granted = highestPermission(parsed.scopes.filter(isDataCenterScope));
  const cloud = parsed.scopes.filter((scope) => !isDataCenterScope(scope));
  // The highest permission the profile names, in its vendor list or a capability.
  const required = profile ? highestPermission(profileScopes(profile).filter(isDataCenterScope)) : undefined;
  const vendor = profile?.vendor ?? 'the integration';
  const setPermission = (scope: DataCenterScope) =>
    `Edit the application link → Permission → ${PERMISSION_LABELS[scope]} (${APP_LINKS}), save, then authorize ${vendor} again.`;

  if (cloud.length) {
    results.push({
      id: 'dc.scopes.cloud',
      title: `${pluralise(cloud.length, 'Jira Cloud scope')} in a Data Center list`,
      status: granted ? 'warn' : 'fail',
      detail: `${sample(cloud)} ${cloud.length === 1 ? 'is a Jira Cloud scope' : 'are Jira Cloud scopes'}: a Data Center application link has none of them, only one permission (READ, WRITE, ADMIN or SYSTEM_ADMIN).`,
      fix: required
        ? setPermission(required)
        : 'Use the permission of the incoming application link (READ, WRITE, ADMIN or SYSTEM_ADMIN) instead of Cloud scopes.',
      evidence: { cloudScopes: cloud },
    });
  }
  if (!granted) {
    if (required || !results.length) {
      results.push({
        id: 'dc.permission',
        title: 'No Data Center permission in the list',
        status: 'fail',
        detail: `The list names none of READ, WRITE, ADMIN or SYSTEM_ADMIN${required ? `; ${vendor} needs ${required}` : ''}.`,
        fix: required ? setPermission(required) : 'Give the Permission set on the incoming application link, e.g. ADMIN.',
      });
    }
    return results;
  }
  const meaning = `${granted} (${PERMISSION_LABELS[granted]}): ${PERMISSION_MEANING[granted]}; the user's own Jira permissions still apply.`;
  const evidence = { permission: granted, ...(required ? { required } : {}) };
  if (!required) {
    results.push({ id: 'dc.permission', title: `Permission ${granted}`, status: 'pass', detail: meaning, evidence });
  } else if (permissionRank(granted) < permissionRank(required)) {
    results.push({
      id: 'dc.permission',
      title: `Permission ${granted}, but ${vendor} needs ${required}`,
      status: 'fail',
      detail: `${meaning} ${vendor} needs ${required} (${PERMISSION_LABELS[required]}).`,
      fix: setPermission(required),
      evidence,
    });
  } else if (permissionRank(granted) > permissionRank(required)) {
    results.push({
      id: 'dc.permission',
      title: `Permission ${granted} is more than ${vendor} needs (${required})`,
      status: 'warn',
      detail: `${meaning} ${vendor} needs only ${required}.`,
      fix: `For least privilege: ${setPermission(required)}`,
      evidence,
    });
  } else {
    results.push({ id: 'dc.permission', title: `Permission ${granted}, as ${vendor} needs`, status: 'pass', detail: meaning, evidence });
  }
  return results;
}
