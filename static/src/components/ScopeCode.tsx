import { Box, Inline, xcss } from '@atlaskit/primitives';

const codeStyles = xcss({
  font: 'font.code',
  backgroundColor: 'color.background.neutral',
  borderRadius: 'radius.small',
  paddingInline: 'space.050',
  overflowWrap: 'anywhere',
});

const markedStyles = xcss({
  backgroundColor: 'color.background.warning',
  color: 'color.text.warning',
});

/** One scope string, monospaced so typos and colons stand out; `marked` sets it apart from its neighbours. */
export function ScopeCode({ scope, marked = false }: { scope: string; marked?: boolean }) {
  return (
    <Box as="span" xcss={[codeStyles, marked && markedStyles]}>
      {scope}
    </Box>
  );
}

export function ScopeList({ scopes, marked = [] }: { scopes: readonly string[]; marked?: readonly string[] }) {
  return (
    <Inline space="space.050" shouldWrap>
      {scopes.map((scope) => (
        <ScopeCode key={scope} scope={scope} marked={marked.includes(scope)} />
      ))}
    </Inline>
  );
}
