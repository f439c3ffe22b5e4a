import Spinner from '@atlaskit/spinner';
import { Inline, Text } from '@atlaskit/primitives';

/** A spinner that says what it waits for, announced to screen readers. */
export function Loading({ label }: { label: string }) {
  return (
    <Inline space="space.100" alignBlock="center" role="status">
      <Spinner size="medium" label={label} />
      <Text color="color.text.subtle">{label}…</Text>
    </Inline>
  );
}
