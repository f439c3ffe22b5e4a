/**
 * Forge entry points: the resolver behind both pages, the hourly trigger that sends expiry reminders and queues due re-checks, and the
 * queue's consumer that runs them.
 */
import Resolver from '@forge/resolver';
import { forgeDeps } from './adapters/deps';
import { consumeRecheck } from './recheck';
import { recheckEventSchema } from './resolvers/schemas';
import { invokeResolver, resolvers } from './resolvers';
import type { ResolverContext } from './ports';
import { runScheduledTrigger } from './trigger';

const resolver = new Resolver();

for (const name of Object.keys(resolvers)) {
  resolver.define(name, ({ payload, context }) => invokeResolver(name, payload, toContext(context), forgeDeps()));
}

export const handler = resolver.getDefinitions();

export async function recheck(): Promise<void> {
  const { reminders, recheck: summary } = await runScheduledTrigger(forgeDeps());
  if (reminders.sent + reminders.failed > 0) console.log(`expiry reminders: ${reminders.sent} sent, ${reminders.failed} to try again next run`);
  console.log(`daily re-check: ${summary.due} due, ${summary.queued} queued`);
}

const consumer = new Resolver();
consumer.define('recheck', async ({ payload }) => {
  // The body is what the trigger pushed; anything else is dropped, not retried.
  const event = recheckEventSchema.safeParse(payload);
  if (!event.success) return void console.error('re-check event dropped: not a re-check event');
  const outcome = await consumeRecheck(event.data, forgeDeps());
  console.log(`re-check of ${event.data.kind}: ${outcome}`);
});

/** The `recheck-consumer` function of the queue's consumer module. */
export const recheckConsumer = consumer.getDefinitions();

function toContext(context: Record<string, unknown>): ResolverContext {
  return {
    accountId: stringField(context, 'accountId'),
    cloudId: stringField(context, 'cloudId'),
    siteUrl: stringField(context, 'siteUrl'),
    moduleKey: stringField(context, 'moduleKey'),
  };
}

function stringField(context: Record<string, unknown>, field: string): string {
  const value = context[field];
  return typeof value === 'string' ? value : '';
}
