/**
 * The `scope-doctor doctor` config: YAML or JSON listing connections (OAuth 2.0 apps), tokens (by environment
 * variable name), profile files, sites and organizations. Validated whole, one line per bad field, and
 * secrets are never accepted in it — only the names of the variables that hold them.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { InputError } from '../../core/model';

const MAX_CONFIG_CHARS = 256 * 1024;
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
/** Keys that would hold a secret itself: refused with the variable to name instead. */
const SECRET_KEYS: Record<string, string> = {
  token: 'tokenEnv',
  apiToken: 'tokenEnv',
  clientSecret: 'clientSecretEnv',
  secret: 'clientSecretEnv',
  key: 'keyEnv',
  adminKey: 'keyEnv',
  password: 'tokenEnv',
};

/** A missing field and a field of the wrong type are different mistakes: say which. */
const required = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? `${what} is required` : `${what} must be text`) });
const envName = z.string(required('the environment variable name')).regex(ENV_NAME, 'must be an environment variable name, e.g. KENDIS_TOKEN');
const text = (what: string) => z.string(required(what)).trim().min(1, `${what} must not be empty`).max(2000);
/** A scope list as a list, or as one string in any form scope lists are pasted. */
const scopes = z.union([text('scopes'), z.array(text('each scope')).min(1)]).transform((value) => (Array.isArray(value) ? value.join('\n') : value));
const profileRef = {
  profile: text('profile').optional(),
  profileFile: text('profileFile').optional(),
};
const oneProfile = (value: { profile?: string; profileFile?: string }) => !(value.profile && value.profileFile);
const PROFILE_CHOICE = { message: 'give profile or profileFile, not both' };

const connection = z
  .strictObject({
    name: text('name'),
    clientId: text('clientId'),
    clientSecretEnv: envName.optional(),
    callback: text('callback').optional(),
    scopes,
    ...profileRef,
  })
  .refine(oneProfile, PROFILE_CHOICE);

const token = z
  .strictObject({
    name: text('name').optional(),
    site: text('site'),
    email: text('email'),
    tokenEnv: envName,
    expires: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expires must be YYYY-MM-DD')
      .optional(),
    ...profileRef,
  })
  .refine(oneProfile, PROFILE_CHOICE);

const site = z
  .union([text('site'), z.strictObject({ site: text('site'), cloudId: text('cloudId').optional() })])
  .transform((value) => (typeof value === 'string' ? { site: value } : value));
const profileFile = z
  .union([text('profile file'), z.strictObject({ file: text('file') })])
  .transform((value) => (typeof value === 'string' ? value : value.file));
const organization = z.strictObject({ name: text('name').optional(), id: text('id'), keyEnv: envName });

const configSchema = z
  .strictObject({
    connections: z.array(connection).max(100).default([]),
    tokens: z.array(token).max(100).default([]),
    profiles: z.array(profileFile).max(100).default([]),
    sites: z.array(site).max(100).default([]),
    organizations: z.array(organization).max(20).default([]),
  })
  .refine(
    (c) => c.connections.length + c.tokens.length + c.profiles.length + c.sites.length + c.organizations.length > 0,
    'the config lists no check: add connections, tokens, profiles, sites or organizations',
  );

export type DoctorConfig = z.infer<typeof configSchema>;
export type ConnectionEntry = DoctorConfig['connections'][number];
export type TokenEntry = DoctorConfig['tokens'][number];

/** A config with problems: one line per bad field, in `issues` and in the message. */
export class ConfigError extends InputError {
  constructor(readonly issues: readonly string[]) {
    super(issues.join('\n'), 'config');
    this.name = 'ConfigError';
  }
}

/** Parses YAML (JSON is YAML too) and validates it; throws ConfigError listing every problem. */
export function parseDoctorConfig(source: string): DoctorConfig {
  if (source.length > MAX_CONFIG_CHARS) throw new ConfigError([`config: too large (limit ${MAX_CONFIG_CHARS} characters)`]);
  const document = parseDocument(source, { uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ConfigError(
      document.errors.map((error) => {
        const at = error.linePos?.[0];
        // The message's first line ends with its own "at line …, column …:"; the position leads here instead.
        const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        return `config${at ? ` line ${at.line}, column ${at.col}` : ''}: ${message}`;
      }),
    );
  }
  const value: unknown = document.toJS();
  const secrets = secretKeysIn(value, []);
  const result = configSchema.safeParse(value ?? {});
  const issues = [
    ...secrets,
    ...(result.success ? [] : result.error.issues.filter((issue) => !isSecretKeyIssue(issue)).map((issue) => `${formatPath(issue.path)}: ${issue.message}`)),
  ];
  if (issues.length > 0 || !result.success) throw new ConfigError(issues.length ? issues : ['config: not valid']);
  return result.data;
}

/** The variables the config names, with where: all must be set before anything runs. */
export function environmentNeeded(config: DoctorConfig): { variable: string; field: string }[] {
  return [
    ...config.connections.flatMap((c, i) => (c.clientSecretEnv ? [{ variable: c.clientSecretEnv, field: `connections[${i}].clientSecretEnv` }] : [])),
    ...config.tokens.map((t, i) => ({ variable: t.tokenEnv, field: `tokens[${i}].tokenEnv` })),
    ...config.organizations.map((o, i) => ({ variable: o.keyEnv, field: `organizations[${i}].keyEnv` })),
  ];
}

function secretKeysIn(value: unknown, path: (string | number)[]): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => secretKeysIn(item, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const instead = SECRET_KEYS[key];
    const here = [...path, key];
    return instead
      ? [`${formatPath(here)}: a secret does not belong in a config file; put it in an environment variable and name it in ${instead}`]
      : secretKeysIn(inner, here);
  });
}

/** The strict schema also objects to a secret key; that one is already said better. */
function isSecretKeyIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'unrecognized_keys' && issue.keys.every((key) => key in SECRET_KEYS);
}

/** `tokens[2].tokenEnv`, or `config` for the whole. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'config';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}
