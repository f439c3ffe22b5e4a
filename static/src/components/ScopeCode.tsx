import { Box, Inline, xcss } from '@atlaskit/primitives';

const codeStyles = xcss({
  font: 'font.code',
  backgroundColor: 'color.background.neutral',
  borderRadius: 'radius.small',
  paddingInline: 'space.050',
  overflowWrap: 'anywhere',
});

/** One scope string, monospaced so typos and colons stand out. */
export function ScopeCode({ scope }: { scope: string }) {
  return (
    <Box as="span" xcss={codeStyles}>
      {scope}
    </Box>
  );
}

export function ScopeList({ scopes }: { scopes: readonly string[] }) {
  return (
    <Inline space="space.050" shouldWrap>
      {scopes.map((scope) => (
        <ScopeCode key={scope} scope={scope} />
      ))}
    </Inline>
  );
}
