import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CheckResult, Status } from '../../../src/core/model';
import { scopesNamedIn } from '../format';
import { CopyButton } from './CopyButton';

const APPEARANCE = { info: 'information', fail: 'error', warn: 'warning', unknown: 'information' } as const;
const MARK: Record<Status, string> = { pass: '✓', info: 'i', fail: '✗', warn: '!', unknown: '?' };
const MARK_COLOR = {
  pass: 'color.text.success',
  info: 'color.text.information',
  fail: 'color.text.danger',
  warn: 'color.text.warning',
  unknown: 'color.text.subtle',
} as const;

const fixStyles = xcss({ overflowWrap: 'anywhere' });
// Details list one finding per line ("scope needed for: capability"); keep those line breaks.
const detailStyles = xcss({ whiteSpace: 'pre-line' });

/** Scope strings a result names, in its fix first, then in its evidence (e.g. `missing: [...]`). */
function scopesOf(result: CheckResult): string[] {
  const fromEvidence = Object.values(result.evidence ?? {}).flatMap((value) =>
    Array.isArray(value) ? value.flatMap((item: string) => scopesNamedIn(item)) : [],
  );
  return [...new Set([...scopesNamedIn(result.fix), ...fromEvidence])];
}

/** One SectionMessage per problem: what is wrong, the exact fix, and copy buttons for what to paste. */
export function ResultMessages({ results }: { results: readonly CheckResult[] }) {
  const problems = results.filter((result) => result.status !== 'pass');
  if (problems.length === 0) return null;
  return (
    <Stack space="space.150" testId="result-messages">
      {problems.map((result) => {
        const scopes = scopesOf(result);
        return (
          <SectionMessage
            key={result.id}
            appearance={APPEARANCE[result.status as Exclude<Status, 'pass'>]}
            title={result.title}
            testId={`result-${result.id}`}
          >
            <Stack space="space.100">
              <Box xcss={detailStyles}>
                <Text as="p">{result.detail}</Text>
              </Box>
              {result.fix && (
                <Box xcss={fixStyles}>
                  <Text as="p" weight="semibold">
                    Fix: <Text weight="regular">{result.fix}</Text>
                  </Text>
                </Box>
              )}
              {scopes.length > 0 && (
                <Inline space="space.100" alignBlock="center" shouldWrap>
                  <CopyButton
                    text={scopes.join(' ')}
                    label={scopes.length === 1 ? 'Copy scope' : `Copy ${scopes.length} scopes`}
                  />
                  <Text size="small" color="color.text.subtle">
                    {scopes.join(' ')}
                  </Text>
                </Inline>
              )}
            </Stack>
          </SectionMessage>
        );
      })}
    </Stack>
  );
}

/** `gh auth status` style: one line per fact with ✓ ✗ ! ?. */
export function ResultLines({ results }: { results: readonly CheckResult[] }) {
  return (
    <Stack space="space.050" testId="result-lines">
      {results.map((result) => (
        <Inline key={result.id} space="space.100" alignBlock="start">
          <Text weight="bold" color={MARK_COLOR[result.status]}>
            {MARK[result.status]}
          </Text>
          <Text>{result.title}</Text>
        </Inline>
      ))}
    </Stack>
  );
}
