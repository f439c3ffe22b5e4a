/** Text for `scope-doctor tokens`: the flags as results, then one row per token, flagged ones first. */
import type { InventoryToken, TokenFlag, TokenInventoryReport } from '../../core/checks';
import { renderReport } from './render';

const FLAG_TEXT: Record<TokenFlag, string> = {
  expired: 'expired',
  'expires-1d': 'expires within 1 day',
  'expires-7d': 'expires within 7 days',
  'expires-30d': 'expires within 30 days',
  'unused-90d': 'unused 90+ days',
};

export function renderTokenInventory(report: TokenInventoryReport): string[] {
  const lines = renderReport(`Organization ${report.orgId}`, report);
  if (report.tokens.length === 0) return lines;
  const rows = [...report.tokens]
    .sort((a, b) => Number(b.flags.length > 0) - Number(a.flags.length > 0) || (a.daysToExpiry ?? Infinity) - (b.daysToExpiry ?? Infinity))
    .map((token) => [token.label, owner(token), day(token.expiresAt), day(token.lastActiveAt) || 'never', token.flags.map((f) => FLAG_TEXT[f]).join(', ')]);
  const table = [['Label', 'Owner', 'Expires', 'Last used', 'Flags'], ...rows];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  lines.push(
    '',
    ...table.map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    ),
  );
  return lines;
}

function owner(token: InventoryToken): string {
  return token.user.email || token.user.name || token.user.id || '';
}

function day(iso: string | undefined): string {
  return iso?.slice(0, 10) ?? '';
}
