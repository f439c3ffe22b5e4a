import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';

const formStyles = xcss({ maxWidth: '760px' });
/** Apart from what is above it: a tool of its own. */
const sectionStyles = xcss({ paddingBlockStart: 'space.300' });

interface ToolSectionProps {
  heading: string;
  /** One paragraph on what to paste and what comes back. */
  intro: ReactNode;
  testId: string;
  /** The fields and the button that runs the tool. */
  form: ReactNode;
  /** What the tool found, its errors and follow-ups, under the form. */
  children?: ReactNode;
}

/** A paste-and-run tool (explain a failing request, least privilege): heading, what it does, its form, its result. */
export function ToolSection({ heading, intro, testId, form, children }: ToolSectionProps) {
  return (
    <Box xcss={sectionStyles}>
      <Stack space="space.200" testId={testId}>
        <Stack space="space.050">
          <Heading size="small" as="h3">
            {heading}
          </Heading>
          <Text as="p" color="color.text.subtle">
            {intro}
          </Text>
        </Stack>
        <Box xcss={formStyles}>
          <Stack space="space.150">{form}</Stack>
        </Box>
        {children}
      </Stack>
    </Box>
  );
}
