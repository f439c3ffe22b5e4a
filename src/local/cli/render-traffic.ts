/**
 * Text for `scope-doctor explain` (one block per distinct request, then what holds for all of them) and
 * `scope-doctor scopes for`, in the `gh auth status` style of every other command.
 */
import type { ExplainReport } from '../../core/explain';
import type { LeastPrivilegeReport } from '../../core/least-privilege';
import { renderReport, renderResult } from './render';

export function renderExplain(report: ExplainReport): string[] {
  const lines = report.requests.flatMap((request) => {
    const where = request.at.length > 1 ? `  (${request.at.length}×, ${request.source === 'har' ? 'entries' : 'lines'} ${request.at.join(', ')})` : '';
    return renderReport(`${request.request}${where}`, request);
  });
  if (report.results.length > 0) lines.push(...renderReport(report.requests.length > 1 ? 'All requests' : 'Also', report));
  return lines;
}

/** The plan's scopes one per line with what needs each, then a line to paste into a console or token form. */
export function renderLeastPrivilege(report: LeastPrivilegeReport): string[] {
  const lines = [`Least privilege: ${report.subject}`];
  for (const result of report.results) {
    if (result.id !== 'least.plan') {
      lines.push(...renderResult(result));
      continue;
    }
    lines.push(`  ✓ ${result.title}`);
    const width = Math.max(...report.plan.scopes.map((s) => s.scope.length));
    for (const scope of report.plan.scopes) lines.push(`    - ${scope.scope.padEnd(width)}  needed for: ${scope.neededFor.join(', ')}`);
    if (!report.plan.exact) lines.push('    - The search stopped at its limit: a bound, not a proven minimum.');
  }
  if (report.plan.scopes.length > 0) lines.push(`Scopes: ${report.plan.scopes.map((s) => s.scope).join(' ')}`);
  return lines;
}
