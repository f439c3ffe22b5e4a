/**
 * How a connection is stored: settings (versioned, edited by admins) and status (written by checks) under
 * separate keys, the client secret in secret storage. Views for the UI are assembled here.
 */
import type { ConsentReport, OAuthClientReport } from '../core/checks/types';
import { changesBetween, lastKnown, type ChangeRecord } from '../core/history';
import { secretHintOf } from '../core/secret-hint';
import type { ConnectionInput, ConnectionView, SecretHint, VerdictPoint } from './api';
import type { AppDeps, Store } from './ports';
import { notFound } from './resolvers/errors';
import { keys, secretKeys } from './storage/keys';

/** Checks kept per connection, and change records: about three months of daily re-checks. */
export const HISTORY_LIMIT = 90;
/** A delete mark only has to outlive the saves and checks in flight when it was set. */
const DELETED_MARK_TTL_SECONDS = 24 * 60 * 60;

export interface StoredConnection extends Omit<ConnectionInput, 'clientSecret'> {
  id: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
  /** A client secret is stored. Connections saved before this field say so by `secretEndsWith` alone. */
  secretSet?: boolean;
  /** Last four characters of the client secret, for "set · ends in …1a2b"; absent when none is stored or it is short. */
  secretEndsWith?: string;
}

export interface ConnectionStatus {
  lastReport?: OAuthClientReport;
  lastConsent?: ConsentReport;
  history: VerdictPoint[];
  /** Absent in statuses stored before changes were recorded. */
  changes?: ChangeRecord[];
}

export async function loadConnection(store: Store, id: string): Promise<StoredConnection> {
  const connection = await store.get<StoredConnection>(keys.connection(id));
  if (!connection) throw notFound(`No connection with id "${id}": it may have been deleted. Reload the page.`);
  return connection;
}

export async function loadStatus(store: Store, id: string): Promise<ConnectionStatus> {
  return (await store.get<ConnectionStatus>(keys.connectionStatus(id))) ?? { history: [] };
}

export async function loadClientSecret(deps: AppDeps, id: string): Promise<string | undefined> {
  return deps.secrets.getSecret(secretKeys.clientSecret(id));
}

export function secretHint(connection: StoredConnection): SecretHint {
  return secretHintOf(connection.secretSet === true || connection.secretEndsWith !== undefined, connection.secretEndsWith);
}

export function toView(connection: StoredConnection, status: ConnectionStatus): ConnectionView {
  const { secretEndsWith: _hint, secretSet: _set, ...settings } = connection;
  return {
    ...settings,
    clientSecret: secretHint(connection),
    ...(status.lastReport ? { lastReport: status.lastReport } : {}),
    ...(status.lastConsent ? { lastConsent: status.lastConsent } : {}),
    history: status.history,
    changes: status.changes ?? [],
  };
}

export async function viewOf(store: Store, connection: StoredConnection): Promise<ConnectionView> {
  return toView(connection, await loadStatus(store, connection.id));
}

/**
 * Deletes a connection so that no save or check in flight can bring any of it back: the mark goes first, and
 * whatever writes after it re-reads the mark and undoes its own write (see saveConnection and recordReport).
 */
export async function deleteConnectionData(deps: AppDeps, id: string): Promise<void> {
  await deps.store.set(keys.connectionDeleted(id), true, { ttlSeconds: DELETED_MARK_TTL_SECONDS });
  await eraseConnection(deps, id);
}

export async function isDeleted(store: Store, id: string): Promise<boolean> {
  return (await store.get(keys.connectionDeleted(id))) !== undefined;
}

export async function eraseConnection(deps: AppDeps, id: string): Promise<void> {
  // The secret goes first: a half-finished delete must not leave a secret nobody can see or remove.
  await deps.secrets.deleteSecret(secretKeys.clientSecret(id));
  await deps.store.delete(keys.connectionStatus(id));
  await deps.store.delete(keys.connection(id));
}

/** What history keeps of a client check: the verdict, the scopes it judged, whether the secret was accepted. */
function checkPoint(report: OAuthClientReport): VerdictPoint {
  const source = report.scopeSource;
  const scopes = source?.granted ?? (source && source.pasted.length > 0 ? source.pasted : undefined);
  const credentials = report.results.find((result) => result.id === 'oauth.credentials')?.status;
  return {
    checkedAt: report.checkedAt,
    verdict: report.verdict,
    check: true,
    ...(scopes && source ? { scopes: [...scopes].sort(), scopesFrom: source.granted ? 'consent' : 'pasted' } : {}),
    ...(report.coverage ? { excess: report.coverage.excess } : {}),
    ...(credentials === 'pass' ? { accepted: true } : credentials === 'fail' ? { accepted: false } : {}),
  };
}

/** Records a check's outcome: the report and one point of history, newest first. */
export async function recordReport(store: Store, id: string, update: { lastReport: OAuthClientReport } | { lastConsent: ConsentReport }): Promise<void> {
  const status = await loadStatus(store, id);
  const point: VerdictPoint =
    'lastReport' in update ? checkPoint(update.lastReport) : { checkedAt: update.lastConsent.checkedAt, verdict: update.lastConsent.verdict };
  const changes = point.check ? changesBetween(lastKnown(status.history.filter((p) => p.check)), point) : [];
  const records = changes.length > 0 ? [{ at: point.checkedAt, changes }, ...(status.changes ?? [])] : (status.changes ?? []);
  await store.set<ConnectionStatus>(keys.connectionStatus(id), {
    ...status,
    ...update,
    history: [point, ...status.history].slice(0, HISTORY_LIMIT),
    changes: records.slice(0, HISTORY_LIMIT),
  });
  // Deleted while the check ran: the delete may have removed the status before this write.
  if (await isDeleted(store, id)) await store.delete(keys.connectionStatus(id));
}
