import { TRIGGER_LIMIT_MS } from './limits';
import type { AppDeps } from './ports';
import { enqueueDue, type EnqueueSummary } from './recheck';
import { sendReminders, type ReminderRun } from './reminders';

/** The hourly scheduled trigger: expiry reminders first (one post at most), then the re-checks due, in what time is left. */
export async function runScheduledTrigger(deps: AppDeps): Promise<{ reminders: ReminderRun; recheck: EnqueueSummary }> {
  const started = deps.clock.now().getTime();
  const reminders = await sendReminders(deps);
  const budgetMs = TRIGGER_LIMIT_MS - (deps.clock.now().getTime() - started);
  return { reminders, recheck: await enqueueDue(deps, { budgetMs }) };
}
