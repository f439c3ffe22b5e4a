/**
 * What changed between two checks of one integration or token: the verdict, the scopes seen, a secret or
 * token that stopped being accepted. Pure: the app keeps the points, this only compares them.
 */
import type { Status } from '../model';

/** One check as history keeps it: never a secret, only what was learnt. */
export interface HistoryPoint {
  checkedAt: string;
  verdict: Status;
  /** Scopes seen: the consented grant, else the pasted list; absent when the check saw none. */
  scopes?: string[];
  /** Where `scopes` came from (a consented grant, a pasted list, probes): only scopes of one source compare. */
  scopesFrom?: string;
  /** Scopes the coverage called excess (safe to remove). */
  excess?: string[];
  /** Whether the credential (client secret, API token) was accepted: absent when the check could not tell. */
  accepted?: boolean;
}

export type Change =
  | { kind: 'verdict'; from: Status; to: Status }
  | { kind: 'scope-removed'; scopes: string[] }
  | { kind: 'scope-added'; scopes: string[] }
  | { kind: 'new-excess'; scopes: string[] }
  | { kind: 'credential-refused' };

export interface ChangeRecord {
  at: string;
  changes: Change[];
}

/**
 * The changes from `before` to `after`. An `unknown` verdict says nothing happened: it is not a change, and
 * the next real verdict is compared with the last real one (the caller passes that as `before`).
 */
export function changesBetween(before: HistoryPoint | undefined, after: HistoryPoint): Change[] {
  if (!before || after.verdict === 'unknown') return [];
  const changes: Change[] = [];
  if (before.verdict !== after.verdict) changes.push({ kind: 'verdict', from: before.verdict, to: after.verdict });
  if (before.scopes && after.scopes && before.scopesFrom === after.scopesFrom) {
    const removed = difference(before.scopes, after.scopes);
    const added = difference(after.scopes, before.scopes);
    if (removed.length > 0) changes.push({ kind: 'scope-removed', scopes: removed });
    if (added.length > 0) changes.push({ kind: 'scope-added', scopes: added });
  }
  const newExcess = difference(after.excess ?? [], before.excess ?? []);
  if (newExcess.length > 0) changes.push({ kind: 'new-excess', scopes: newExcess });
  if (before.accepted === true && after.accepted === false) changes.push({ kind: 'credential-refused' });
  return changes;
}

/** The newest point whose verdict is not `unknown`: what a new check is compared with. */
export function lastKnown(history: readonly HistoryPoint[]): HistoryPoint | undefined {
  return history.find((point) => point.verdict !== 'unknown');
}

/** What a refused credential is called: an OAuth app's client secret or a person's API token. */
export type Credential = 'secret' | 'token';

/** One line per change, for the report, the CLI and exports. */
export function describeChange(change: Change, credential: Credential = 'secret'): string {
  switch (change.kind) {
    case 'verdict':
      return `verdict ${change.from} → ${change.to}`;
    case 'scope-removed':
      return `scope removed: ${change.scopes.join(', ')}`;
    case 'scope-added':
      return `scope added: ${change.scopes.join(', ')}`;
    case 'new-excess':
      return `new excess scope: ${change.scopes.join(', ')}`;
    case 'credential-refused':
      return `${credential} no longer accepted`;
  }
}

/** A change record's changes on one line, as rows and reports show them. */
export function describeChanges(changes: readonly Change[], credential: Credential = 'secret'): string {
  return changes.map((change) => describeChange(change, credential)).join(' · ');
}

function difference(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return [...new Set(a)].filter((scope) => !other.has(scope)).sort();
}
