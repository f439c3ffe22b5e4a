import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { describeChanges, type ChangeRecord, type Credential } from '../../../src/core/history';
import type { VerdictAt } from '../../../src/forge/api';
import { timeAgo } from '../format';
import { VerdictStrip } from './VerdictStrip';

interface LatestChangeProps {
  change: ChangeRecord | undefined;
  /** What a refused credential is called: a connection's client secret or a person's API token. */
  credential: Credential;
  testId: string;
}

/** The newest change between checks on one line, highlighted so nobody has to read a report to see it. */
export function LatestChange({ change, credential, testId }: LatestChangeProps) {
  if (!change) return null;
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap testId={testId}>
      <Lozenge appearance="moved" isBold>
        Changed {timeAgo(change.at)}
      </Lozenge>
      <Text size="small">{describeChanges(change.changes, credential)}</Text>
    </Inline>
  );
}

const changedStyles = xcss({
  backgroundColor: 'color.background.accent.yellow.subtlest',
  borderColor: 'color.border.warning',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.small',
  padding: 'space.100',
});

interface ReportHistoryProps {
  /** Checks, newest first. */
  points: readonly VerdictAt[];
  change: ChangeRecord | undefined;
  credential: Credential;
}

/** A report's history: the verdicts as a strip and what changed at the newest check that changed anything. */
export function ReportHistory({ points, change, credential }: ReportHistoryProps) {
  if (points.length < 2 && !change) return null;
  return (
    <Stack space="space.100" testId="report-history">
      <Heading size="xsmall" as="h4">
        What changed
      </Heading>
      <VerdictStrip points={points} testId="report-verdict-strip" />
      {change ? (
        <Box xcss={changedStyles} testId="report-change">
          <Stack space="space.050">
            <LatestChange change={change} credential={credential} testId="report-latest-change" />
            <Text size="small" color="color.text.subtle">
              Seen at the check of {new Date(change.at).toLocaleString()}, compared with the check before it.
            </Text>
          </Stack>
        </Box>
      ) : (
        <Text size="small" color="color.text.subtle">
          Nothing changed between these checks.
        </Text>
      )}
    </Stack>
  );
}
