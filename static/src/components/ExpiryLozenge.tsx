import Lozenge from '@atlaskit/lozenge';
import { expiresPhrase, type Expiry, type ExpiryState } from '../../../src/core/expiry';

const APPEARANCE = { ok: 'success', 'due-30': 'moved', 'due-7': 'moved', tomorrow: 'removed', expired: 'removed' } as const satisfies Record<
  ExpiryState,
  string
>;

/** "Expires in 6 days", "Expires tomorrow", "Expired 2 days ago": what a countdown says on its own. */
function expiryText(expiry: Expiry): string {
  const phrase = expiresPhrase(expiry.days);
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}`;
}

export function ExpiryLozenge({ expiry, testId }: { expiry: Expiry; testId?: string }) {
  return (
    <Lozenge appearance={APPEARANCE[expiry.state]} isBold={expiry.state !== 'ok' && expiry.state !== 'due-30'} testId={testId}>
      {expiryText(expiry)}
    </Lozenge>
  );
}
