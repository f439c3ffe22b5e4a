/**
 * Forge entry points: the resolver behind both pages, and the daily re-check trigger.
 */
import Resolver from '@forge/resolver';
import { forgeDeps } from './adapters/deps';
import { recheckAll } from './recheck';
import { invokeResolver, resolvers } from './resolvers';
import type { ResolverContext } from './ports';

const resolver = new Resolver();

for (const name of Object.keys(resolvers)) {
  resolver.define(name, ({ payload, context }) => invokeResolver(name, payload, toContext(context), forgeDeps()));
}

export const handler = resolver.getDefinitions();

export async function recheck(): Promise<void> {
  const summary = await recheckAll(forgeDeps());
  console.log(`daily re-check: ${summary.checked} checked, ${summary.failed} failed, finished=${summary.finished}`);
}

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
