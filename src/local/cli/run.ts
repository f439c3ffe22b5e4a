import { parseArgs } from 'node:util';
import { access, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  checkDataCenter,
  checkOAuthClient,
  checkToken,
  listOrgTokens,
  lookupCloudId,
  parseDataCenterBaseUrl,
  requireOrgId,
  requireCloudProfile,
  requireDataCenterProfile,
  withDeadline,
  type CheckDeps,
} from '../../core/checks';
import { parseSite } from '../../core/atlassian';
import { analyzeCoverage } from '../../core/scope-coverage';
import { explainText, isCloudIdShape, MAX_EXPLAIN_CHARS, type ExplainContext } from '../../core/explain';
import { leastPrivilegeFromText, profileFromTraffic } from '../../core/least-privilege';
import { InputError, makeReport, worstStatus, type Report } from '../../core/model';
import { emulatorHosts, realAtlassianHosts, type FetchLike } from '../../core/ports';
import { builtinProfiles, describeProfile, parseCustomProfile, ProfileError, requireProfile, scopeLintOptions, type Profile } from '../../core/profiles';
import { parseScopeList } from '../../core/scopes';
import { coverageResults } from '../../core/checks/coverage-results';
import { scopeListResults } from '../../core/checks/scope-list';
import { listChecks, RUNNER_RESULTS } from '../../core/checks/catalog';
import { EXIT, exitCodeFor, maskSecrets, renderReport } from './render';
import { COMMAND_HELP, USAGE, VERSION } from './usage';
import { renderExplain, renderLeastPrivilege } from './render-traffic';
import { renderTokenInventory } from './render-tokens';
import { renderProfile } from './render-profiles';
import { renderChecks } from './render-checks';
import { ConfigError, environmentNeeded, parseDoctorConfig } from '../doctor/config';
import { Progress, type ProgressSink } from '../doctor/progress';
import { checkLabel, progressLine, summaryTable } from '../doctor/render';
import { planChecks, runChecks, type DoctorOutcome } from '../doctor/run';
import { styleText, takeStyleOptions, type OutputStyle } from './style';
import { completionScript } from './completion';
import { COMMAND_OPTIONS } from './options';

export const TOKEN_ENV = 'SCOPE_DOCTOR_TOKEN';
export const SECRET_ENV = 'SCOPE_DOCTOR_CLIENT_SECRET';
export const ATLASSIAN_URL_ENV = 'SCOPE_DOCTOR_ATLASSIAN_URL';
export const ADMIN_KEY_ENV = 'SCOPE_DOCTOR_ADMIN_KEY';
export const DATA_DIR_ENV = 'SCOPE_DOCTOR_DATA_DIR';
const MAX_PROFILE_FILE_BYTES = 256 * 1024;
/** As long as a check from the Forge pages may take in all, so the CLI and the app tell the same. */
export const DEFAULT_TIMEOUT_SECONDS = 25;
const MAX_TIMEOUT_SECONDS = 3600;
/** A profile with more problems than this is better fixed from the top. */
const MAX_ISSUES_SHOWN = 20;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  readStdin(): Promise<string>;
  /** Undefined when there is no terminal to ask on. */
  promptSecret?: (question: string) => Promise<string>;
  fetch: FetchLike;
  /** Raw writes (no newline added) and whether each stream is a terminal: progress lines and spinners. */
  terminal?: { stdout: ProgressSink; stderr: ProgressSink };
  /** Runs the emulator until the process is told to stop. */
  serveEmulator(port: number | undefined, announce: (url: string) => void): Promise<void>;
  runStart(): Promise<void>;
}

/** A mistake in how the command was called (exit 2). */
class UsageError extends Error {}

