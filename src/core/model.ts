import type { ResultId } from './checks/result-ids';

/**
 * The one result shape used everywhere: UI, CLI `--json`, storage and export.
 * `unknown` means the check could not tell (network, 429, 5xx, timeout, malformed reply) — never `fail`.
 * `info` is a fact worth reading that asks nothing of the person (a warning always carries a fix they can
 * do); it weighs like `pass`, so a report's verdict is never `info`.
 */
export type Status = 'pass' | 'info' | 'fail' | 'warn' | 'unknown';

/** What was observed. Never a secret: status codes, header values Atlassian sends, ids, counts. */
export type Evidence = Record<string, string | number | boolean | null | readonly string[]>;

export interface CheckResult {
  /** Stable machine id, e.g. `oauth.credentials`, `token.scopes.missing`: one the check catalog lists. */
  id: ResultId;
  title: string;
  status: Status;
  /** One or two sentences a person reads. */
  detail: string;
  /** The exact next step: console page, scope strings to add, URL to use. */
  fix?: string;
  /** The scope strings the fix asks to add, as data, so the UI never reads them back out of `fix`. */
  scopesToAdd?: string[];
  /** The URLs the fix names (a page to open, a base URL or callback URL to use), as data. */
  urls?: string[];
  evidence?: Evidence;
}

/** Severity order used to roll many results into one verdict: a failure outranks not knowing. */
const SEVERITY: Record<Status, number> = { pass: 0, info: 0, warn: 1, unknown: 2, fail: 3 };

export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = 'pass';
  for (const status of statuses) if (SEVERITY[status] > SEVERITY[worst]) worst = status;
  return worst;
}

export function verdictOf(results: readonly CheckResult[]): Status {
  return worstStatus(results.map((r) => r.status));
}

/** A group of results about one subject (a connection, a token, a site). */
export interface Report {
  subject: string;
  verdict: Status;
  checkedAt: string;
  results: CheckResult[];
}

/** The result that decided a report's verdict (the first as bad as the whole): its one-line "why". */
export function decidingResult(report: Pick<Report, 'verdict' | 'results'>): CheckResult | undefined {
  if (report.verdict === 'pass' || report.verdict === 'info') return undefined;
  return report.results.find((result) => result.status === report.verdict);
}

export function makeReport(subject: string, results: CheckResult[], now: Date): Report {
  return { subject, verdict: verdictOf(results), checkedAt: now.toISOString(), results };
}

/** Input a person gave that cannot be used. Carries a one-line message that is safe to print. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
