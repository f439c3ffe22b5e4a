/**
 * A person's token check: run it, keep a summary (never the token), and keep the token itself only when
 * they opted in to periodic re-checks. "Forget my token" wins over any check in flight: it changes the
 * person's generation first, and a check writes only while the generation is the one it started under.
 */
import { randomUUID } from 'node:crypto';
import type { TokenReport } from '../core/checks/types';
import { changesBetween, lastKnown, type ChangeRecord, type HistoryPoint } from '../core/history';
import { decidingResult } from '../core/model';
import type { TokenCheckSummary } from './api';
import { checkToken } from './core';
import type { AppDeps } from './ports';
import { findAppProfile } from './profiles';
import { keys, secretKeys } from './storage/keys';

export interface TokenCheckRequest {
  accountId: string;
  displayName: string;
  email: string;
  token: string;
  profileId: string;
  expiresOn?: string;
  recheck: boolean;
  site: string;
  cloudId?: string;
}

/** What is kept for re-checks, as one secret: the email alone says little, but it travels with the token. */
interface StoredCredentials {
  email: string;
  token: string;
}

/** Absent until the person first asks to forget; any change since a check started means they did. */
type Generation = string | undefined;

function generationOf(accountId: string, deps: AppDeps): Promise<Generation> {
  return deps.store.get<string>(keys.tokenGeneration(accountId));
}

/** Asked after a check and before it is stored: false keeps nothing (a re-check that hit a rate limit). */
export type KeepResult = () => boolean;
const always: KeepResult = () => true;

export async function runTokenCheck(request: TokenCheckRequest, deps: AppDeps): Promise<TokenReport> {
  return checkAndKeep(request, deps, await generationOf(request.accountId, deps), always);
}

async function checkAndKeep(request: TokenCheckRequest, deps: AppDeps, generation: Generation, keep: KeepResult): Promise<TokenReport> {
  const forgotten = async () => (await generationOf(request.accountId, deps)) !== generation;
  const report = await checkToken(deps.checkDeps, {
    site: request.site,
    email: request.email,
    token: request.token,
    profile: await findAppProfile(deps.store, request.profileId),
    ...(request.cloudId ? { cloudId: request.cloudId } : {}),
    expectedAccountId: request.accountId,
    ...(request.expiresOn ? { expiresOn: request.expiresOn } : {}),
  });
  // Forgotten while the check ran: keep nothing; the person still sees this one result.
  if (!keep() || (await forgotten())) return report;
  const secretKey = secretKeys.userToken(request.accountId);
  if (request.recheck) {
    const credentials: StoredCredentials = { email: request.email, token: request.token };
    await deps.secrets.setSecret(secretKey, JSON.stringify(credentials));
  } else {
    await deps.secrets.deleteSecret(secretKey);
  }
  const history = await recordHistory(request.accountId, report, deps);
  await deps.store.set(keys.tokenCheck(request.accountId), summarize(request, report, history));
  await deps.store.set(keys.tokenReport(request.accountId), report);
  // Forgotten while these writes ran: the forget's deletes may have come before some of them.
  if (await forgotten()) await erase(request.accountId, deps);
  return report;
}

/** A person's last checks, newest first, and what changed between them; never the token. */
export interface TokenHistory {
  history: HistoryPoint[];
  changes: ChangeRecord[];
}

/** Checks and change records kept per person: about three months of daily re-checks. */
export const TOKEN_HISTORY_LIMIT = 90;
/** Verdicts the summary carries for the Tokens tab's strip: enough to see a trend, light enough to list everyone. */
export const TOKEN_STRIP_LENGTH = 20;

/** Adds this check to the person's history; returns the history as now stored. */
async function recordHistory(accountId: string, report: TokenReport, deps: AppDeps): Promise<TokenHistory> {
  const past = (await deps.store.get<TokenHistory>(keys.tokenHistory(accountId))) ?? { history: [], changes: [] };
  const point = tokenPoint(report);
  const changes = changesBetween(lastKnown(past.history), point);
  const records = changes.length > 0 ? [{ at: point.checkedAt, changes }, ...past.changes] : past.changes;
  const history: TokenHistory = {
    history: [point, ...past.history].slice(0, TOKEN_HISTORY_LIMIT),
    changes: records.slice(0, TOKEN_HISTORY_LIMIT),
  };
  await deps.store.set<TokenHistory>(keys.tokenHistory(accountId), history);
  return history;
}