/** Runs one command line and returns the exit code. Never throws: every error becomes one line on stderr. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const secrets: string[] = [];
  const { args, style } = takeStyleOptions(argv, io.env, io.terminal?.stdout.tty === true);
  const out = (text: string) => io.out(styleText(maskSecrets(text, secrets), style));
  try {
    const [command, ...rest] = args;
    const topic = command === 'help' && rest[0] ? COMMAND_HELP[rest[0]] : undefined;
    if (topic) {
      out(topic);
      return EXIT.ok;
    }
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      out(USAGE);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === '--version' || command === '-v') {
      out(VERSION);
      return EXIT.ok;
    }
    const context: Context = { io, out, secrets, style };
    const handler = COMMANDS[command];
    if (!handler) throw new UsageError(`unknown command "${command.slice(0, 40)}"; run scope-doctor --help`);
    refuseSecretArguments(rest);
    if (rest.includes('--help') || rest.includes('-h')) {
      out(COMMAND_HELP[command] ?? USAGE);
      return EXIT.ok;
    }
    return await handler(rest, context);
  } catch (error) {
    const listed = error instanceof ProfileError ? 'profile' : error instanceof ConfigError ? 'config' : undefined;
    if (listed && (error as ProfileError | ConfigError).issues.length > 1) {
      // One line per bad field, so a custom profile or a doctor config can be fixed in one go.
      const { issues } = error as ProfileError | ConfigError;
      io.err(`scope-doctor: the ${listed} has ${issues.length} problems:`);
      for (const issue of issues.slice(0, MAX_ISSUES_SHOWN)) io.err(`  - ${oneLine(issue)}`);
      return EXIT.usage;
    }
    if (error instanceof InputError || error instanceof UsageError) {
      io.err(`scope-doctor: ${oneLine(maskSecrets(error.message, secrets))}`);
      return EXIT.usage;
    }
    if (isParseArgsError(error)) {
      io.err(`scope-doctor: ${oneLine(error.message)}; run scope-doctor --help`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`scope-doctor: unexpected error: ${oneLine(maskSecrets(message, secrets))}`);
    return EXIT.unknown;
  }
}

interface Context {
  io: CliIo;
  out: (text: string) => void;
  /** Secrets read so far, masked in anything printed. */
  secrets: string[];
  style: OutputStyle;
}

type Command = (args: string[], context: Context) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  scopes: scopesCommand,
  coverage: coverageCommand,
  profiles: profilesCommand,
  checks: checksCommand,
  'cloud-id': cloudIdCommand,
  token: tokenCommand,
  oauth: oauthCommand,
  dc: dataCenterCommand,
  explain: explainCommand,
  tokens: tokensCommand,
  doctor: doctorCommand,
  completion: completionCommand,
  export: exportCommand,
  emulator: emulatorCommand,
  start: startCommand,
};

async function scopesCommand(args: string[], context: Context): Promise<number> {
  if (args[0] === 'for') return scopesForCommand(args.slice(1), context);
  const { io, out } = context;
  const { values, positionals } = parseArgs({ args, options: COMMAND_OPTIONS['scopes lint'], allowPositionals: true, strict: true });
  const [sub, ...items] = positionals;
  if (sub !== 'lint') throw new UsageError('usage: scope-doctor scopes lint [--profile ID] [SCOPES… | -], or scope-doctor scopes for [FILE | -]');
  const profile = await loadProfile(values.profile, values['profile-file'], false);
  const text = items.length === 1 && items[0] === '-' ? await io.readStdin() : items.join('\n');
  requireText(text, 'scopes');
  const parsed = parseScopeList(text, scopeLintOptions(profile));
  // Lint judges the entries as typed: a console or an authorize URL refuses a capital or a stray space.
  const results = scopeListResults('scopes', parsed.scopes, parsed.findings, { asWritten: true });
  const report = makeReport('scope list', results, new Date());
  if (values.json) out(JSON.stringify({ ...report, scopes: parsed.scopes, findings: parsed.findings }, null, 2));
  else out(renderReport(`Scope list (${parsed.scopes.length} recognised): ${parsed.scopes.join(' ')}`, report).join('\n'));
  return exitCodeFor(report.verdict);
}

