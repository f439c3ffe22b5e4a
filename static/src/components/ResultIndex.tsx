import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CheckResult, Status } from '../../../src/core/model';
import { CopyButton } from './CopyButton';

const APPEARANCE = { pass: 'success', info: 'information', fail: 'error', warn: 'warning', unknown: 'information' } as const;
const MARK: Record<Status, string> = { pass: '✓', info: 'i', fail: '✗', warn: '!', unknown: '?' };
const MARK_COLOR = {
  pass: 'color.text.success',
  info: 'color.text.information',
  fail: 'color.text.danger',
  warn: 'color.text.warning',
  unknown: 'color.text.subtle',
} as const;

const markStyles = xcss({ minWidth: '1.25em', textAlign: 'center' });
const detailStyles = xcss({ paddingInlineStart: 'space.300', overflowWrap: 'anywhere' });
// Details list one finding per line ("scope needed for: capability"); keep those line breaks.
const linesStyles = xcss({ whiteSpace: 'pre-line' });

/**
 * `gh auth status` style: one line per fact with ✓ ✗ ! i ?, and each line that is not a plain pass opens,
 * in place, to what was found, the exact fix and copy buttons. Failures start open; the rest on demand, so
 * every finding is said once, where its line is.
 */
export function ResultIndex({ results, testId = 'result-index' }: { results: readonly CheckResult[]; testId?: string }) {
  return (
    <Stack space="space.050" testId={testId}>
      {results.map((result) => (
        <ResultLine key={result.id} result={result} />
      ))}
    </Stack>
  );
}

function ResultLine({ result }: { result: CheckResult }) {
  const [open, setOpen] = useState(result.status === 'fail');
  const panelId = useId();
  const explains = result.status !== 'pass';
  const scopes = result.scopesToAdd ?? [];
  const urls = result.urls ?? [];
  return (
    <Stack space="space.050" testId={`result-${result.id}`}>
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Box xcss={markStyles}>
          <Text weight="bold" color={MARK_COLOR[result.status]}>
            {MARK[result.status]}
          </Text>
        </Box>
        <Text>{result.title}</Text>
        {explains && (
          <Button appearance="subtle" spacing="compact" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((value) => !value)}>
            {open ? 'Hide' : result.fix ? 'Details and fix' : 'Details'}
          </Button>
        )}
      </Inline>
      {explains && open && (
        <Box xcss={detailStyles} id={panelId} testId={`result-detail-${result.id}`}>
          <SectionMessage appearance={APPEARANCE[result.status]}>
            <Stack space="space.100">
              <Box xcss={linesStyles}>
                <Text as="p">{result.detail}</Text>
              </Box>
              {result.fix && (
                <Text as="p" weight="semibold">
                  Fix: <Text weight="regular">{result.fix}</Text>
                </Text>
              )}
              {scopes.length > 0 && (
                <Inline space="space.100" alignBlock="center" shouldWrap>
                  <CopyButton text={scopes.join(' ')} label={scopes.length === 1 ? 'Copy scope' : `Copy ${scopes.length} scopes`} />
                  <Text size="small" color="color.text.subtle">
                    {scopes.join(' ')}
                  </Text>
                </Inline>
              )}
              {urls.map((url) => (
                <Inline key={url} space="space.100" alignBlock="center" shouldWrap>
                  <CopyButton text={url} label="Copy URL" />
                  <Text size="small" color="color.text.subtle">
                    {url}
                  </Text>
                </Inline>
              ))}
            </Stack>
          </SectionMessage>
        </Box>
      )}
    </Stack>
  );
}
