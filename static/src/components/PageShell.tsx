import type { ReactNode } from 'react';
import { Box, xcss } from '@atlaskit/primitives';

const shellStyles = xcss({
  maxWidth: '1100px',
  marginInline: 'auto',
  paddingBlock: 'space.300',
  paddingInline: 'space.300',
  minHeight: '100vh',
});

export function PageShell({ children }: { children: ReactNode }) {
  return (
    <Box as="main" xcss={shellStyles} backgroundColor="elevation.surface">
      {children}
    </Box>
  );
}