/** The fewest scopes for the requests in a file (or stdin); with --profile-out, a custom profile of them. */
async function scopesForCommand(args: string[], { io, out }: Context): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: COMMAND_OPTIONS['scopes for'], allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('usage: scope-doctor scopes for FILE, or - to read stdin');
  const source = positionals[0]!;
  const text = source === '-' ? await io.readStdin() : await readTextFile(source, 'traffic file', MAX_EXPLAIN_CHARS);
  const tokenKind = values['token-kind'] ?? 'oauth';
  if (tokenKind !== 'oauth' && tokenKind !== 'scoped-token') throw new UsageError('--token-kind must be oauth or scoped-token');
  const now = new Date();
  const report = leastPrivilegeFromText(requireText(text, source === '-' ? 'stdin' : source), now);
  let profileOut: string | undefined;
  if (values['profile-out'] !== undefined) {
    profileOut = requireText(values['profile-out'], '--profile-out');
    const vendor = values.vendor?.trim() || 'My vendor';
    const id = values['profile-id']?.trim() || 'observed-traffic';
    const json = JSON.stringify(profileFromTraffic(report, { id, name: `${vendor} (from traffic)`, vendor, tokenKind }, now), null, 2);
    // Written only once it reads back as a valid profile, and never over an existing file.
    parseCustomProfile(json);
    await writeNewFile(profileOut, `${json}\n`);
  }
  if (values.json) out(JSON.stringify({ ...report, ...(profileOut ? { profileOut } : {}) }, null, 2));
  else {
    const lines = renderLeastPrivilege(report);
    if (profileOut) lines.push(`Wrote a custom profile to ${profileOut}: use it with --profile-file ${profileOut}, or paste it on the admin page.`);
    out(lines.join('\n'));
  }
  return exitCodeFor(report.verdict);
}

async function coverageCommand(args: string[], { out }: Context): Promise<number> {
  const { values } = parseArgs({ args, options: COMMAND_OPTIONS.coverage, strict: true });
  const profile = await loadProfile(values.profile, values['profile-file'], true);
  const text = requireText(values.scopes, '--scopes');
  const parsed = parseScopeList(text, scopeLintOptions(profile));
  const coverage = analyzeCoverage(profile, parsed.scopes);
  const results = [
    ...scopeListResults('scopes', parsed.scopes, parsed.findings),
    ...coverageResults('coverage', coverage, (missing) => `Add ${missing.join(', ')}`),
  ];
  const report = makeReport(profile.name, results, new Date());
  if (values.json) out(JSON.stringify({ ...report, ...coverage, verdict: report.verdict, findings: parsed.findings }, null, 2));
  else {
    const lines = renderReport(`${profile.name} (${profile.id})`, report);
    for (const capability of coverage.capabilities) {
      // A likely capability that falls short is a question for the vendor, not a failure.
      const mark = capability.covered ? '✓' : capability.certainty === 'likely' ? '!' : '✗';
      const likely = capability.certainty === 'likely' ? ' (likely)' : '';
      lines.push(`    ${mark} ${capability.name}${likely}${capability.missing.length ? `: add ${capability.missing.join(', ')}` : ''}`);
    }
    out(lines.join('\n'));
  }
  return exitCodeFor(report.verdict);
}

async function profilesCommand(args: string[], { out }: Context): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: COMMAND_OPTIONS.profiles, allowPositionals: true, strict: true });
  const [sub, ...rest] = positionals;
  if (sub === 'validate' && rest.length === 1) return validateProfileFile(rest[0]!, values.json, out);
  if (sub === 'show' && rest.length === 1) {
    // A built-in id, or a file vendors ship.
    const profile = /[/\\]|\.json$/i.test(rest[0]!) ? parseCustomProfile(await readProfileFile(rest[0]!)) : requireProfile(rest[0]!);
    const description = describeProfile(profile);
    out(values.json ? JSON.stringify(description, null, 2) : renderProfile(description).join('\n'));
    return EXIT.ok;
  }
  if (sub !== undefined) throw new UsageError('usage: scope-doctor profiles [--json], profiles validate FILE, or profiles show ID|FILE');
  if (values.json) out(JSON.stringify(builtinProfiles, null, 2));
  else out(builtinProfiles.map((p) => `${p.id.padEnd(28)} ${p.tokenKind.padEnd(13)} ${p.name}`).join('\n'));
  return EXIT.ok;
}

