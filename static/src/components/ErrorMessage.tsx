import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { Text } from '@atlaskit/primitives';
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
  onRetry?: () => void;
  retryLabel?: string;
}

/** Shows a resolver's refusal or failure as one readable message, never a blank page. */
export function ErrorMessage({ error, onRetry, retryLabel = 'Try again' }: ErrorMessageProps) {
  // Asking again does not make someone an administrator.
  const canRetry = onRetry !== undefined && error.code !== 'forbidden';
  return (
    <SectionMessage
      appearance={error.code === 'invalid-input' || error.code === 'conflict' ? 'warning' : 'error'}
      title={TITLES[error.code]}
      actions={canRetry ? [<Button key="retry" onClick={onRetry}>{retryLabel}</Button>] : []}
    >
      <Text as="p" testId="error-message">
        {error.message}
      </Text>
    </SectionMessage>
  );
}
