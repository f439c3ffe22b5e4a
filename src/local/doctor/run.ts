/**
 * Plans and runs the checks a doctor config lists. Everything that can be refused (a profile that does not
 * load, a site that is not Atlassian's, a variable that is not set) is refused before the first request, all
 * at once; then the checks run one after the other, each reported as it finishes.
 */
import { resolve } from 'node:path';
import { parseSite } from '../../core/atlassian';
import { checkOAuthClient, checkToken, listOrgTokens, lookupCloudId, requireCloudProfile, requireOrgId, type CheckDeps } from '../../core/checks';
import { requireEmail } from '../../core/checks/input';
import { InputError, makeReport, type CheckResult, type Report, type Status } from '../../core/model';
import { parseCustomProfile, ProfileError, requireProfile, type Profile } from '../../core/profiles';
import { ConfigError, environmentNeeded, type DoctorConfig } from './config';
import { pluralise } from '../../core/text';

export type DoctorCheckKind = 'connection' | 'token' | 'profile' | 'site' | 'organization';

export interface DoctorCheck {
  kind: DoctorCheckKind;
  name: string;
  run(): Promise<Report>;
}

export interface DoctorOutcome {
  kind: DoctorCheckKind;
  name: string;
  verdict: Status;
  ms: number;
  report: Report;
}

export interface DoctorDeps {
  checks: CheckDeps;
  env: Record<string, string | undefined>;
  /** Reads a profile file; paths in the config are relative to the config's folder. */
  readFile(path: string): Promise<string>;
  configDir: string;
  now(): Date;
}

