import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import type { ResolverResponse } from '../../../src/forge/api';

export type ResolverError = Extract<ResolverResponse<unknown>, { ok: false }>['error'];

const TITLES: Record<ResolverError['code'], string> = {
  forbidden: 'Only Jira administrators can use this page',
  'invalid-input': 'Please check what you entered',
  'not-found': 'Not found',
  conflict: 'Someone else changed this in the meantime',
  internal: 'Something went wrong',
};

interface ErrorMessageProps {
  error: ResolverError;
  onRetry?: () => void | Promise<void>;
  retryLabel?: string;
  /** Replaces the title that goes with the error code, when the context says more. */
  title?: string;
}

/**
 * Shows a resolver's refusal or failure as a readable message, never a blank page. A message of several
 * lines (one per bad field) keeps one paragraph per line.
 */
export function ErrorMessage({ error, onRetry, retryLabel = 'Try again', title }: ErrorMessageProps) {
  const lines = error.message.split('\n').filter((line) => line.trim() !== '');
  // Asking again does not make someone an administrator.
  const canRetry = onRetry !== undefined && error.code !== 'forbidden';
  return (
    <SectionMessage
      appearance={error.code === 'invalid-input' || error.code === 'conflict' ? 'warning' : 'error'}
      title={title ?? TITLES[error.code]}
      actions={
        canRetry
          ? [
              <Button key="retry" onClick={() => void onRetry?.()}>
                {retryLabel}
              </Button>,
            ]
          : []
      }
    >
      {lines.length > 1 ? (
        <Stack space="space.050" testId="error-message">
          {lines.map((line, index) => (
            <Text as="p" key={index} testId="error-line">
              {line}
            </Text>
          ))}
        </Stack>
      ) : (
        <Text as="p" testId="error-message">
          {error.message}
        </Text>
      )}
    </SectionMessage>
  );
}
