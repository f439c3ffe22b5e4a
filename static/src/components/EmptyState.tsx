import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';

const emptyStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'dashed',
  borderWidth: 'border.width',
  borderRadius: 'radius.small',
  padding: 'space.400',
  textAlign: 'center',
});

interface EmptyStateProps {
  title: string;
  /** Says what to do next, not just that nothing is here. */
  description: string;
  action?: ReactNode;
}

export function EmptyState({ title, description, action }: EmptyStateProps) {
  return (
    <Box xcss={emptyStyles} testId="empty-state">
      <Stack space="space.150" alignInline="center">
        <Heading size="small" as="h3">
          {title}
        </Heading>
        <Text as="p" color="color.text.subtle">
          {description}
        </Text>
        {action}
      </Stack>
    </Box>
  );
}
