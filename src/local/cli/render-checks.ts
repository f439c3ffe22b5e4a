/** Text for `scope-doctor checks`: each check, what it needs, the function that runs it and its result ids. */
import type { CheckListing } from '../../core/checks/catalog';

export function renderChecks(checks: readonly CheckListing[], runnerResults: readonly { id: string; title: string }[]): string[] {
  const width = Math.max(...[...checks.flatMap((c) => c.results), ...runnerResults].map((r) => r.id.length));
  const lines: string[] = [];
  for (const check of checks) {
    lines.push(`${check.id}  ${check.title}`, `  needs ${check.needs}`, `  runs ${check.run}()`);
    for (const result of check.results) lines.push(`    ${result.id.padEnd(width)}  ${result.title}`);
    lines.push('');
  }
  lines.push('Made by scope-doctor doctor itself:');
  for (const result of runnerResults) lines.push(`    ${result.id.padEnd(width)}  ${result.title}`);
  return lines;
}