/** Every check Scope Doctor has, with the result ids each can produce. */
async function checksCommand(args: string[], { out }: Context): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: COMMAND_OPTIONS.checks, allowPositionals: true, strict: true });
  if (positionals.length) throw new UsageError('usage: scope-doctor checks [--json]');
  const checks = listChecks();
  out(values.json ? JSON.stringify({ checks, runnerResults: RUNNER_RESULTS }, null, 2) : renderChecks(checks, RUNNER_RESULTS).join('\n'));
  return EXIT.ok;
}

/**
 * A profile file as a vendor would ship it: every problem on its own line (exit 1), or valid — and then
 * whether the guide's own scope list covers its required capabilities.
 */
async function validateProfileFile(path: string, json: boolean | undefined, out: (text: string) => void): Promise<number> {
  const text = await readProfileFile(path);
  let results: Report['results'];
  let profile: Profile | undefined;
  try {
    profile = parseCustomProfile(text);
    const operations = profile.capabilities.reduce((n, c) => n + (c.operations?.length ?? 0), 0);
    results = [
      {
        id: 'profile.valid',
        title: `Valid profile ${profile.id}: ${profile.capabilities.length} capabilities, ${operations} operations`,
        status: 'pass',
        detail: profile.name,
      },
    ];
    if (profile.vendorScopes.length > 0 && profile.tokenKind !== 'dc-oauth') {
      const coverage = analyzeCoverage(profile, profile.vendorScopes);
      results.push(
        ...coverageResults(
          'profile.vendor-scopes',
          coverage,
          (missing) => `Add ${missing.join(', ')} to vendorScopes, or correct the capabilities that need them`,
        ).filter((r) => r.status !== 'pass' && r.id !== 'profile.vendor-scopes.vendor-listed'),
      );
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const issues = error instanceof ProfileError ? error.issues : [error.message];
    results = issues.map((issue, i) => ({ id: `profile.issue.${i}`, title: issue, status: 'fail', detail: 'Not a valid profile.' }));
  }
  const report = makeReport(path, results, new Date());
  out(json ? JSON.stringify({ ...report, ...(profile ? { profileId: profile.id } : {}) }, null, 2) : renderReport(path, report).join('\n'));
  return exitCodeFor(report.verdict);
}

async function cloudIdCommand(args: string[], context: Context): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: COMMAND_OPTIONS['cloud-id'], allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('usage: scope-doctor cloud-id SITE');
  const seconds = timeoutSeconds(values.timeout);
  const report = await lookupCloudId(checkDeps(context.io, seconds), positionals[0] as string);
  return print(context, report, `${report.site}${report.cloudId ? `  (Cloud ID ${report.cloudId})` : ''}`, values.json);
}

async function tokenCommand(args: string[], context: Context): Promise<number> {
  const { values } = parseArgs({ args, options: COMMAND_OPTIONS.token, strict: true });
  // Everything that can be refused is refused before the token is asked for.
  const seconds = timeoutSeconds(values.timeout);
  const site = parseSite(requireText(values.site, '--site'));
  const email = requireText(values.email, '--email');
  const profile = await loadProfile(values.profile, values['profile-file'], false);
  requireCloudProfile(profile);
  const token = await readSecret(context, TOKEN_ENV, `API token for ${email}: `);
  const report = await checkToken(checkDeps(context.io, seconds), { site, email, token, profile, expiresOn: values.expires });
  return print(context, report, `${report.site}${report.cloudId ? `  (Cloud ID ${report.cloudId})` : ''}`, values.json);
}

