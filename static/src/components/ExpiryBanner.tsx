import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import { describeExpiring, type ExpiringItem, type ExpiryState } from '../../../src/core/expiry';

/** Most urgent first: the order of the banner's groups and of the timeline's. */
export const URGENT_STATES = ['expired', 'tomorrow', 'due-7', 'due-30'] as const satisfies readonly ExpiryState[];
export const STATE_HEADING: Record<ExpiryState, string> = {
  expired: 'Expired',
  tomorrow: 'Tomorrow',
  'due-7': 'Within 7 days',
  'due-30': 'Within 30 days',
  ok: 'Later',
};

/** A reminder at 30, 7 and 1 days and once expired: every item that reached one, by how urgent it is. */
export function ExpiryBanner({ items, testId }: { items: readonly ExpiringItem[]; testId?: string }) {
  const urgent = items.filter((item) => item.state !== 'ok');
  if (urgent.length === 0) return null;
  const worst = URGENT_STATES.find((state) => urgent.some((item) => item.state === state));
  const title = urgent.length === 1 ? '1 item expires soon or has expired' : `${urgent.length} items expire soon or have expired`;
  return (
    <SectionMessage appearance={worst === 'expired' || worst === 'tomorrow' ? 'error' : 'warning'} title={title} testId={testId}>
      <Stack space="space.100">
        {URGENT_STATES.map((state) => {
          const group = urgent.filter((item) => item.state === state);
          if (group.length === 0) return null;
          return (
            <Stack key={state} space="space.050">
              <Text weight="semibold">{STATE_HEADING[state]}</Text>
              {group.map((item) => (
                <Text key={`${item.kind}:${item.id}`}>{describeExpiring(item)}</Text>
              ))}
            </Stack>
          );
        })}
        <Text size="small" color="color.text.subtle">
          An API token’s scopes and expiry cannot change: create a new token and paste it into the integration. For a refresh token, run the consent test again
          after the integration is authorized again.
        </Text>
      </Stack>
    </SectionMessage>
  );
}