/** Every check of the config, ready to run; throws ConfigError with every problem found. */
export async function planChecks(config: DoctorConfig, deps: DoctorDeps): Promise<DoctorCheck[]> {
  const issues: string[] = [];
  const missing = environmentNeeded(config).filter(({ variable }) => !deps.env[variable]?.trim());
  issues.push(...missing.map(({ variable, field }) => `${field}: ${variable} is not set`));
  const attempt = <T>(field: string, make: () => T): T | undefined => {
    try {
      return make();
    } catch (error) {
      if (error instanceof ProfileError && error.issues.length > 1) issues.push(...error.issues.map((issue) => `${field}: ${issue}`));
      else if (error instanceof InputError) issues.push(`${field}: ${error.message.split('\n')[0]}`);
      else throw error;
      return undefined;
    }
  };
  const loadProfile = async (field: string, entry: { profile?: string; profileFile?: string }): Promise<Profile | undefined> => {
    if (entry.profile) return attempt(`${field}.profile`, () => requireProfile(entry.profile!));
    if (!entry.profileFile) return undefined;
    let source: string;
    try {
      source = await deps.readFile(resolve(deps.configDir, entry.profileFile));
    } catch {
      issues.push(`${field}.profileFile: cannot read ${entry.profileFile}`);
      return undefined;
    }
    return attempt(`${field}.profileFile`, () => parseCustomProfile(source));
  };

  const checks: DoctorCheck[] = [];
  for (const [i, c] of config.connections.entries()) {
    const profile = await loadProfile(`connections[${i}]`, c);
    attempt(`connections[${i}].profile`, () => requireCloudProfile(profile));
    const clientSecret = c.clientSecretEnv ? deps.env[c.clientSecretEnv]?.trim() : undefined;
    checks.push({
      kind: 'connection',
      name: c.name,
      run: () =>
        checkOAuthClient(deps.checks, {
          clientId: c.clientId,
          scopes: c.scopes,
          ...(clientSecret ? { clientSecret } : {}),
          ...(c.callback ? { callbackUrl: c.callback } : {}),
          ...(profile ? { profile } : {}),
        }),
    });
  }
  for (const [i, t] of config.tokens.entries()) {
    const profile = await loadProfile(`tokens[${i}]`, t);
    attempt(`tokens[${i}].profile`, () => requireCloudProfile(profile));
    const site = attempt(`tokens[${i}].site`, () => parseSite(t.site));
    attempt(`tokens[${i}].email`, () => requireEmail(t.email));
    checks.push({
      kind: 'token',
      name: t.name ?? `${t.email} on ${site ?? t.site}`,
      run: () =>
        checkToken(deps.checks, {
          site: t.site,
          email: t.email,
          token: deps.env[t.tokenEnv]?.trim() ?? '',
          ...(profile ? { profile } : {}),
          ...(t.expires ? { expiresOn: t.expires } : {}),
        }),
    });
  }
  for (const file of config.profiles) {
    checks.push({ kind: 'profile', name: file, run: () => profileFileReport(deps, resolve(deps.configDir, file), file) });
  }
  for (const [i, s] of config.sites.entries()) {
    const host = attempt(`sites[${i}]`, () => parseSite(s.site));
    checks.push({ kind: 'site', name: host ?? s.site, run: () => siteReport(deps, s.site, s.cloudId) });
  }
  for (const [i, o] of config.organizations.entries()) {
    attempt(`organizations[${i}].id`, () => requireOrgId(o.id));
    checks.push({
      kind: 'organization',
      name: o.name ?? o.id,
      run: () => listOrgTokens(deps.checks, { orgId: o.id, adminKey: deps.env[o.keyEnv]?.trim() ?? '' }),
    });
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return checks;
}

/** Runs the checks in order; `onStart`/`onDone` drive the progress lines. A check that throws is unknown. */
export async function runChecks(
  checks: readonly DoctorCheck[],
  now: () => Date,
  onStart: (check: DoctorCheck) => void,
  onDone: (outcome: DoctorOutcome) => void,
): Promise<DoctorOutcome[]> {
  const outcomes: DoctorOutcome[] = [];
  for (const check of checks) {
    onStart(check);
    const started = Date.now();
    let report: Report;
    try {
      report = await check.run();
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      report = makeReport(
        check.name,
        [{ id: `doctor.${check.kind}`, title: `Could not run the ${check.kind} check`, status: 'unknown', detail: message ?? 'unexpected error' }],
        now(),
      );
    }
    const outcome = { kind: check.kind, name: check.name, verdict: report.verdict, ms: Date.now() - started, report };
    outcomes.push(outcome);
    onDone(outcome);
  }
  return outcomes;
}

async function readProfile(deps: DoctorDeps, path: string): Promise<string> {
  try {
    return await deps.readFile(path);
  } catch {
    throw new InputError(`cannot read ${path}`);
  }
}

/** A profile file is checked as vendors ship it: every problem of it, one result each. */
async function profileFileReport(deps: DoctorDeps, path: string, shown: string): Promise<Report> {
  let results: CheckResult[];
  try {
    const profile = parseCustomProfile(await readProfile(deps, path));
    results = [
      {
        id: 'profile.valid',
        title: `Valid profile ${profile.id}: ${pluralise(profile.capabilities.length, 'capability', 'capabilities')}`,
        status: 'pass',
        detail: profile.name,
      },
    ];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const issues = error instanceof ProfileError ? error.issues : [error.message];
    results = issues.map((issue, i) => ({
      id: `profile.issue.${i}`,
      title: issue,
      status: 'fail',
      detail: `${shown} is not a valid profile.`,
      fix: 'Correct the field as the line says (scope-doctor profiles validate FILE shows them all).',
    }));
  }
  return makeReport(shown, results, deps.now());
}

/** A site's Cloud ID, and, when the config says which it should be, whether it is that one. */
async function siteReport(deps: DoctorDeps, site: string, expected: string | undefined): Promise<Report> {
  const lookup = await lookupCloudId(deps.checks, site);
  if (!expected || !lookup.cloudId) return lookup;
  const same = lookup.cloudId.toLowerCase() === expected.toLowerCase();
  const result: CheckResult = {
    id: 'cloud-id.expected',
    title: same ? 'Cloud ID is the one the config names' : `Cloud ID is not ${expected}`,
    status: same ? 'pass' : 'fail',
    detail: same ? `${lookup.site} has Cloud ID ${expected}.` : `${lookup.site} has Cloud ID ${lookup.cloudId}; the config expects ${expected}.`,
    ...(same ? {} : { fix: `Use ${lookup.cloudId} wherever ${expected} is configured (gateway URLs, the integration's site settings).` }),
  };
  return makeReport(lookup.site, [...lookup.results, result], deps.now());
}