async function oauthCommand(args: string[], context: Context): Promise<number> {
  const { values } = parseArgs({ args, options: COMMAND_OPTIONS.oauth, strict: true });
  const seconds = timeoutSeconds(values.timeout);
  const clientId = requireText(values['client-id'], '--client-id');
  const scopes = requireText(values.scopes, '--scopes');
  const profile = await loadProfile(values.profile, values['profile-file'], false);
  requireCloudProfile(profile);
  const clientSecret = await readSecret(context, SECRET_ENV, `Client secret for ${clientId}: `);
  const report = await checkOAuthClient(checkDeps(context.io, seconds), { clientId, clientSecret, callbackUrl: values.callback, scopes, profile });
  return print(context, report, `OAuth 2.0 app ${clientId}${profile ? `  (${profile.name})` : ''}`, values.json);
}

/**
 * Jira Data Center: the customer's own server, never an Atlassian host. The personal access token is
 * optional (only from the environment); the client secret is asked for only when --client-id is given.
 */
async function dataCenterCommand(args: string[], context: Context): Promise<number> {
  const { values } = parseArgs({ args, options: COMMAND_OPTIONS.dc, strict: true });
  // Everything that can be refused is refused before a secret is asked for.
  const seconds = timeoutSeconds(values.timeout);
  const baseUrl = parseDataCenterBaseUrl(requireText(values['base-url'], '--base-url'));
  const profile = await loadProfile(values.profile, values['profile-file'], false);
  requireDataCenterProfile(profile);
  const clientId = values['client-id'] === undefined ? undefined : requireText(values['client-id'], '--client-id');
  const token = optionalSecret(context, context.io.env[TOKEN_ENV]);
  if (!clientId && !token && values.callback === undefined && values.scopes === undefined) {
    throw new UsageError(`nothing to check: give --client-id, --callback or --scopes, or set ${TOKEN_ENV} to a personal access token`);
  }
  const fromEnv = optionalSecret(context, context.io.env[SECRET_ENV]);
  const clientSecret =
    clientId && !fromEnv && context.io.promptSecret ? optionalSecret(context, await context.io.promptSecret(`Client secret for ${clientId}: `)) : fromEnv;
  const deps = withDeadline({ fetch: context.io.fetch, hosts: realAtlassianHosts }, seconds * 1000);
  const report = await checkDataCenter(deps, {
    baseUrl,
    clientId,
    clientSecret: clientId ? clientSecret : undefined,
    callbackUrl: values.callback,
    token,
    scopes: values.scopes,
    profile,
  });
  return print(context, report, `Jira Data Center ${report.baseUrl}${profile ? `  (${profile.name})` : ''}`, values.json);
}

/**
 * Explains pasted requests offline; only `--site` with a site name reaches Atlassian, for its Cloud ID.
 * The paste may hold credentials: nothing of it is printed but method, host and path.
 */
async function explainCommand(args: string[], context: Context): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: COMMAND_OPTIONS.explain, allowPositionals: true, strict: true });
  const profile = await loadProfile(values.profile, values['profile-file'], false);
  const text = positionals.length === 1 && positionals[0] === '-' ? await context.io.readStdin() : positionals.join(' ');
  requireText(text, 'a request (a URL, "METHOD URL", a curl command, a log line, or - to read stdin)');
  const explainContext: ExplainContext = { ...(profile ? { profile } : {}) };
  if (values.scopes !== undefined) {
    const parsed = parseScopeList(requireText(values.scopes, '--scopes'), scopeLintOptions(profile));
    explainContext.granted = { scopes: parsed.scopes, source: 'the scopes given' };
  }
  const siteResults: Report['results'] = [];
  if (values.site !== undefined) {
    const site = requireText(values.site, '--site');
    if (isCloudIdShape(site)) explainContext.site = { cloudId: site.toLowerCase() };
    else {
      const lookup = await lookupCloudId(checkDeps(context.io, timeoutSeconds(values.timeout)), site);
      explainContext.site = { host: lookup.site, ...(lookup.cloudId ? { cloudId: lookup.cloudId } : {}) };
      // A failed lookup is reported (unknown, or no such site); a found Cloud ID is used, not repeated.
      if (!lookup.cloudId) siteResults.push(...lookup.results);
    }
  }
  const explained = explainText(text, explainContext, new Date());
  const report = siteResults.length
    ? { ...explained, results: [...siteResults, ...explained.results], verdict: worstStatus([explained.verdict, ...siteResults.map((r) => r.status)]) }
    : explained;
  context.out(values.json ? JSON.stringify(report, null, 2) : renderExplain(report).join('\n'));
  return exitCodeFor(report.verdict);
}

