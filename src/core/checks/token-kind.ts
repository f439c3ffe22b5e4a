/** Telling a classic API token from a scoped one by how the site and the gateway answer `/myself`. */
import { AUTH_MISMATCH_FAILURE, isInconclusive, type Outcome } from '../atlassian';
import type { TokenKindDetected } from './types';

export const MYSELF = '/rest/api/3/myself';

/** What the two `/myself` answers prove about a token, and why, in words a person reads. */
export interface KindDecision {
  kind: TokenKindDetected;
  because: string;
}

/**
 * Decides the kind only from what is known: a working classic token is accepted on the site URL, and a
 * scoped token is refused there but recognised by the gateway (a scope refusal is recognition too).
 * Whether the gateway takes classic tokens is not known, so a gateway answer never makes a token classic,
 * and a site answer other than 200 or 401 leaves the kind open.
 */
export function kindOf(onSite: Outcome, onGateway: Outcome): KindDecision {
  if (onSite.kind === 'ok') return { kind: 'classic', because: `the site accepted it on ${MYSELF}` };
  if (isInconclusive(onSite)) return { kind: 'unknown', because: onSite.reason };
  if (onSite.kind !== 'invalid-credentials' && onSite.kind !== 'scope-mismatch') {
    return { kind: 'unknown', because: `the site answered ${answer(onSite)} to ${MYSELF}, which proves neither kind` };
  }
  if (onGateway.kind === 'ok') return { kind: 'scoped', because: 'the site refused it and the gateway accepted it' };
  if (onGateway.kind === 'scope-mismatch') {
    return {
      kind: 'scoped',
      because: 'the site refused it and the gateway refused it only for a missing scope, which it says of credentials it authenticated',
    };
  }
  if (isInconclusive(onGateway)) return { kind: 'unknown', because: onGateway.reason };
  if (onGateway.kind !== 'invalid-credentials') {
    return { kind: 'unknown', because: `the gateway answered ${answer(onGateway)} to ${MYSELF}, which proves neither kind` };
  }
  if (onSite.kind === 'scope-mismatch') {
    return { kind: 'unknown', because: 'the site refused it for a missing scope while the gateway refused the credentials themselves' };
  }
  if (onGateway.failureCategory && onGateway.failureCategory !== AUTH_MISMATCH_FAILURE) {
    return { kind: 'unknown', because: `the gateway refused it with a failure category Scope Doctor does not know (${onGateway.failureCategory})` };
  }
  return { kind: 'invalid', because: 'the site and the gateway both refused the credentials' };
}

function answer(outcome: Outcome): string {
  return outcome.status === undefined ? outcome.kind : `${outcome.status} (${outcome.kind})`;
}
