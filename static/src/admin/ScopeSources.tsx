import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ScopeSource } from '../../../src/core/checks/types';
import { ScopeList } from '../components/ScopeCode';
import { timeAgo } from '../format';

const columnStyles = xcss({ flexGrow: 1, flexBasis: '0', minWidth: '260px' });

/**
 * The consented grant and the pasted list side by side, with the scopes only one of them holds marked:
 * what Atlassian really grants next to what someone says is configured.
 */
export function ScopeSources({ source }: { source: ScopeSource }) {
  if (!source.granted || !source.onlyGranted || !source.onlyPasted) return null;
  const differ = source.onlyGranted.length + source.onlyPasted.length;
  return (
    <Stack space="space.100" testId="scope-sources">
      <Heading size="xsmall" as="h4">
        {differ === 0
          ? 'Consented grant and pasted list: the same scopes'
          : `Consented grant and pasted list: ${differ === 1 ? '1 scope differs' : `${differ} scopes differ`} (marked)`}
      </Heading>
      <Inline space="space.200" alignBlock="start" shouldWrap>
        <Box xcss={columnStyles} testId="scope-source-granted">
          <Stack space="space.050">
            <Text weight="semibold">Consented grant · read {source.readAt ? timeAgo(source.readAt) : 'at an unknown time'}</Text>
            <ScopeList scopes={source.granted} marked={source.onlyGranted} />
            {source.onlyGranted.length > 0 && (
              <Text size="small" color="color.text.subtle">
                Not in the pasted list: {source.onlyGranted.join(', ')}
              </Text>
            )}
          </Stack>
        </Box>
        <Box xcss={columnStyles} testId="scope-source-pasted">
          <Stack space="space.050">
            <Text weight="semibold">Pasted list · unverified</Text>
            <ScopeList scopes={source.pasted} marked={source.onlyPasted} />
            {source.onlyPasted.length > 0 && (
              <Text size="small" color="color.text.subtle">
                Not granted: {source.onlyPasted.join(', ')}
              </Text>
            )}
          </Stack>
        </Box>
      </Inline>
    </Stack>
  );
}

/** Beside the verdict: which list it was judged from. */
export function sourceSentence(source: ScopeSource | undefined): string | undefined {
  if (!source) return undefined;
  if (source.used === 'consent') return `Verdict from the consented grant, read ${source.readAt ? timeAgo(source.readAt) : 'at an unknown time'}`;
  if (source.used === 'pasted') return 'From the pasted list (unverified) — run the consent test to confirm';
  return 'Scopes not checked yet — run the consent test, or paste the app’s scopes from the developer console';
}
