/**
 * What expires when, read from what is stored: every person's token with an expiry date they entered, and
 * every connection whose consent test got a refresh token. Scope Doctor dropped that refresh token at once;
 * the dates say when a refresh token issued at that consent would lapse, which is when the integration's
 * own one, if it was authorized then, needs a new consent.
 */
import { byDate, readExpiry, refreshTokenExpiry, type Expiry, type ExpiringItem } from '../core/expiry';
import type { TokenCheckSummary } from './api';
import { loadStatus, type StoredConnection } from './connections';
import type { AppDeps } from './ports';
import { collect } from './storage/collect';
import { keys } from './storage/keys';

export function tokenExpiry(summary: TokenCheckSummary, now: Date): Expiry | undefined {
  const { expiresOn } = summary;
  return expiresOn ? readExpiry(expiresOn, now) : undefined;
}

/** The timeline, soonest first. */
export async function expiringItems(deps: AppDeps): Promise<ExpiringItem[]> {
  const now = deps.clock.now();
  const items: ExpiringItem[] = [];
  for (const summary of await collect<TokenCheckSummary>(deps.store, keys.tokenCheckPrefix)) {
    const expiry = tokenExpiry(summary, now);
    if (expiry) items.push({ kind: 'token', id: summary.accountId, name: summary.displayName, ...expiry });
  }
  for (const connection of await collect<StoredConnection>(deps.store, keys.connectionPrefix)) {
    const consent = (await loadStatus(deps.store, connection.id)).lastConsent;
    const refresh = consent && refreshTokenExpiry(consent, now);
    if (!refresh) continue;
    const { reconsentBy: _date, ...expiry } = refresh;
    items.push({ kind: 'refresh-token', id: connection.id, name: connection.name, ...expiry });
  }
  return items.sort(byDate);
}