/** The organization's API tokens, flagged; the admin key comes from the environment or a hidden prompt only. */
async function tokensCommand(args: string[], context: Context): Promise<number> {
  const { values } = parseArgs({ args, options: COMMAND_OPTIONS.tokens, strict: true });
  const orgId = requireOrgId(requireText(values.org, '--org'));
  const adminKey = await readSecret(context, ADMIN_KEY_ENV, `Organization API key for ${orgId}: `);
  const report = await listOrgTokens(checkDeps(context.io, timeoutSeconds(values.timeout)), { orgId, adminKey });
  context.out(values.json ? JSON.stringify(report, null, 2) : renderTokenInventory(report).join('\n'));
  return exitCodeFor(report.verdict);
}

/** Every check a config lists, one progress line each, then a summary table; the worst verdict decides the exit. */
async function doctorCommand(args: string[], context: Context): Promise<number> {
  const { io } = context;
  const { values } = parseArgs({ args, options: COMMAND_OPTIONS.doctor, strict: true });
  const path = requireText(values.config, '--config');
  const config = parseDoctorConfig(await readTextFile(path, 'config file', MAX_PROFILE_FILE_BYTES));
  const deps = {
    checks: checkDeps(io, timeoutSeconds(values.timeout)),
    env: io.env,
    readFile: (file: string) => readFile(file, 'utf8'),
    configDir: dirname(resolve(path)),
    now: () => new Date(),
  };
  const checks = await planChecks(config, deps);
  for (const { variable } of environmentNeeded(config)) optionalSecret(context, io.env[variable]);
  // Progress goes where the person looks: stdout, unless stdout is JSON for a program; --quiet has none.
  const sink = context.style.quiet ? undefined : values.json ? io.terminal?.stderr : io.terminal?.stdout;
  const progress = sink ? new Progress({ tty: sink.tty, write: (text) => sink.write(maskSecrets(text, context.secrets)) }) : undefined;
  const line = (outcome: DoctorOutcome) => styleText(progressLine(outcome), { ...context.style, color: context.style.color && !values.json });
  const outcomes = await runChecks(
    checks,
    () => new Date(),
    (check) => progress?.start(checkLabel(check)),
    (outcome) => progress?.done(line(outcome)),
  );
  const verdict = worstStatus(outcomes.map((o) => o.verdict));
  if (values.json) context.out(JSON.stringify({ verdict, checkedAt: new Date().toISOString(), checks: outcomes }, null, 2));
  else context.out(['', ...summaryTable(outcomes)].join('\n'));
  return exitCodeFor(verdict);
}

async function completionCommand(args: string[], { io }: Context): Promise<number> {
  const { positionals } = parseArgs({ args, options: COMMAND_OPTIONS.completion, allowPositionals: true, strict: true });
  const shell = positionals[0];
  if (positionals.length !== 1 || (shell !== 'bash' && shell !== 'zsh' && shell !== 'fish'))
    throw new UsageError('usage: scope-doctor completion bash|zsh|fish');
  // Written as is: a script must not pass through the marks' colouring or --quiet.
  io.out(completionScript(shell));
  return EXIT.ok;
}

