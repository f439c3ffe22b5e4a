/**
 * Chat incoming webhooks the reminders may post to, and the messages they take. A webhook URL is itself the
 * credential: it is checked here, stored as a secret, and never shown back.
 */
import { InputError } from '../model';
import { describeExpiring, type ExpiringItem } from '.';

export type WebhookKind = 'slack' | 'teams';

/**
 * Exactly the hosts manifest.yml lets the app reach: Slack's incoming webhooks, and Microsoft Teams' — the
 * Workflows app's (Power Automate, `prod-NN.{region}.logic.azure.com`) and the older connectors'
 * (`{tenant}.webhook.office.com`).
 */
export const WEBHOOK_HOSTS: readonly { kind: WebhookKind; host: string }[] = [
  { kind: 'slack', host: 'hooks.slack.com' },
  { kind: 'teams', host: '*.logic.azure.com' },
  { kind: 'teams', host: '*.webhook.office.com' },
];

const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

function hostMatches(hostname: string, pattern: string): boolean {
  if (!pattern.startsWith('*.')) return hostname === pattern;
  const suffix = pattern.slice(1);
  if (!hostname.endsWith(suffix)) return false;
  const labels = hostname.slice(0, -suffix.length).split('.');
  return labels.length > 0 && labels.every((label) => LABEL.test(label));
}

export interface WebhookTarget {
  kind: WebhookKind;
  url: string;
}

const REFUSED =
  'Use a Slack incoming webhook (https://hooks.slack.com/services/…) or a Microsoft Teams one (a Workflows URL on …logic.azure.com, or …webhook.office.com): the app may post nowhere else';

/** The URL as the admin pasted it, or an InputError that never quotes it back (it is a credential). */
export function parseWebhookUrl(text: string): WebhookTarget {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new InputError(`That is not a URL. ${REFUSED}.`, 'webhookUrl');
  }
  const hostname = url.hostname.toLowerCase();
  const match = WEBHOOK_HOSTS.find(({ host }) => hostMatches(hostname, host));
  if (url.protocol !== 'https:' || url.username || url.password || (url.port && url.port !== '443') || !match) {
    throw new InputError(`${REFUSED}.`, 'webhookUrl');
  }
  if (url.pathname === '/' || url.pathname === '') throw new InputError('The webhook URL has no path: copy the whole URL the chat app gave you.', 'webhookUrl');
  return { kind: match.kind, url: url.toString() };
}

/** Slack's mrkdwn treats these three as markup. */
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const HEADLINE = 'Scope Doctor: expiry reminders';

/** One message for a batch of reminders, in the format of the webhook's chat app, as the JSON body to post. */
export function reminderMessage(kind: WebhookKind, items: readonly ExpiringItem[]): string {
  const lines = items.map(describeExpiring);
  const where = 'Open Scope Doctor in Jira settings → Apps for the timeline.';
  if (kind === 'slack') {
    return JSON.stringify({ text: [`*${HEADLINE}*`, ...lines.map((line) => `• ${slackEscape(line)}`), where].join('\n') });
  }
  // An Adaptive Card: what Teams' Workflows webhooks take, and the older connectors too.
  return JSON.stringify({
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: HEADLINE, weight: 'Bolder', size: 'Medium', wrap: true },
            ...lines.map((line) => ({ type: 'TextBlock', text: `- ${line}`, wrap: true })),
            { type: 'TextBlock', text: where, isSubtle: true, wrap: true },
          ],
        },
      },
    ],
  });
}
