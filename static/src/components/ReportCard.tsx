import type { ReactNode } from 'react';
import { Box, Stack, xcss } from '@atlaskit/primitives';

const cardStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});

/** The bordered box a check's report is shown in. */
export function ReportCard({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <Box xcss={cardStyles} testId={testId}>
      <Stack space="space.200">{children}</Stack>
    </Box>
  );
}
