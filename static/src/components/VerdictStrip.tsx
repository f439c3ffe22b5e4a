import { Box, Inline, xcss } from '@atlaskit/primitives';
import type { Status } from '../../../src/core/model';
import type { VerdictPoint } from '../../../src/forge/api';

const cell = xcss({ width: '6px', height: '16px', borderRadius: 'radius.small' });
// The Lozenge colours of each verdict, as design tokens, so dark mode follows.
const COLOUR = {
  pass: xcss({ backgroundColor: 'color.background.success.bold' }),
  info: xcss({ backgroundColor: 'color.background.information.bold' }),
  warn: xcss({ backgroundColor: 'color.background.warning.bold' }),
  fail: xcss({ backgroundColor: 'color.background.danger.bold' }),
  unknown: xcss({ backgroundColor: 'color.background.neutral.bold' }),
} satisfies Record<Status, ReturnType<typeof xcss>>;

/** The verdict of each check, oldest on the left: people look at it, they don't read it. */
export function VerdictStrip({ history }: { history: readonly VerdictPoint[] }) {
  const checks = history.filter((point) => point.check).reverse();
  if (checks.length < 2) return null;
  const summary = `Verdicts of the last ${checks.length} checks, oldest first: ${checks.map((p) => p.verdict).join(', ')}`;
  return (
    <div data-testid="verdict-strip" role="img" aria-label={summary}>
      <Inline space="space.025">
        {checks.map((point) => (
          <Box key={point.checkedAt} xcss={[cell, COLOUR[point.verdict]]} />
        ))}
      </Inline>
    </div>
  );
}
