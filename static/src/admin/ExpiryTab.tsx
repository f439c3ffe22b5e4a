import { useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ExpiringItem } from '../../../src/core/expiry';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { ExpiryLozenge } from '../components/ExpiryLozenge';
import { STATE_HEADING, URGENT_STATES } from '../components/ExpiryBanner';
import { Loading } from '../components/Loading';
import { TextField } from '../components/TextField';
import { describeSecret } from '../format';
import { useAction, useResolver } from '../useResolver';

const formStyles = xcss({ maxWidth: '560px' });
const GROUPS = [...URGENT_STATES, 'ok'] as const;

const HEAD = {
  cells: [
    { key: 'date', content: 'Date', width: 14 },
    { key: 'when', content: 'When', width: 20 },
    { key: 'what', content: 'What', width: 26 },
    { key: 'detail', content: 'Detail', width: 40 },
  ],
};

function detail(item: ExpiringItem): string {
  if (item.kind === 'token') return 'The expiry date this person entered for their API token.';
  return `A refresh token from the consent test of ${item.issuedAt?.slice(0, 10) ?? '?'} lapses on ${item.date}, or on ${item.idleBy ?? '?'} if never used. Scope Doctor dropped its own; the integration’s, if authorized then, lapses the same way.`;
}

function toRow(item: ExpiringItem) {
  return {
    key: `${item.kind}:${item.id}`,
    cells: [
      { key: 'date', content: item.date },
      { key: 'when', content: <ExpiryLozenge expiry={item} /> },
      { key: 'what', content: item.kind === 'token' ? `${item.name} · API token` : `${item.name} · refresh token` },
      { key: 'detail', content: <Text size="small">{detail(item)}</Text> },
    ],
  };
}

/** What expires when, soonest first in groups by how urgent, and where the reminders go. */
export function ExpiryTab({ items }: { items: readonly ExpiringItem[] }) {
  return (
    <Stack space="space.300">
      <Stack space="space.150" testId="expiry-timeline">
        <Heading size="small" as="h2">
          What expires when
        </Heading>
        {items.length === 0 ? (
          <EmptyState
            title="Nothing with an expiry date yet"
            description="People who enter their API token’s expiry date on their personal page show up here, and so does each connection whose consent test got a refresh token (offline_access)."
          />
        ) : (
          GROUPS.map((state) => {
            const group = items.filter((item) => item.state === state);
            if (group.length === 0) return null;
            return (
              <Stack key={state} space="space.050" testId={`expiry-group-${state}`}>
                <Heading size="xsmall" as="h3">
                  {STATE_HEADING[state]} ({group.length})
                </Heading>
                <DynamicTable head={HEAD} rows={group.map(toRow)} label={`${STATE_HEADING[state]}: what expires`} />
              </Stack>
            );
          })
        )}
      </Stack>
      <ReminderSettingsForm />
    </Stack>
  );
}

/** The chat incoming webhook the hourly trigger posts reminders to; the URL is never shown again once saved. */
function ReminderSettingsForm() {
  const { result, replace, reload } = useResolver('getReminderSettings', {});
  const save = useAction('saveReminderSettings');
  const [url, setUrl] = useState('');

  if (result.state === 'loading') return <Loading label="Loading the reminder settings" />;
  if (result.state === 'error') return <ErrorMessage error={result.error} onRetry={reload} />;

  const submit = async (webhookUrl: string) => {
    const saved = await save.run({ webhookUrl });
    setUrl('');
    if (saved) replace(saved);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(url);
  };
  const settings = result.data;
  const where = settings.kind === 'teams' ? 'Microsoft Teams' : 'Slack';
  return (
    <Box xcss={formStyles}>
      <form onSubmit={onSubmit} aria-label="Reminders to a chat channel">
        <Stack space="space.150">
          <Heading size="small" as="h2">
            Reminders to a chat channel
          </Heading>
          <Text as="p" color="color.text.subtle">
            Once an hour Scope Doctor posts one message for items reaching 30, 7 and 1 days before they expire, and once they have: each item once per step,
            never again.
          </Text>
          <Text testId="webhook-hint">
            {settings.webhook.set
              ? `${where} webhook ${describeSecret(settings.webhook)}`
              : 'No webhook set: reminders show on this page and on each person’s own page only.'}
          </Text>
          <TextField
            id="reminder-webhook"
            label={settings.webhook.set ? 'New incoming webhook URL' : 'Incoming webhook URL'}
            helper="A Slack incoming webhook (https://hooks.slack.com/services/…) or a Microsoft Teams Workflows webhook. Kept as an encrypted app secret."
            type="password"
            autoComplete="off"
            value={url}
            onValueChange={setUrl}
          />
          <Inline space="space.100">
            <Button type="submit" appearance="primary" isDisabled={url.trim() === ''} isLoading={save.pending}>
              Save webhook
            </Button>
            {settings.webhook.set && <Button onClick={() => void submit('')}>Stop posting reminders</Button>}
          </Inline>
          {save.error && <ErrorMessage error={save.error} />}
        </Stack>
      </form>
    </Box>
  );
}