/**
 * What `scope-doctor start` keeps, as the admin page's export: read only, so it runs beside a running start.
 * The local store is the demo site's, so that is the site the export names.
 */
async function exportCommand(args: string[], { io, out }: Context): Promise<number> {
  const { values } = parseArgs({ args, options: COMMAND_OPTIONS.export, strict: true });
  const format = values.format;
  if (format !== 'csv' && format !== 'json') throw new UsageError('--format must be csv or json');
  const outPath = values.out === undefined ? undefined : requireText(values.out, '--out');
  // Loaded here, not at the top: no other command needs the app's storage and export code.
  const [{ DEFAULT_DATA_DIR, openFileStorage }, { demoContext }, { exportWhole }] = await Promise.all([
    import('../adapters/file-store'),
    import('../deps'),
    import('../../forge/export'),
  ]);
  const dataDir = io.env[DATA_DIR_ENV]?.trim() || DEFAULT_DATA_DIR;
  // Opening would create an empty folder: a mistyped folder must be named, not exported as nothing.
  if (
    !(await access(join(dataDir, 'store.json')).then(
      () => true,
      () => false,
    ))
  ) {
    throw new InputError(`no local data in ${dataDir.slice(0, 200)}: run scope-doctor start first, or set ${DATA_DIR_ENV} to its folder`);
  }
  const { store } = await openFileStorage(dataDir).catch((error: unknown) => {
    // A store.json that is not JSON is the person's data to look at, not a crash.
    throw new InputError(error instanceof Error ? error.message : String(error));
  });
  const site = demoContext('admin');
  const file = await exportWhole(store, { url: site.siteUrl, cloudId: site.cloudId }, new Date(), format);
  if (outPath === undefined) {
    // Written as is (no colouring of marks): the output is data. io.out ends the line itself.
    io.out(file.content.replace(/\n$/, ''));
    return EXIT.ok;
  }
  try {
    await writeFile(outPath, file.content);
  } catch {
    throw new InputError(`cannot write ${outPath.slice(0, 200)}`);
  }
  out(`Wrote the ${format.toUpperCase()} export to ${outPath}`);
  return EXIT.ok;
}

async function emulatorCommand(args: string[], { io, out }: Context): Promise<number> {
  const { values } = parseArgs({ args, options: COMMAND_OPTIONS.emulator, strict: true });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError('--port must be a number from 0 to 65535');
  await io.serveEmulator(port, (url) => out(`Atlassian emulator on ${url}\nUse it with: export ${ATLASSIAN_URL_ENV}=${url}`));
  return EXIT.ok;
}

async function startCommand(args: string[], { io }: Context): Promise<number> {
  parseArgs({ args, options: COMMAND_OPTIONS.start, strict: true });
  await io.runStart();
  return EXIT.ok;
}

function print(context: Context, report: Report, heading: string, json: boolean | undefined): number {
  context.out(json ? JSON.stringify(report, null, 2) : renderReport(heading, report).join('\n'));
  return exitCodeFor(report.verdict);
}

/** The clock starts here, after any prompt: time spent typing a secret is not the check's. */
function checkDeps(io: CliIo, seconds: number): CheckDeps {
  const emulated = io.env[ATLASSIAN_URL_ENV]?.trim();
  if (emulated && !/^https?:\/\/[^\s/]+/i.test(emulated)) throw new UsageError(`${ATLASSIAN_URL_ENV} must be an http(s) URL`);
  return withDeadline({ fetch: io.fetch, hosts: emulated ? emulatorHosts(emulated) : realAtlassianHosts }, seconds * 1000);
}

/** `--timeout SECONDS` for the whole check; fractions are fine (`--timeout 2.5`). */
function timeoutSeconds(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
  const seconds = /^\d+(?:\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS))
    throw new UsageError(`--timeout must be a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}`);
  return seconds;
}

