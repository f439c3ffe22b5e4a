/** `scope-doctor doctor` over a config with every kind of entry, against the emulator's demo tenant. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_OAUTH_APPS, DEMO_ORG, DEMO_TOKENS } from '../../src/emulator';
import { runScopeDoctor } from '../support/cli';
import { useEmulator } from '../support/emulator';

const emulator = useEmulator();

const CONFIG = 'test/fixtures/doctor/every-kind.yaml';
const SECRETS = {
  KENDIS_CLIENT_SECRET: DEMO_OAUTH_APPS.kendis.clientSecret,
  ANA_KENDIS_TOKEN: DEMO_TOKENS.kendisScopedAna.token,
  URI_TOKEN: DEMO_TOKENS.kendisScopedUri.token,
  ACME_ADMIN_KEY: DEMO_ORG.adminKey,
};
const doctor = (args: string[], env: Record<string, string> = SECRETS) =>
  runScopeDoctor(['doctor', ...args], { SCOPE_DOCTOR_ATLASSIAN_URL: emulator().url, ...env });

describe('scope-doctor doctor', () => {
  it('runs every kind of check: a plain line per check as it finishes (piped), then the table; exit 1', async () => {
    const run = await doctor(['--config', CONFIG]);
    expect(run.code, run.stderr).toBe(1);
    const [progress, table] = run.stdout.split('\n\n');
    expect(progress!.split('\n').map((line) => line.replace(/ \(\d+\.\d s\)$/, ''))).toEqual([
      '✗ connection Kendis',
      "✗ token Ana's Kendis token",
      '! token uri@acme.example on acme.atlassian.net',
      '✓ profile acme-sync.json',
      '✗ profile broken-profile.json',
      '✓ site acme.atlassian.net',
      '✗ site globex.atlassian.net',
      '! organization Acme',
    ]);
    // Piped: no spinner frames or cursor control.
    expect(run.stdout).not.toMatch(/\r|\u001b|⠋/);
    expect(table).toMatch(/^Check +Verdict +What to look at\n/);
    expect(table).toMatch(/connection Kendis +✗ fail +1 scope missing/);
    expect(table).toMatch(/site globex\.atlassian\.net +✗ fail +Cloud ID is not 1f0c5d2e/);
    expect(run.stdout).toContain('8 checks: 2 passed, 2 with warnings, 4 failed, 0 could not tell');
    for (const secret of Object.values(SECRETS)) expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('prints JSON with every check’s report, progress on stderr', async () => {
    const run = await doctor(['--config', CONFIG, '--json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { verdict: string; checks: { kind: string; name: string; verdict: string; report: { results: unknown[] } }[] };
    expect(json.verdict).toBe('fail');
    expect(json.checks.map((c) => [c.kind, c.verdict])).toEqual([
      ['connection', 'fail'],
      ['token', 'fail'],
      ['token', 'warn'],
      ['profile', 'pass'],
      ['profile', 'fail'],
      ['site', 'pass'],
      ['site', 'fail'],
      ['organization', 'warn'],
    ]);
    expect(run.stderr.trim().split('\n')).toHaveLength(8);
  });

  it('exits 0 when every check passes or warns, and 3 when one could not tell', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const passing = join(dir, 'ok.json');
    await writeFile(passing, JSON.stringify({ sites: ['acme.atlassian.net'], organizations: [{ id: DEMO_ORG.id, keyEnv: 'ACME_ADMIN_KEY' }] }));
    expect((await doctor(['--config', passing])).code).toBe(0);
    const down = await runScopeDoctor(['doctor', '--config', passing], { SCOPE_DOCTOR_ATLASSIAN_URL: 'http://127.0.0.1:9', ACME_ADMIN_KEY: DEMO_ORG.adminKey });
    expect(down.code).toBe(3);
    expect(down.stdout).toContain('0 passed, 0 with warnings, 0 failed, 2 could not tell');
  });

  it('refuses a bad config before any request, one line per bad field (exit 2)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const bad = join(dir, 'bad.yaml');
    await writeFile(
      bad,
      [
        'connections:',
        '  - name: Kendis',
        '    clientSecret: demo-secret-in-config',
        '    scopes: read:jira-work',
        'tokens:',
        '  - site: https://evil.example',
        '    email: ana@acme.example',
        '    tokenEnv: lower-case',
        'sites: [acme.atlassian.net]',
        'extra: 1',
      ].join('\n'),
    );
    const before = emulator().requests.length;
    const run = await doctor(['--config', bad], {});
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      'scope-doctor: the config has 4 problems:',
      '  - connections[0].clientSecret: a secret does not belong in a config file; put it in an environment variable and name it in clientSecretEnv',
      '  - connections[0].clientId: clientId is required',
      '  - tokens[0].tokenEnv: must be an environment variable name, e.g. KENDIS_TOKEN',
      '  - config: Unrecognized key: "extra"',
    ]);
    expect(run.stderr).not.toContain('demo-secret-in-config');
    expect(emulator().requests.length).toBe(before);
  });

  it('names every unset variable, bad site and unknown profile before running anything', async () => {
    const before = emulator().requests.length;
    const run = await doctor(['--config', CONFIG], { URI_TOKEN: DEMO_TOKENS.kendisScopedUri.token });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the config has 3 problems');
    expect(run.stderr).toContain('  - connections[0].clientSecretEnv: KENDIS_CLIENT_SECRET is not set');
    expect(run.stderr).toContain('  - organizations[0].keyEnv: ACME_ADMIN_KEY is not set');
    expect(emulator().requests.length).toBe(before);
    const dir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const wrong = join(dir, 'wrong.yaml');
    await writeFile(wrong, 'tokens:\n  - { site: evil.example.com, email: a@b.example, tokenEnv: X, profile: no-such-profile }\n');
    const second = await doctor(['--config', wrong], { X: 'demo-x' });
    expect(second.stderr).toContain('tokens[0].profile: unknown profile "no-such-profile"');
    expect(second.stderr).toContain('tokens[0].site: "evil.example.com" is not a Jira Cloud site');
  });

  it('says where YAML is broken, and refuses a missing or empty config', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const broken = join(dir, 'broken.yaml');
    await writeFile(broken, 'sites: [acme.atlassian.net\ntokens: 1\n');
    const empty = join(dir, 'empty.yaml');
    await writeFile(empty, '# nothing yet\n');
    const runs = await Promise.all([doctor(['--config', broken]), doctor(['--config', empty]), doctor(['--config', join(dir, 'none.yaml')]), doctor([])]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(runs[0]?.stderr).toMatch(/config line 2, column \d+:/);
    expect(runs[1]?.stderr).toContain('the config lists no check');
  });
});
