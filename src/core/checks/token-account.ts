/** Reading the `/myself` answers: whether the token works, and whose it is. */
import { isRecord, type Outcome } from '../atlassian';
import { API_TOKENS_PAGE } from '../atlassian/pages';
import { findOperation } from '../catalog';
import type { CheckResult, Evidence } from '../model';
import { MYSELF, type KindDecision } from './token-kind';

export function accountIdOf(outcome: Outcome): string | undefined {
  if (outcome.kind !== 'ok' || !isRecord(outcome.body)) return undefined;
  return typeof outcome.body.accountId === 'string' ? outcome.body.accountId : undefined;
}

/** Both `/myself` answers: kinds, statuses and failure categories, never a credential. */
function myselfEvidence(onSite: Outcome, onGateway: Outcome): Evidence {
  const evidence: Evidence = { site: onSite.kind, gateway: onGateway.kind, siteStatus: onSite.status ?? null, gatewayStatus: onGateway.status ?? null };
  if (onSite.kind !== 'ok' && onSite.failureCategory) evidence.siteFailureCategory = onSite.failureCategory;
  if (onGateway.kind !== 'ok' && onGateway.failureCategory) evidence.gatewayFailureCategory = onGateway.failureCategory;
  return evidence;
}

/** Whether the token works, and whose it is when someone checks their own. */
export function acceptedResults(
  decision: KindDecision,
  email: string,
  accountId: string | undefined,
  onSite: Outcome,
  onGateway: Outcome,
  expectedAccountId: string | undefined,
): CheckResult[] {
  const base = { id: 'token.accepted', evidence: myselfEvidence(onSite, onGateway) } satisfies Partial<CheckResult>;
  if (decision.kind === 'invalid') {
    return [
      {
        ...base,
        title: 'Token not accepted',
        status: 'fail',
        detail: `Neither ${MYSELF} on the site nor through the gateway accepted ${email} with this token: it is wrong, expired or revoked.`,
        fix: `Create a new API token at ${API_TOKENS_PAGE} while signed in as ${email}, and paste it into the integration.`,
        urls: [API_TOKENS_PAGE],
      },
    ];
  }
  if (decision.kind === 'unknown') {
    return [{ ...base, title: 'Token', status: 'unknown', detail: `Could not tell whether the token works: ${decision.because}.` }];
  }
  if (!accountId) return acceptedWithoutAccount(base, decision, email, onGateway, expectedAccountId);
  const accepted: CheckResult = {
    ...base,
    title: `Token accepted for ${email} (account ${accountId})`,
    status: 'pass',
    detail: 'Jira returned the account the token belongs to.',
  };
  if (!expectedAccountId || accountId === expectedAccountId) return [accepted];
  // The token works: whose it is is a separate finding, so history never reads this as a token refused.
  return [
    accepted,
    {
      id: 'token.owner',
      title: `This token belongs to someone else: ${email}`,
      status: 'fail',
      detail: `The token signs in as ${email} (account ${accountId}), not as you: an integration using it acts as that person.`,
      fix: `Sign in to ${API_TOKENS_PAGE} as yourself, create your own token and check that one.`,
      urls: [API_TOKENS_PAGE],
    },
  ];
}

/** Jira accepted the token without naming its account: valid, but whose it is stays unconfirmed. */
function acceptedWithoutAccount(
  base: Pick<CheckResult, 'id' | 'evidence'>,
  decision: KindDecision,
  email: string,
  onGateway: Outcome,
  expectedAccountId: string | undefined,
): CheckResult[] {
  const cannotReadAccount = decision.kind === 'scoped' && onGateway.kind === 'scope-mismatch';
  const accepted: CheckResult = cannotReadAccount
    ? {
        ...base,
        title: `Token valid for ${email}, but it cannot read its own account (it lacks read:jira-user or its granular equivalent)`,
        status: 'pass',
        detail: `The gateway refused ${MYSELF} only for a missing scope, which it says of credentials it authenticated: the token is valid, but reading its own account needs ${accountScopes()}.`,
      }
    : { ...base, title: `Token accepted for ${email}`, status: 'pass', detail: `Jira accepted the token, but its answer to ${MYSELF} named no account.` };
  if (!expectedAccountId) return [accepted];
  // Not checked is not passed: the person checking is told their ownership could not be confirmed.
  return [
    accepted,
    {
      id: 'token.owner',
      title: 'Could not confirm the token is yours',
      status: 'warn',
      detail: cannotReadAccount
        ? 'The token cannot read its own account, so it cannot be compared with yours.'
        : 'Jira named no account for the token, so it cannot be compared with yours.',
      fix: `Check that the token is listed at ${API_TOKENS_PAGE} while you are signed in; a token created with read:jira-user lets this check confirm it.`,
      urls: [API_TOKENS_PAGE],
    },
  ];
}

/** The scope sets `/myself` accepts, from the catalog: "read:jira-user, or a + b + c". */
function accountScopes(): string {
  return (findOperation('GET', MYSELF)?.scopeSets ?? []).map((set) => set.scopes.join(' + ')).join(', or ');
}
