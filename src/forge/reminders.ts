/**
 * Expiry reminders to a chat incoming webhook, sent by the scheduled trigger only. One reminder per item,
 * expiry date and threshold, ever: its key is claimed before the post, released if the post failed (so the
 * next run tries again) and kept once the chat app took it (so it never goes twice).
 */
import { reminderThreshold, type ExpiringItem } from '../core/expiry';
import { parseWebhookUrl, reminderMessage, type WebhookKind } from '../core/expiry/webhook';
import { secretEnding, secretHintOf } from '../core/secret-hint';
import type { ReminderSettings } from './api';
import { expiringItems } from './expiring';
import type { AppDeps } from './ports';
import { keys, secretKeys } from './storage/keys';

/** Items in one message: enough for a busy day, short enough to read; the rest go in the next run's. */
export const REMINDERS_PER_MESSAGE = 20;

interface StoredReminderSettings {
  kind: WebhookKind;
  endsWith?: string;
  updatedAt: string;
  updatedBy: string;
}

export async function reminderSettings(deps: AppDeps): Promise<ReminderSettings> {
  const stored = await deps.store.get<StoredReminderSettings>(keys.reminderSettings);
  if (!stored) return { webhook: { set: false } };
  return {
    webhook: secretHintOf(true, stored.endsWith),
    kind: stored.kind,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
  };
}

/** Stores the webhook URL as a secret (checked against the allowed hosts first); an empty one removes it. */
export async function saveReminderWebhook(webhookUrl: string, accountId: string, deps: AppDeps): Promise<ReminderSettings> {
  if (webhookUrl.trim() === '') {
    await deps.secrets.deleteSecret(secretKeys.reminderWebhook);
    await deps.store.delete(keys.reminderSettings);
    return reminderSettings(deps);
  }
  const target = parseWebhookUrl(webhookUrl);
  await deps.secrets.setSecret(secretKeys.reminderWebhook, target.url);
  const endsWith = secretEnding(target.url, 4);
  await deps.store.set<StoredReminderSettings>(keys.reminderSettings, {
    kind: target.kind,
    ...(endsWith ? { endsWith } : {}),
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: accountId,
  });
  return reminderSettings(deps);
}

export interface ReminderRun {
  /** Items this run told the chat about. */
  sent: number;
  /** Items whose post failed: tried again next run. */
  failed: number;
}

const sentKey = (item: ExpiringItem, threshold: number) => keys.reminderSent(`${item.kind}:${item.id}`, item.date, threshold);

/** Posts one message with the items that reached a threshold since their last reminder; none without a webhook. */
export async function sendReminders(deps: AppDeps): Promise<ReminderRun> {
  const stored = await deps.secrets.getSecret(secretKeys.reminderWebhook);
  const settings = await deps.store.get<StoredReminderSettings>(keys.reminderSettings);
  if (!stored || !settings) return { sent: 0, failed: 0 };
  const claimed: { item: ExpiringItem; key: string }[] = [];
  for (const item of await expiringItems(deps)) {
    if (claimed.length === REMINDERS_PER_MESSAGE) break;
    const threshold = reminderThreshold(item.state);
    if (threshold === undefined) continue;
    const key = sentKey(item, threshold);
    if (await deps.store.claim(key)) claimed.push({ item, key });
  }
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const delivered = await post(
    deps,
    stored,
    reminderMessage(
      settings.kind,
      claimed.map(({ item }) => item),
    ),
  );
  if (delivered) return { sent: claimed.length, failed: 0 };
  for (const { key } of claimed) await deps.store.delete(key);
  return { sent: 0, failed: claimed.length };
}

async function post(deps: AppDeps, url: string, body: string): Promise<boolean> {
  try {
    const { status } = await deps.notifier.post(url, body);
    if (status >= 200 && status < 300) return true;
    deps.log(`expiry reminder not taken: the webhook answered ${status}`);
  } catch (error) {
    // The URL is a credential: only the error's name goes to the log.
    deps.log(`expiry reminder not sent: ${error instanceof Error ? error.name : 'error'}`);
  }
  return false;
}
