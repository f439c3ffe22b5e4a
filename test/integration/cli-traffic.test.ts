import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OTHER_SITE, DEMO_SITE, startEmulator, type Emulator } from '../../src/emulator';
import { runScopeDoctor, type CliRun } from '../support/cli';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

function cli(args: string[], stdin = ''): Promise<CliRun> {
  return runScopeDoctor(args, { SCOPE_DOCTOR_ATLASSIAN_URL: emulator.url }, stdin);
}

const GATEWAY = `https://api.atlassian.com/ex/jira/${DEMO_SITE.cloudId}`;
const HAR_PATH = new URL('../fixtures/traffic/kendis-sync.har', import.meta.url);
const HAR_FILE = HAR_PATH.pathname;

describe('scope-doctor explain', () => {
  it('explains the issue’s log line: granular only, refused for the sprint scope, exit 1', async () => {
    const run = await cli(['explain', `ERROR 401 Unauthorized; scope does not match GET ${GATEWAY}/rest/agile/1.0/board/12/sprint?state=active`]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        `GET ${GATEWAY}/rest/agile/1.0/board/12/sprint`,
        '  i GET /rest/agile/1.0/board/{boardId}/sprint (getAllSprints)',
        '  i Needs read:sprint:jira-software (granular only)',
        '  ✗ 401: refused for a missing scope',
      ]),
    );
    expect(run.stdout).not.toContain('state=active');
  });

  it('reads a curl command from stdin and never prints its credentials', async () => {
    const curl = `curl -s -u ana@acme.example:demo-api-token-9f8e \\\n  -X PUT -H 'Authorization: Basic YW5hOmRlbW8tc2VjcmV0' \\\n  "https://acme.atlassian.net/rest/api/3/issue/ACME-1?notifyUsers=false"\nHTTP/1.1 401 Unauthorized`;
    const run = await cli(['explain', '--site', DEMO_SITE.host, '-'], curl);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ 401: a scoped API token on the site URL, or wrong credentials');
    // --site looked the Cloud ID up, so the fix names the exact gateway URL.
    expect(run.stdout).toContain(`${GATEWAY}/rest/api/3/issue/ACME-1`);
    expect(run.stdout + run.stderr).not.toMatch(/demo-api-token|demo-secret|YW5hOmRlbW8/);
  });

  it('explains a HAR from stdin as JSON: each distinct request and the scopes to add for all', async () => {
    const har = await readFile(HAR_PATH, 'utf8');
    const run = await cli(
      ['explain', '--json', '--site', DEMO_SITE.cloudId, '--scopes', 'read:board-scope:jira-software, read:project:jira, read:jira-work', '-'],
      har,
    );
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as {
      verdict: string;
      missing: string[];
      skipped: number;
      requests: { request: string; status: number; verdict: string }[];
    };
    expect(json).toMatchObject({ verdict: 'fail', missing: ['read:sprint:jira-software', 'write:sprint:jira-software'], skipped: 2 });
    expect(json.requests).toHaveLength(6);
    expect(run.stdout).not.toMatch(/demo-har-secret-token|demo-cookie/);
  });

  it('checks the URL’s Cloud ID against --site, looked up through the emulator', async () => {
    const run = await cli(['explain', '--site', DEMO_SITE.host, `GET https://api.atlassian.com/ex/jira/${DEMO_OTHER_SITE.cloudId}/rest/api/3/myself`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`✗ Cloud ID ${DEMO_OTHER_SITE.cloudId} is not ${DEMO_SITE.host}’s`);
    expect(run.stdout).toContain(`- Fix: Use ${GATEWAY}/rest/api/3/myself.`);
  });

  it('reports a site that cannot be looked up as not known, never as a failure of the request', async () => {
    const run = await runScopeDoctor(['explain', '--site', 'acme', `GET ${GATEWAY}/rest/api/3/myself`], { SCOPE_DOCTOR_ATLASSIAN_URL: 'http://127.0.0.1:9' });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('? Cloud ID');
  });

  it('offers did-you-mean for an unknown endpoint (exit 3: cannot tell its scopes)', async () => {
    const run = await cli(['explain', 'GET', '/rest/api/3/isue/ACME-1']);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('- Fix: Did you mean GET /rest/api/3/issue/{issueIdOrKey}?');
  });

  it('with a profile, names what the guide’s list lacks and asks the vendor', async () => {
    const run = await cli(['explain', '--profile', 'kendis-user-token', `GET ${GATEWAY}/rest/agile/1.0/board/12/sprint/7/issue`]);
    expect(run.stdout).toContain('! 2 scopes missing from the Kendis guide’s list: read:issue-details:jira, read:jql:jira');
    expect(run.stdout).toContain('Ask Kendis whether its guide should list them.');
  });

  it('refuses input with no Jira request, and bad options, in one line (exit 2)', async () => {
    const runs = await Promise.all([
      cli(['explain', 'https://example.com/index.html']),
      cli(['explain', '-'], ''),
      cli(['explain']),
      cli(['explain', '--site', 'https://evil.example', `GET ${GATEWAY}/rest/api/3/myself`]),
      cli(['explain', '-'], '{"log": {"entries": "nope"}}'),
    ]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(runs[0]?.stderr).toContain('not Jira REST calls');
  });

  it('has its own help with examples', async () => {
    const run = await cli(['explain', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: scope-doctor explain/);
    expect(run.stdout).toMatch(/\nExamples:\n {2}.*scope-doctor /);
  });
});

describe('scope-doctor scopes for', () => {
  it('prints the fewest scopes for a HAR, each with what needs it, and a line to paste (exit 0)', async () => {
    const run = await cli(['scopes', 'for', HAR_FILE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Least privilege: 7 requests to 6 operations');
    expect(run.stdout).toContain('✓ 18 scopes allow all 6 operations: the fewest possible');
    expect(run.stdout).toMatch(
      /- write:sprint:jira-software +needed for: PUT \/rest\/agile\/1\.0\/sprint\/\{sprintId\}, POST \/rest\/agile\/1\.0\/sprint\/\{sprintId\}\/issue/,
    );
    expect(run.stdout).toContain('i Fewer with classic scopes: 5');
    expect(run.stdout).toMatch(/\nScopes: read:avatar:jira .* write:sprint:jira-software\n?$/);
    expect(run.stdout).not.toMatch(/demo-har-secret-token|demo-cookie/);
  });

  it('reads endpoints from stdin and writes a custom profile that coverage then passes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const profile = join(dir, 'acme.json');
    const endpoints = ['GET /rest/api/3/announcementBanner', 'GET /rest/agile/1.0/board', 'GET https://acme.atlassian.net/rest/api/3/isue/1'].join('\n');
    const run = await cli(['scopes', 'for', '-', '--profile-out', profile, '--vendor', 'Acme', '--profile-id', 'acme-sync', '--json'], endpoints);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { profileOut: string; plan: { exact: boolean; scopes: { scope: string }[] }; unmatched: unknown[] };
    expect(json).toMatchObject({ profileOut: profile, plan: { exact: true } });
    expect(json.unmatched).toHaveLength(1);
    const scopes = json.plan.scopes.map((s) => s.scope).join(' ');
    expect(scopes).toBe('manage:jira-configuration read:board-scope:jira-software read:project:jira');
    const coverage = await cli(['coverage', '--profile-file', profile, '--scopes', scopes, '--json']);
    expect(coverage.code).toBe(0);
    expect(JSON.parse(coverage.stdout)).toMatchObject({ verdict: 'pass', profileId: 'acme-sync' });
    // Never over an existing file.
    const again = await cli(['scopes', 'for', '-', '--profile-out', profile], endpoints);
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toBe(`scope-doctor: ${profile} already exists: choose another file or remove it`);
  });

  it('refuses bad usage in one line (exit 2)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const binary = join(dir, 'bin.har');
    await writeFile(binary, Buffer.from([0, 1, 2]));
    const runs = await Promise.all([
      cli(['scopes', 'for']),
      cli(['scopes', 'for', join(dir, 'missing.har')]),
      cli(['scopes', 'for', binary]),
      cli(['scopes', 'for', HAR_FILE, '--token-kind', 'classic']),
      cli(['scopes', 'for', '-', '--profile-out', join(dir, 'p.json'), '--profile-id', 'Not Kebab'], 'GET /rest/api/3/myself'),
      cli(['scopes', 'for', '-'], 'nothing to see here'),
    ]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
    }
  });
});