function tokenPoint(report: TokenReport): HistoryPoint {
  // Held scopes only when every probe decided: an undecided one is no "scope removed".
  const decided = report.probes.length > 0 && report.probes.every((probe) => probe.status !== 'unknown');
  const accepted = report.results.find((result) => result.id === 'token.accepted')?.status;
  return {
    checkedAt: report.checkedAt,
    verdict: report.verdict,
    ...(decided
      ? {
          scopes: report.probes
            .filter((p) => p.status === 'held')
            .map((p) => p.scope)
            .sort(),
          scopesFrom: 'probes',
        }
      : {}),
    ...(report.coverage ? { excess: report.coverage.excess } : {}),
    ...(accepted === 'pass' ? { accepted: true } : accepted === 'fail' ? { accepted: false } : {}),
  };
}

function summarize(request: TokenCheckRequest, report: TokenReport, { history, changes }: TokenHistory): TokenCheckSummary {
  const [latestChange] = changes;
  const missing = report.coverage?.missing ?? report.probes.filter((p) => p.status === 'missing').map((p) => p.scope);
  const reason = decidingResult(report)?.title;
  return {
    accountId: request.accountId,
    displayName: request.displayName,
    profileId: request.profileId,
    kind: report.kind,
    verdict: report.verdict,
    ...(reason ? { reason } : {}),
    email: request.email,
    missing,
    ...(request.expiresOn ? { expiresOn: request.expiresOn } : {}),
    checkedAt: report.checkedAt,
    recheck: request.recheck,
    ...(latestChange ? { latestChange } : {}),
    recentVerdicts: history.slice(0, TOKEN_STRIP_LENGTH).map(({ checkedAt, verdict }) => ({ checkedAt, verdict })),
  };
}

/** Re-runs a stored check with the kept token; false when there is nothing to re-check. */
export async function recheckToken(accountId: string, deps: AppDeps, keep: KeepResult = always): Promise<boolean> {
  // Read before the kept token: a forget after this point must win over the re-check.
  const generation = await generationOf(accountId, deps);
  const summary = await deps.store.get<TokenCheckSummary>(keys.tokenCheck(accountId));
  const last = await deps.store.get<TokenReport>(keys.tokenReport(accountId));
  const stored = await deps.secrets.getSecret(secretKeys.userToken(accountId));
  if (!summary?.recheck || !last || !stored) return false;
  const credentials = parseCredentials(stored);
  if (!credentials) return false;
  await checkAndKeep(
    {
      accountId,
      displayName: summary.displayName,
      ...credentials,
      profileId: summary.profileId,
      ...(summary.expiresOn ? { expiresOn: summary.expiresOn } : {}),
      recheck: true,
      site: last.site,
      ...(last.cloudId ? { cloudId: last.cloudId } : {}),
    },
    deps,
    generation,
    keep,
  );
  return true;
}

function parseCredentials(text: string): StoredCredentials | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { email, token } = value as Record<string, unknown>;
    return typeof email === 'string' && typeof token === 'string' ? { email, token } : undefined;
  } catch {
    return undefined;
  }
}

export async function forgetToken(accountId: string, deps: AppDeps): Promise<boolean> {
  const existed = (await deps.store.get(keys.tokenCheck(accountId))) !== undefined;
  // First: from here on, no check that started earlier writes, and one that is writing undoes it.
  await deps.store.set(keys.tokenGeneration(accountId), randomUUID());
  await erase(accountId, deps);
  return existed;
}

async function erase(accountId: string, deps: AppDeps): Promise<void> {
  await deps.secrets.deleteSecret(secretKeys.userToken(accountId));
  await deps.store.delete(keys.tokenReport(accountId));
  await deps.store.delete(keys.tokenHistory(accountId));
  await deps.store.delete(keys.tokenCheck(accountId));
}
