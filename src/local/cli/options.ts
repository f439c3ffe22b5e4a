/**
 * Every option each command's parser accepts, declared once: run.ts parses with these, completion offers
 * them, and a test holds each command's help to naming exactly these.
 */
import type { ParseArgsConfig } from 'node:util';

type CommandOptions = NonNullable<ParseArgsConfig['options']>;

const COMMON = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
const HELP = { help: COMMON.help } as const;
const PROFILE = { profile: { type: 'string' }, 'profile-file': { type: 'string' } } as const;
const TIMEOUT = { timeout: { type: 'string' } } as const;

/** Keyed by command, or by "command subcommand" where a subcommand takes options of its own. */
export const COMMAND_OPTIONS = {
  'scopes lint': { ...COMMON, ...PROFILE },
  'scopes for': {
    ...COMMON,
    'profile-out': { type: 'string' },
    'profile-id': { type: 'string' },
    vendor: { type: 'string' },
    'token-kind': { type: 'string' },
  },
  coverage: { ...COMMON, ...PROFILE, scopes: { type: 'string' } },
  profiles: COMMON,
  checks: COMMON,
  'cloud-id': { ...COMMON, ...TIMEOUT },
  token: { ...COMMON, ...PROFILE, ...TIMEOUT, site: { type: 'string' }, email: { type: 'string' }, expires: { type: 'string' } },
  oauth: { ...COMMON, ...PROFILE, ...TIMEOUT, 'client-id': { type: 'string' }, callback: { type: 'string' }, scopes: { type: 'string' } },
  dc: {
    ...COMMON,
    ...PROFILE,
    ...TIMEOUT,
    'base-url': { type: 'string' },
    'client-id': { type: 'string' },
    callback: { type: 'string' },
    scopes: { type: 'string' },
  },
  explain: { ...COMMON, ...PROFILE, ...TIMEOUT, site: { type: 'string' }, scopes: { type: 'string' } },
  tokens: { ...COMMON, ...TIMEOUT, org: { type: 'string' } },
  doctor: { ...COMMON, ...TIMEOUT, config: { type: 'string' } },
  completion: HELP,
  export: { ...HELP, format: { type: 'string' }, out: { type: 'string' } },
  emulator: { ...HELP, port: { type: 'string' } },
  start: HELP,
} as const satisfies Record<string, CommandOptions>;

/** A command's own options as typed (`--profile-file`), its subcommands' included, sorted. */
export function optionsOf(command: string): string[] {
  const names = Object.entries(COMMAND_OPTIONS)
    .filter(([key]) => key === command || key.startsWith(`${command} `))
    .flatMap(([, options]) => Object.keys(options).map((name) => `--${name}`));
  return [...new Set(names)].sort();
}
