/**
 * Text for `scope-doctor explain`: one block per distinct request, in the `gh auth status` style of every
 * other command, then what holds for all of them.
 */
import type { ExplainReport } from '../../core/explain';
import { renderReport } from './render';

export function renderExplain(report: ExplainReport): string[] {
  const lines = report.requests.flatMap((request) => {
    const where = request.at.length > 1 ? `  (${request.at.length}×, ${request.source === 'har' ? 'entries' : 'lines'} ${request.at.join(', ')})` : '';
    return renderReport(`${request.request}${where}`, request);
  });
  if (report.results.length > 0) lines.push(...renderReport(report.requests.length > 1 ? 'All requests' : 'Also', report));
  return lines;
}