function requireText(value: string | undefined, name: string): string {
  const text = value?.trim() ?? '';
  if (!text) throw new UsageError(`${name} is required and must not be empty`);
  if (text.includes('\u0000')) throw new InputError(`${name} contains binary data`);
  return text;
}

async function loadProfile(id: string | undefined, file: string | undefined, required: true): Promise<Profile>;
async function loadProfile(id: string | undefined, file: string | undefined, required: false): Promise<Profile | undefined>;
async function loadProfile(id: string | undefined, file: string | undefined, required: boolean): Promise<Profile | undefined> {
  if (id && file) throw new UsageError('use --profile or --profile-file, not both');
  if (id) return requireProfile(id);
  if (file) return parseCustomProfile(await readProfileFile(file));
  if (required) throw new UsageError('--profile ID (see scope-doctor profiles) or --profile-file PATH is required');
  return undefined;
}

async function readProfileFile(path: string): Promise<string> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch {
    throw new InputError(`cannot read profile file ${path.slice(0, 200)}`);
  }
  if (buffer.length > MAX_PROFILE_FILE_BYTES) throw new InputError(`profile file is too large (limit ${MAX_PROFILE_FILE_BYTES} bytes)`);
  if (buffer.includes(0)) throw new InputError('profile file is binary, not JSON');
  return buffer.toString('utf8');
}

/** A text file a command reads whole, refused when it is too large or binary. */
async function readTextFile(path: string, what: string, maxBytes: number): Promise<string> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch {
    throw new InputError(`cannot read ${what} ${path.slice(0, 200)}`);
  }
  if (buffer.length > maxBytes) throw new InputError(`${what} is too large (limit ${maxBytes} bytes)`);
  if (buffer.includes(0)) throw new InputError(`${what} is binary, not text`);
  return buffer.toString('utf8');
}

async function writeNewFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, { flag: 'wx' });
  } catch (error) {
    const exists = error instanceof Error && Reflect.get(error, 'code') === 'EEXIST';
    throw new InputError(exists ? `${path.slice(0, 200)} already exists: choose another file or remove it` : `cannot write ${path.slice(0, 200)}`);
  }
}

/** Secrets never come as arguments: shells and `ps` keep those. Refused before anything else is read. */
const SECRET_OPTIONS: Record<string, string> = {
  '--token': TOKEN_ENV,
  '--api-token': TOKEN_ENV,
  '--client-secret': SECRET_ENV,
  '--secret': SECRET_ENV,
  '--admin-key': ADMIN_KEY_ENV,
  '--api-key': ADMIN_KEY_ENV,
  '--key': ADMIN_KEY_ENV,
};

function refuseSecretArguments(args: readonly string[]): void {
  for (const arg of args) {
    const name = arg.split('=')[0] ?? '';
    const env = SECRET_OPTIONS[name];
    // The message names the option only: whatever followed it may be the secret itself.
    if (env)
      throw new UsageError(
        `${name} is not accepted on the command line (shells and process lists keep arguments); set ${env} instead, or leave it unset to be asked`,
      );
  }
}

/** From the environment, else a hidden prompt; never from an argument, where shells and `ps` keep it. */
async function readSecret(context: Context, envName: string, question: string): Promise<string> {
  const fromEnv = context.io.env[envName]?.trim();
  const secret = fromEnv || (context.io.promptSecret ? (await context.io.promptSecret(question)).trim() : '');
  if (!secret && !context.io.promptSecret) throw new UsageError(`no terminal to ask on: set ${envName}`);
  if (!secret) throw new UsageError(`nothing entered; you can also set ${envName}`);
  context.secrets.push(secret);
  return secret;
}

/** A secret that may be absent: trimmed, remembered for masking, undefined when empty. */
function optionalSecret(context: Context, value: string | undefined): string | undefined {
  const secret = value?.trim();
  if (!secret) return undefined;
  context.secrets.push(secret);
  return secret;
}

function oneLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}

function isParseArgsError(error: unknown): error is Error {
  const code: unknown = error instanceof TypeError ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
