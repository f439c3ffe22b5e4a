/**
 * A person's token check: run it, keep a summary (never the token), and keep the token itself only when
 * they opted in to periodic re-checks.
 */
import type { TokenReport } from '../core/checks/types';
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

export async function runTokenCheck(request: TokenCheckRequest, deps: AppDeps): Promise<TokenReport> {
  const report = await checkToken(deps.checkDeps, {
    site: request.site,
    email: request.email,
    token: request.token,
    profile: await findAppProfile(deps.store, request.profileId),
    ...(request.cloudId ? { cloudId: request.cloudId } : {}),
    expectedAccountId: request.accountId,
    ...(request.expiresOn ? { expiresOn: request.expiresOn } : {}),
  });
  const secretKey = secretKeys.userToken(request.accountId);
  if (request.recheck) {
    const credentials: StoredCredentials = { email: request.email, token: request.token };
    await deps.secrets.setSecret(secretKey, JSON.stringify(credentials));
  } else {
    await deps.secrets.deleteSecret(secretKey);
  }
  await deps.store.set(keys.tokenCheck(request.accountId), summarize(request, report));
  await deps.store.set(keys.tokenReport(request.accountId), report);
  return report;
}

function summarize(request: TokenCheckRequest, report: TokenReport): TokenCheckSummary {
  const missing = report.coverage?.missing ?? report.probes.filter((p) => p.status === 'missing').map((p) => p.scope);
  const reason = decidingResult(report)?.title;
  return {
    accountId: request.accountId,
    displayName: request.displayName,
    profileId: request.profileId,
    kind: report.kind,
    verdict: report.verdict,
    ...(reason ? { reason } : {}),
    missing,
    ...(request.expiresOn ? { expiresOn: request.expiresOn } : {}),
    checkedAt: report.checkedAt,
    recheck: request.recheck,
  };
}

/** Re-runs a stored check with the kept token; false when there is nothing to re-check. */
export async function recheckToken(accountId: string, deps: AppDeps): Promise<boolean> {
  const summary = await deps.store.get<TokenCheckSummary>(keys.tokenCheck(accountId));
  const last = await deps.store.get<TokenReport>(keys.tokenReport(accountId));
  const stored = await deps.secrets.getSecret(secretKeys.userToken(accountId));
  if (!summary?.recheck || !last || !stored) return false;
  const credentials = parseCredentials(stored);
  if (!credentials) return false;
  await runTokenCheck(
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
  await deps.secrets.deleteSecret(secretKeys.userToken(accountId));
  await deps.store.delete(keys.tokenReport(accountId));
  await deps.store.delete(keys.tokenCheck(accountId));
  return existed;
}
