import { describe, expect, it } from 'vitest';
import { InputError } from '../model';
import type { ExpiringItem } from '.';
import { parseWebhookUrl, reminderMessage } from './webhook';

describe('chat webhook URL', () => {
  it('takes Slack and Teams incoming webhooks', () => {
    expect(parseWebhookUrl(' https://hooks.slack.com/services/T0/B0/demo ')).toEqual({ kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/demo' });
    expect(parseWebhookUrl('https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=demo').kind).toBe('teams');
    expect(parseWebhookUrl('https://acme.webhook.office.com/webhookb2/demo').kind).toBe('teams');
  });
  it.each([
    'http://hooks.slack.com/services/x',
    'https://hooks.slack.com.evil.example/services/x',
    'https://evilhooks.slack.com/services/x',
    'https://logic.azure.com/workflows/x',
    'https://a..logic.azure.com/workflows/x',
    'https://user:pw@hooks.slack.com/services/x',
    'https://hooks.slack.com:8443/services/x',
    'https://hooks.slack.com/',
    'https://127.0.0.1/services/x',
    'hooks.slack.com/services/x',
  ])('refuses %s without quoting it', (url) => {
    let error: unknown;
    try {
      parseWebhookUrl(url);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).not.toContain(url);
  });
});

describe('reminder message', () => {
  const item: ExpiringItem = { kind: 'token', id: 'a', name: 'Ana <admin> & co', date: '2026-11-30', days: 6, state: 'due-7', countdown: 'in 6 days' };
  it('is Slack text with its markup characters escaped', () => {
    expect(JSON.parse(reminderMessage('slack', [item]))).toEqual({
      text: '*Scope Doctor: expiry reminders*\n• Ana &lt;admin&gt; &amp; co’s API token expires in 6 days (2026-11-30)\nOpen Scope Doctor in Jira settings → Apps for the timeline.',
    });
  });
  it('is an Adaptive Card for Teams', () => {
    const card = JSON.parse(reminderMessage('teams', [item])) as { attachments: { content: { type: string; body: { text: string }[] } }[] };
    expect(card.attachments[0]?.content.type).toBe('AdaptiveCard');
    expect(card.attachments[0]?.content.body[1]?.text).toBe('- Ana <admin> & co’s API token expires in 6 days (2026-11-30)');
  });
});
