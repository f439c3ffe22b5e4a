/** The doctor's lines: one per finished check while it runs, then a summary table and the totals. */
import type { Status } from '../../core/model';
import type { DoctorOutcome } from './run';
import { pluralise } from '../../core/text';

const MARK: Record<Status, string> = { pass: '✓', info: 'i', fail: '✗', warn: '!', unknown: '?' };
const WORD: Record<Status, string> = { pass: 'pass', info: 'pass', warn: 'warn', fail: 'fail', unknown: 'unknown' };

export function checkLabel(outcome: Pick<DoctorOutcome, 'kind' | 'name'>): string {
  return `${outcome.kind} ${outcome.name}`;
}

export function progressLine(outcome: DoctorOutcome): string {
  return `${MARK[outcome.verdict]} ${checkLabel(outcome)} (${(outcome.ms / 1000).toFixed(1)} s)`;
}

/** What to read first: the worst result's title (a pass shows its first result). */
function headline(outcome: DoctorOutcome): string {
  const results = outcome.report.results;
  const worst = results.find((r) => r.status === outcome.verdict && r.status !== 'pass') ?? results[0];
  return worst?.title ?? '';
}

export function summaryTable(outcomes: readonly DoctorOutcome[]): string[] {
  const rows = outcomes.map((o) => [checkLabel(o), `${MARK[o.verdict]} ${WORD[o.verdict]}`, headline(o)]);
  const table = [['Check', 'Verdict', 'What to look at'], ...rows];
  const widths = [0, 1].map((column) => Math.max(...table.map((row) => row[column]!.length)));
  const lines = table.map((row) => `${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]}`.trimEnd());
  const count = (status: Status) => outcomes.filter((o) => WORD[o.verdict] === WORD[status]).length;
  const totals = [`${count('pass')} passed`, `${count('warn')} with warnings`, `${count('fail')} failed`, `${count('unknown')} could not tell`];
  return [...lines, '', `${pluralise(outcomes.length, 'check')}: ${totals.join(', ')}`];
}
