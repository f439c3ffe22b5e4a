import { useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';

interface InlineConfirmProps {
  /** The button that asks, "Delete…". */
  askLabel: string;
  /** The question shown in its place. */
  question: ReactNode;
  /** The button that does it, "Delete". */
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  pending: boolean;
  compact?: boolean;
}

/**
 * A destructive action in two steps without a modal: the button turns into the question, the action and
 * "Keep". It stays open while the action runs or fails; the caller unmounts or re-keys it once it is done.
 */
export function InlineConfirm({ askLabel, question, confirmLabel, onConfirm, pending, compact = false }: InlineConfirmProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Inline>
        <Button appearance="subtle" spacing={compact ? 'compact' : 'default'} onClick={() => setAsking(true)}>
          {askLabel}
        </Button>
      </Inline>
    );
  }
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap>
      <Text>{question}</Text>
      <Button appearance="danger" onClick={() => void onConfirm()} isLoading={pending}>
        {confirmLabel}
      </Button>
      <Button onClick={() => setAsking(false)}>Keep</Button>
    </Inline>
  );
}
