/**
 * The one wrapper every resolver goes through: a deadline for its checks, admin check first (unless the
 * definition says it only acts for the caller, `self`), payload validation, and mapping of errors to the ResolverResponse envelope (all but
 * Forge's consent error). Handlers below it only do their job.
 */
import type { z } from 'zod';
import { InputError } from '../../core/model';
import type { DataOf, PayloadOf, ResolverName, ResolverResponse } from '../api';
import { withDeadline } from '../core';
import { RESOLVER_CHECK_MS } from '../limits';
import type { AppDeps, ResolverContext } from '../ports';
import { ResolverError } from './errors';

export const ADMIN_ONLY_MESSAGE =
  "Scope Doctor's admin page checks the site's integrations, so it is for Jira administrators. Ask one to open it; to check your own API token, open your profile picture (top right) → Scope Doctor — my API token.";

/** A call with no person behind it (Forge sends no accountId for anonymous access): nothing here is for it. */
export const SIGNED_OUT_MESSAGE = 'Scope Doctor is for people signed in to Jira. Sign in, then open the page again.';

export type Handler<K extends ResolverName> = (payload: PayloadOf<K>, context: ResolverContext, deps: AppDeps) => Promise<DataOf<K>>;

/** Who may call a resolver: Jira admins only, or anyone signed in, acting only for themselves. */
export type Access = 'admin' | 'self';
export const ACCESS_LEVELS: readonly Access[] = ['admin', 'self'];

export interface ResolverDefinition<K extends ResolverName> {
  name: K;
  access: Access;
  run(payload: unknown, context: ResolverContext, deps: AppDeps): Promise<ResolverResponse<DataOf<K>>>;
}

/** Access has no default: a resolver that does not say who may call it does not compile. */
export function defineResolver<K extends ResolverName>(name: K, access: Access, schema: z.ZodType<PayloadOf<K>>, handler: Handler<K>): ResolverDefinition<K> {
  return {
    name,
    access,
    async run(payload, context, appDeps) {
      // Counted from the start of the call, so the checks end in time to store their result and answer.
      const deps = { ...appDeps, checkDeps: withDeadline(appDeps.checkDeps, RESOLVER_CHECK_MS) };
      try {
        if (!context.accountId) return failure('forbidden', SIGNED_OUT_MESSAGE);
        // Anything but an explicit 'self' (say, a value cast past the type) needs an admin.
        if (access !== 'self' && !(await deps.permissions.isJiraAdmin(context.accountId))) {
          return failure('forbidden', ADMIN_ONLY_MESSAGE);
        }
        const parsed = schema.safeParse(payload ?? {});
        if (!parsed.success) return invalidInput(parsed.error);
        return { ok: true, data: await handler(parsed.data, context, deps) };
      } catch (error) {
        if (needsUserConsent(error)) throw error;
        return toFailure(name, error, payload, deps);
      }
    },
  };
}

/**
 * Forge's asUser() throws this until the person allows the app to act for them, and Jira offers "Allow access"
 * only when the resolver call rejects with it. @forge/api itself recognises it by `name`; doing the same keeps
 * the resolvers, which local mode runs too, free of @forge/api (only the adapters import it).
 */
function needsUserConsent(error: unknown): boolean {
  return error instanceof Error && error.name === 'NEEDS_AUTHENTICATION_ERR';
}

function failure(code: ResolverError['code'] | 'invalid-input' | 'internal', message: string, field?: string) {
  return { ok: false as const, error: field ? { code, message, field } : { code, message } };
}

function invalidInput(error: z.ZodError) {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const reason = issue?.message ?? 'invalid value';
  return failure('invalid-input', field ? `${field}: ${reason}` : reason, field || undefined);
}

function toFailure(name: string, error: unknown, payload: unknown, deps: AppDeps) {
  if (error instanceof InputError) return failure('invalid-input', error.message, error.field);
  if (error instanceof ResolverError) return failure(error.code, error.message);
  const description = error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown';
  deps.log(`resolver ${name} failed: ${redact(description, payload)}`);
  return failure('internal', 'Something went wrong on our side. Try again; if it keeps happening, check the app logs.');
}

/** Secret fields of a payload must not reach the logs even if an error message echoes them. */
const SECRET_FIELDS = ['token', 'clientSecret', 'adminKey', 'webhookUrl'];

function redact(text: string, payload: unknown): string {
  let result = text;
  for (const value of secretValues(payload)) result = result.split(value).join('[redacted]');
  return result;
}

function secretValues(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null) return [];
  return Object.entries(payload).flatMap(([field, value]) => {
    if (typeof value === 'string' && SECRET_FIELDS.includes(field) && value.length > 0) return [value];
    return secretValues(value);
  });
}
