/**
 * A user-defined profile from JSON (CLI file or admin page), validated field by field so a person sees
 * exactly which line of their file to fix.
 */
import { z } from 'zod';
import { findOperation } from '../catalog';
import { InputError } from '../model';
import { isRecognisedScope, suggestScope } from '../scopes';
import { utf8Length } from '../text';
import type { Profile } from './types';

/** A profile with problems: one line per bad field, in `issues` and in the message. */
export class ProfileError extends InputError {
  constructor(readonly issues: readonly string[]) {
    super(issues.join('\n'), issues[0]?.split(':')[0]);
    this.name = 'ProfileError';
  }
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export const MAX_PROFILE_BYTES = 100_000;

const scopeString = z.string().trim().min(1, 'empty scope').superRefine((scope, ctx) => {
  if (isRecognisedScope(scope)) return;
  const suggestion = suggestScope(scope);
  ctx.addIssue({
    code: 'custom',
    message: suggestion ? `unknown scope "${scope}" (did you mean ${suggestion}?)` : `unknown scope "${scope}"`,
  });
});

const operationRef = z
  .object({
    method: z.string().transform((m) => m.toUpperCase()).pipe(z.enum(METHODS, { error: `method must be one of ${METHODS.join(', ')}` })),
    path: z.string().startsWith('/rest/', 'path must start with /rest/'),
  })
  .superRefine((ref, ctx) => {
    const operation = findOperation(ref.method, ref.path);
    if (!operation) {
      ctx.addIssue({ code: 'custom', path: ['path'], message: `no Jira operation ${ref.method} ${ref.path}` });
    } else if (operation.scopeSets.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['path'],
        message: `${ref.method} ${operation.path} is for apps only: no OAuth scope or API token allows it`,
      });
    }
  });

const capability = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(120),
    description: z.string().max(1000).optional(),
    // Whoever writes a custom profile lists what they know the integration needs, so an unmarked
    // capability is required; profiles saved before the field existed keep the verdicts they had.
    certainty: z.enum(['required', 'likely'], { error: 'certainty must be required or likely' }).default('required'),
    ask: z.string().trim().min(1).max(200).optional(),
    operations: z.array(operationRef).max(200).optional(),
    scopes: z.array(scopeString).max(200).optional(),
  })
  .refine((c) => (c.operations?.length ?? 0) + (c.scopes?.length ?? 0) > 0, 'a capability needs operations or scopes');

const callbackUrl = z
  .string()
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'callback URL must be an https URL');

export const customProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be kebab-case, e.g. acme-sync').max(64),
  name: z.string().trim().min(1, 'name is required').max(120),
  vendor: z.string().trim().min(1, 'vendor is required').max(120),
  tokenKind: z.enum(['oauth', 'scoped-token', 'classic-token', 'dc-oauth'], {
    error: 'tokenKind must be oauth, scoped-token, classic-token or dc-oauth',
  }),
  summary: z.string().max(2000).default(''),
  capabilities: z.array(capability).min(1, 'at least one capability is required').max(100),
  needsOfflineAccess: z.boolean().default(false),
  callbackUrls: z.array(callbackUrl).max(20).default([]),
  callbackPattern: z
    .string()
    .trim()
    .max(500)
    .refine((value) => value.startsWith('https://') && /\{[^}]+\}|…$/.test(value), 'callbackPattern must start with https:// and hold a {placeholder} or end with …')
    .optional(),
  callbackRegions: z.record(callbackUrl, z.string().trim().min(1).max(40)).optional(),
  vendorScopes: z.array(scopeString).max(500).default([]),
  tokenScopes: z.array(scopeString).max(500).optional(),
  fixes: z
    .object({ scopedTokenBaseUrl: z.string().trim().min(1).max(500).optional(), callbackUrl: z.string().trim().min(1).max(500).optional() })
    .optional(),
  guide: z.string().max(500).optional(),
});

/** Parses and validates a custom profile (JSON text or an already-parsed value). */
export function parseCustomProfile(input: unknown): Profile {
  const value = typeof input === 'string' ? parseJson(input) : input;
  const result = customProfileSchema.safeParse(value);
  if (!result.success) {
    throw new ProfileError(result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`));
  }
  const { guide, ...profile } = result.data;
  return { ...profile, ...(guide ? { guide } : {}), source: 'custom' };
}

function parseJson(text: string): unknown {
  if (utf8Length(text) > MAX_PROFILE_BYTES) throw new InputError('profile is too large (limit 100,000 bytes)');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`profile is not valid JSON: ${whereJsonBreaks(text, error)}`);
  }
}

/**
 * Where the JSON breaks, never what is there: the parser's own message quotes the text, and a profile file
 * pointed at the wrong file would print a line of it.
 */
function whereJsonBreaks(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) {
    const before = text.slice(0, Number(position));
    const line = before.split('\n').length;
    return `the error is at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
  }
  if (/end of JSON input/.test(message)) return 'it ends before the JSON is complete';
  return text.trimStart().startsWith('{') ? 'a JSON validator or editor shows where' : 'a profile is one JSON object, starting with {';
}

/** `capabilities[2].operations[0].path`, or `profile` for the value as a whole. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'profile';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
