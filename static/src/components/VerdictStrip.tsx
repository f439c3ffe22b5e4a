import { Box, Inline, xcss } from '@atlaskit/primitives';
import type { Status } from '../../../src/core/model';
import type { VerdictAt, VerdictPoint } from '../../../src/forge/api';

const cell = xcss({ width: '6px', height: '16px', borderRadius: 'radius.small' });
// The Lozenge colours of each verdict, as design tokens, so dark mode follows.
const COLOUR = {
  pass: xcss({ backgroundColor: 'color.background.success.bold' }),
  info: xcss({ backgroundColor: 'color.background.information.bold' }),
  warn: xcss({ backgroundColor: 'color.background.warning.bold' }),
  fail: xcss({ backgroundColor: 'color.background.danger.bold' }),
  unknown: xcss({ backgroundColor: 'color.background.neutral.bold' }),
} satisfies Record<Status, ReturnType<typeof xcss>>;

/** A connection's client checks: its history holds consent tests too, but only checks are compared. */
export function clientChecks(history: readonly VerdictPoint[]): VerdictPoint[] {
  return history.filter((point) => point.check);
}

/** The verdict of each check (given newest first), drawn oldest on the left: people look at it, they don't read it. */
export function VerdictStrip({ points, testId = 'verdict-strip' }: { points: readonly VerdictAt[]; testId?: string }) {
  const checks = [...points].reverse();
  if (checks.length < 2) return null;
  const summary = `Verdicts of the last ${checks.length} checks, oldest first: ${checks.map((p) => p.verdict).join(', ')}`;
  return (
    <div data-testid={testId} role="img" aria-label={summary}>
      <Inline space="space.025">
        {checks.map((point, index) => (
          <Box key={`${point.checkedAt}-${index}`} xcss={[cell, COLOUR[point.verdict]]} />
        ))}
      </Inline>
    </div>
  );
}
