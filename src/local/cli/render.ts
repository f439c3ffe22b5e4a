import type { CheckResult, Report, Status } from '../../core/model';
import { secretEnding } from '../../core/secret-hint';

export const EXIT = { ok: 0, failed: 1, usage: 2, unknown: 3 } as const;

const MARK: Record<Status, string> = { pass: '✓', info: 'i', fail: '✗', warn: '!', unknown: '?' };

/** pass, info and warn exit 0 (a warning is advice), fail 1, unknown 3. */
export function exitCodeFor(verdict: Status): number {
  if (verdict === 'fail') return EXIT.failed;
  if (verdict === 'unknown') return EXIT.unknown;
  return EXIT.ok;
}

/** `gh auth status` style: a heading, one mark per fact, details and the fix on indented lines. */
export function renderReport(heading: string, report: Pick<Report, 'results'>): string[] {
  return [heading, ...report.results.flatMap(renderResult)];
}

export function renderResult(result: CheckResult): string[] {
  const lines = [`  ${MARK[result.status]} ${result.title}`];
  if (result.status !== 'pass') {
    for (const line of result.detail.split('\n')) if (line.trim()) lines.push(`    - ${line}`);
  }
  if (result.fix) lines.push(`    - Fix: ${result.fix}`);
  return lines;
}

/** Replaces every occurrence of a secret in text that is about to be printed. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  // Shorter strings would mask ordinary words; a short secret keeps none of its characters in the mask.
  for (const secret of secrets) if (secret.length >= 4) masked = masked.split(secret).join(`****${secretEnding(secret, 2) ?? ''}`);
  return masked;
}
