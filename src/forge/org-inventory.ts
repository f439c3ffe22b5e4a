/**
 * The organization token inventory on the admin page: its settings (the org ID as config; the admin API key
 * as a Forge secret, and only when an admin opted in) and the join of the inventory with the token checks
 * people ran on the personal page.
 */
import type { InventoryToken, TokenInventoryReport } from '../core/checks/org-tokens';
import { secretEnding, secretHintOf } from '../core/secret-hint';
import type { OrgInventorySettings, OrgTokenRow, TokenCheckSummary } from './api';
import type { AppDeps } from './ports';
import { keys, secretKeys } from './storage/keys';

/** What the settings entity holds: never the key, only whether one is stored and its last four characters. */
interface StoredOrgSettings {
  orgId?: string;
  keyStored: boolean;
  keyEndsWith?: string;
  savedBy: string;
  savedAt: string;
}

export async function loadOrgSettings(deps: AppDeps): Promise<OrgInventorySettings> {
  const stored = await deps.store.get<StoredOrgSettings>(keys.orgInventorySettings);
  if (!stored) return { adminKey: { set: false } };
  return {
    ...(stored.orgId ? { orgId: stored.orgId } : {}),
    adminKey: secretHintOf(stored.keyStored, stored.keyEndsWith),
    savedBy: stored.savedBy,
    savedAt: stored.savedAt,
  };
}

/**
 * Saves the org ID, and the key as asked: `store` a new key, `keep` the stored one, or `remove` it. The
 * secret is written before the entity that says it exists, and removed before it, so the hint never claims
 * a key that is gone and a half-finished forget leaves no key nobody can see.
 */
export async function saveOrgSettings(
  deps: AppDeps,
  accountId: string,
  settings: { orgId?: string; key: { store: string } | 'keep' | 'remove' },
): Promise<OrgInventorySettings> {
  const previous = await deps.store.get<StoredOrgSettings>(keys.orgInventorySettings);
  if (settings.key === 'remove') await deps.secrets.deleteSecret(secretKeys.orgAdminKey);
  else if (settings.key !== 'keep') await deps.secrets.setSecret(secretKeys.orgAdminKey, settings.key.store);
  const keyStored = settings.key === 'keep' ? previous?.keyStored === true : settings.key !== 'remove';
  const keyEndsWith = typeof settings.key === 'object' ? secretEnding(settings.key.store, 4) : settings.key === 'keep' ? previous?.keyEndsWith : undefined;
  const orgId = settings.orgId ?? previous?.orgId;
  await deps.store.set<StoredOrgSettings>(keys.orgInventorySettings, {
    ...(orgId ? { orgId } : {}),
    keyStored,
    ...(keyStored && keyEndsWith ? { keyEndsWith } : {}),
    savedBy: accountId,
    savedAt: deps.clock.now().toISOString(),
  });
  return loadOrgSettings(deps);
}

export function loadOrgKey(deps: AppDeps): Promise<string | undefined> {
  return deps.secrets.getSecret(secretKeys.orgAdminKey);
}

interface InventoryJoin {
  rows: OrgTokenRow[];
  /** Absent when the inventory was not read whole: then nobody can be said to have no token in it. */
  checkedNotInInventory?: TokenCheckSummary[];
}

/**
 * Each inventory token with its owner's last personal-page check, matched on accountId (the inventory's
 * `user.id` is the Atlassian accountId), else on the email the token was checked with, case-insensitively.
 * People whose check matches no token are listed apart: their token may belong to an unmanaged account.
 */
export function joinInventoryWithChecks(report: Pick<TokenInventoryReport, 'tokens' | 'results'>, checks: readonly TokenCheckSummary[]): InventoryJoin {
  const byAccount = new Map(checks.map((check) => [check.accountId, check]));
  const byEmail = new Map<string, TokenCheckSummary>();
  // Newest first, so an email two people checked with points to the newer check.
  for (const check of [...checks].sort((a, b) => b.checkedAt.localeCompare(a.checkedAt))) {
    const email = check.email?.trim().toLowerCase();
    if (email && !byEmail.has(email)) byEmail.set(email, check);
  }
  const matched = new Set<string>();
  const rows = report.tokens.map((token): OrgTokenRow => {
    const match = matchOf(token, byAccount, byEmail);
    if (!match) return { token };
    matched.add(match.check.accountId);
    return { token, lastCheck: match.check, matchedBy: match.by };
  });
  const complete = report.results.some((result) => result.id === 'tokens.list' && result.status === 'pass');
  if (!complete) return { rows };
  return { rows, checkedNotInInventory: checks.filter((check) => !matched.has(check.accountId)) };
}

function matchOf(
  token: InventoryToken,
  byAccount: ReadonlyMap<string, TokenCheckSummary>,
  byEmail: ReadonlyMap<string, TokenCheckSummary>,
): { check: TokenCheckSummary; by: 'accountId' | 'email' } | undefined {
  const byId = token.user.id ? byAccount.get(token.user.id) : undefined;
  if (byId) return { check: byId, by: 'accountId' };
  const email = token.user.email?.trim().toLowerCase();
  const byMail = email ? byEmail.get(email) : undefined;
  return byMail ? { check: byMail, by: 'email' } : undefined;
}
