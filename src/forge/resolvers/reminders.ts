import { z } from 'zod';
import { expiringItems } from '../expiring';
import { reminderSettings, saveReminderWebhook } from '../reminders';
import { defineResolver } from './define';
import { noPayload } from './schemas';

export const listExpiring = defineResolver('listExpiring', 'admin', noPayload, async (_payload, _context, deps) => expiringItems(deps));

export const getReminderSettings = defineResolver('getReminderSettings', 'admin', noPayload, async (_payload, _context, deps) => reminderSettings(deps));

export const saveReminderSettings = defineResolver(
  'saveReminderSettings',
  'admin',
  z.object({ webhookUrl: z.string().max(2000, 'a webhook URL is shorter than 2,000 characters') }),
  async ({ webhookUrl }, context, deps) => saveReminderWebhook(webhookUrl, context.accountId, deps),
);
