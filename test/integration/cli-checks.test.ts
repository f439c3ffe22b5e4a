import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_OAUTH_APPS, DEMO_TOKENS, DEMO_SITE, startEmulator, type Emulator } from '../../src/emulator';
import { runScopeDoctor } from '../support/cli';

interface Listing {
  checks: { id: string; title: string; needs: string; run: string; results: { id: string; title: string }[] }[];
  runnerResults: { id: string; title: string }[];
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

interface Result {
  id: string;
  fix?: string;
  scopesToAdd?: string[];
  urls?: string[];
}

/** A result id against the catalog's patterns, where `<name>` stands for any text. */
function listed(listing: Listing, id: string): boolean {
  const patterns = [...listing.checks.flatMap((c) => c.results), ...listing.runnerResults].map(
    (r) => new RegExp(`^${r.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<[^>]+>/g, '.+')}$`),
  );
  return patterns.some((pattern) => pattern.test(id));
}

describe('scope-doctor checks', () => {
  it('lists every check with what it needs, the function that runs it and its result ids', async () => {
    const run = await runScopeDoctor(['checks']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^token {2}User API token \(classic or scoped\)\n {2}needs a site, the email and the token.*\n {2}runs checkToken\(\)$/m);
    expect(run.stdout).toMatch(/^ {4}token\.scopes\.missing +Scopes read-only probes showed missing$/m);
    expect(run.stdout).toMatch(/^ {4}oauth\.coverage\.likely\.<capability> +A likely capability not covered/m);
    expect(run.stderr).toBe('');
  });

  it('prints the same table as JSON', async () => {
    const run = await runScopeDoctor(['checks', '--json']);
    expect(run.code).toBe(0);
    const listing = JSON.parse(run.stdout) as Listing;
    expect(listing.checks.map((c) => c.id)).toEqual([
      'cloud-id',
      'oauth',
      'consent',
      'token',
      'dc',
      'tokens',
      'explain',
      'least-privilege',
      'scopes',
      'profile',
    ]);
    expect(listing.checks.find((c) => c.id === 'dc')).toMatchObject({
      run: 'checkDataCenter',
      results: expect.arrayContaining([{ id: 'dc.permission', title: expect.any(String) }]),
    });
  });

  it('refuses an argument with one line and exit 2', async () => {
    const run = await runScopeDoctor(['checks', 'token']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(['scope-doctor: usage: scope-doctor checks [--json]']);
  });

  it('lists every result id real checks against the emulator produce', async () => {
    const listing = JSON.parse((await runScopeDoctor(['checks', '--json'])).stdout) as Listing;
    const env = { SCOPE_DOCTOR_ATLASSIAN_URL: emulator.url };
    const kendis = DEMO_OAUTH_APPS.kendis;
    const runs = await Promise.all([
      runScopeDoctor(
        ['token', '--site', DEMO_SITE.host, '--email', DEMO_ACCOUNTS.admin.email, '--profile', 'kendis-user-token', '--expires', '2099-01-01', '--json'],
        { ...env, SCOPE_DOCTOR_TOKEN: DEMO_TOKENS.kendisScopedAna.token },
      ),
      runScopeDoctor(
        [
          'oauth',
          '--client-id',
          kendis.clientId,
          '--callback',
          kendis.callbackUrl,
          '--scopes',
          'read:project:jira, View sprints, read:jira-wrk',
          '--profile',
          'kendis-cloud-oauth',
          '--json',
        ],
        { ...env, SCOPE_DOCTOR_CLIENT_SECRET: kendis.clientSecret },
      ),
      runScopeDoctor(['cloud-id', DEMO_SITE.host, '--json'], env),
      runScopeDoctor(['coverage', '--profile', 'targetprocess', '--scopes', 'read:jira-work write:jira-work manage:jira-webhook', '--json'], env),
    ]);
    const results = runs.flatMap((run) => (JSON.parse(run.stdout) as { results: Result[] }).results);
    const ids = results.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['token.kind', 'token.scopes.missing', 'token.expiry', 'oauth.credentials', 'oauth.scopes.lint.1', 'cloud-id']));
    expect(ids.filter((id) => !listed(listing, id))).toEqual([]);
    // The scopes and URLs a fix names are on the result as data, each one the fix's own words name.
    const named = results.filter((r) => r.scopesToAdd?.length || r.urls?.length);
    expect(named.map((r) => r.id)).toEqual(
      expect.arrayContaining(['token.kind', 'token.scopes.missing', 'oauth.scopes.lint.1', 'oauth.coverage.missing', 'coverage.missing']),
    );
    for (const result of named) {
      for (const value of [...(result.scopesToAdd ?? []), ...(result.urls ?? [])]) expect(result.fix, result.id).toContain(value);
    }
  });
});
