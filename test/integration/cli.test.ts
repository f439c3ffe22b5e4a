import { spawn } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_DC, DEMO_OAUTH_APPS, DEMO_SITE, DEMO_TOKENS } from '../../src/emulator';
import { runScopeDoctor, type CliRun } from '../support/cli';
import { useEmulator } from '../support/emulator';

const emulator = useEmulator();

function cli(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<CliRun> {
  return runScopeDoctor(args, { SCOPE_DOCTOR_ATLASSIAN_URL: emulator().url, ...env }, stdin);
}

const STACK = /at .*\(.*:\d+:\d+\)/;
const SECRETS = [DEMO_TOKENS.kendisScopedAna.token, DEMO_ACCOUNTS.admin.classicToken, DEMO_OAUTH_APPS.kendis.clientSecret];

function expectOneLineError(run: CliRun): void {
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(STACK);
}

describe('scope-doctor CLI', () => {
  it('prints help and version', async () => {
    expect((await cli(['--help'])).stdout).toContain('Usage: scope-doctor');
    expect((await cli(['--version'])).stdout).toMatch(/^scope-doctor \d+\.\d+\.\d+/);
  });

  it('prints each command’s own help with examples, exit 0, for --help and for help COMMAND', async () => {
    for (const command of ['scopes', 'coverage', 'profiles', 'cloud-id', 'token', 'oauth', 'dc', 'emulator', 'start']) {
      const run = await cli([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toMatch(new RegExp(`^Usage: scope-doctor ${command}`));
      expect(run.stdout, command).toMatch(/\nExamples:\n {2}.*scope-doctor /);
    }
    expect((await cli(['help', 'coverage'])).stdout).toBe((await cli(['coverage', '-h'])).stdout);
    // Help comes before anything the command would check or ask for.
    expect((await cli(['token', '--help', '--site', 'https://evil.example'])).code).toBe(0);
  });

  it('refuses a token or client secret on the command line, naming the variable, without echoing it', async () => {
    const runs = await Promise.all([
      cli(['token', '--site', 'acme', '--email', 'a@b.example', '--token', 'demo-secret-on-argv']),
      cli(['token', '--site', 'acme', '--email', 'a@b.example', '--token=demo-secret-on-argv']),
      cli(['oauth', '--client-id', 'x', '--scopes', 'read:jira-work', '--client-secret', 'demo-secret-on-argv']),
      cli(['dc', '--base-url', 'https://jira.acme.example', '--client-secret=demo-secret-on-argv']),
    ]);
    for (const run of runs) {
      expectOneLineError(run);
      expect(run.stdout + run.stderr).not.toContain('demo-secret-on-argv');
    }
    expect(runs[0]?.stderr).toContain('set SCOPE_DOCTOR_TOKEN');
    expect(runs[1]?.stderr).toContain('set SCOPE_DOCTOR_TOKEN');
    expect(runs[2]?.stderr).toContain('set SCOPE_DOCTOR_CLIENT_SECRET');
    expect(runs[3]?.stderr).toContain('set SCOPE_DOCTOR_CLIENT_SECRET');
  });

  it('scopes lint exits 1 for an entry Atlassian refuses as written, 0 for titles and clean strings', async () => {
    const asWritten = await Promise.all(
      ['read:issue:Jira', 'read: board-scope:jira-software', 'read:nothing:jira'].map((entry) => cli(['scopes', 'lint', entry])),
    );
    for (const run of asWritten) expect(run.code, run.stdout).toBe(1);
    expect(asWritten[0]?.stdout).toContain('✗ "read:issue:Jira": wrong letter case');
    const clean = await cli(['scopes', 'lint', 'read:jira-work, View sprints, View boards, backlogs, and related items']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('Scope list (3 recognised): read:jira-work read:sprint:jira-software read:board-scope:jira-software');
    expect(clean.stdout).not.toContain('read:build');
  });

  it('scopes lint names both scopes of an ambiguous title, unless the profile’s guide settles it', async () => {
    const bare = await cli(['scopes', 'lint', 'View issues']);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('read:issue:jira and read:issue:jira-software');
    const settled = await cli(['scopes', 'lint', '--profile', 'oneconnect-oauth-full', '--json', 'View issues']);
    expect(JSON.parse(settled.stdout)).toMatchObject({ verdict: 'pass', scopes: ['read:issue:jira'] });
  });

  it('lints a scope list from stdin with a findings array', async () => {
    const run = await cli(['scopes', 'lint', '-', '--json'], {}, 'read: board-scope:jira-software\nread:issue:Jira\nread:nothing:jira');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { findings: { input: string; problem: string; suggestion?: string }[] };
    expect(json.findings.map((f) => f.problem)).toEqual(expect.arrayContaining(['whitespace', 'case', 'unknown']));
    expect(json.findings.every((f) => 'input' in f && 'problem' in f)).toBe(true);
  });

  it('reports coverage as JSON with missing, likely missing, excess, kept and capabilities', async () => {
    const run = await cli(['coverage', '--profile', 'kendis-cloud-oauth', '--scopes', 'read:project:jira read:sprint:jira-software read:jira-work', '--json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as {
      verdict: string;
      missing: string[];
      likelyMissing: string[];
      excess: string[];
      keptForVendor: string[];
      capabilities: { name: string; covered: boolean; certainty: string; missing: string[] }[];
    };
    expect(json.verdict).toBe('fail');
    expect(json.missing).toContain('write:sprint:jira-software');
    expect(json.likelyMissing).toEqual(['delete:sprint:jira-software']);
    expect(json.excess).toEqual(['read:jira-work']);
    expect(json.keptForVendor).toEqual([]);
    expect(json.capabilities[0]).toEqual(
      expect.objectContaining({ name: expect.any(String), covered: expect.any(Boolean), certainty: 'required', missing: expect.any(Array) }),
    );
  });

  it('looks up a Cloud ID (exit 0) and a missing site (exit 1)', async () => {
    const ok = await cli(['cloud-id', 'acme']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(DEMO_SITE.cloudId);
    expect((await cli(['cloud-id', 'nosuchsite'])).code).toBe(1);
  });

  it('checks a scoped token like gh auth status, without printing it', async () => {
    const run = await cli(['token', '--site', DEMO_SITE.host, '--email', DEMO_ACCOUNTS.admin.email, '--profile', 'kendis-user-token'], {
      SCOPE_DOCTOR_TOKEN: DEMO_TOKENS.kendisScopedAna.token,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('! Scoped API token: it works only through https://api.atlassian.com/ex/jira/');
    // Kendis has no base-URL field: the fix is its own setting.
    expect(run.stdout).toContain('- Fix: In Kendis, open ALM Account (or your Profile → ALM Credentials), click Edit and enable "Using Scope API"');
    expect(run.stdout).not.toContain('instead of https://');
    expect(run.stdout).toMatch(/✗ 2 of \d+ required scopes missing/);
    expect(run.stdout).toContain('write:sprint:jira-software');
    for (const secret of SECRETS) expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('passes a classic token as JSON (exit 0) and fails an expired one (exit 1)', async () => {
    const classic = await cli(['token', '--site', 'acme', '--email', DEMO_ACCOUNTS.admin.email, '--json'], {
      SCOPE_DOCTOR_TOKEN: DEMO_ACCOUNTS.admin.classicToken,
    });
    expect(classic.code).toBe(0);
    expect(JSON.parse(classic.stdout)).toMatchObject({ kind: 'classic', verdict: 'pass' });
    const expired = await cli(['token', '--site', 'acme', '--email', DEMO_ACCOUNTS.user.email], { SCOPE_DOCTOR_TOKEN: DEMO_TOKENS.expiredUri.token });
    expect(expired.code).toBe(1);
  });

  it('checks an OAuth app with the secret from the environment', async () => {
    const kendis = DEMO_OAUTH_APPS.kendis;
    const run = await cli(['oauth', '--client-id', kendis.clientId, '--callback', kendis.callbackUrl, '--scopes', 'read:project:jira', '--json'], {
      SCOPE_DOCTOR_CLIENT_SECRET: kendis.clientSecret,
    });
    expect((JSON.parse(run.stdout) as { results: unknown[] }).results[0]).toMatchObject({ id: 'oauth.credentials', status: 'pass' });
    expect(run.stdout).not.toContain(kendis.clientSecret);
  });

  it('exits 3 when Atlassian cannot be reached', async () => {
    const run = await cli(['cloud-id', 'acme'], { SCOPE_DOCTOR_ATLASSIAN_URL: 'http://127.0.0.1:9' });
    expect(run.code).toBe(3);
  });

  it('refuses bad input with one line and exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const badJson = join(dir, 'bad.json');
    const binary = join(dir, 'binary.json');
    await writeFile(badJson, '{ "id": ');
    await writeFile(binary, Buffer.from([0, 1, 2, 255]));
    const runs = await Promise.all([
      cli(['cloud-id', 'https://evil.example.com']),
      cli(['cloud-id', '127.0.0.1']),
      cli(['scopes', 'lint', '-'], {}, ''),
      cli(['scopes', 'lint', '-'], {}, 'x'.repeat(300_000)),
      cli(['coverage', '--profile', 'nope', '--scopes', 'read:jira-work']),
      cli(['coverage', '--profile-file', badJson, '--scopes', 'read:jira-work']),
      cli(['coverage', '--profile-file', binary, '--scopes', 'read:jira-work']),
      cli(['token', '--site', 'acme', '--email', 'a@b.example']),
      cli(['token', '--site', 'acme', '--email', 'a@b.example', '--expires', '2026-13-45'], { SCOPE_DOCTOR_TOKEN: 'demo-x' }),
      cli(['frobnicate']),
      cli(['cloud-id', '--bogus']),
    ]);
    for (const run of runs) expectOneLineError(run);
    expect(runs[7]?.stderr).toContain('SCOPE_DOCTOR_TOKEN');
  });

  it('never quotes the bytes of a --profile-file that is not a profile, such as a system file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const files: Record<string, string> = {
      passwd: 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n',
      'config.ini': '[core]\n\tsecret-looking = demo-value-in-a-file\n',
      'broken.json': '{"id": "acme", "name": "demo-name-in-a-file" "vendor": 1}',
      'list.json': '["demo-entry-in-a-file"]',
    };
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const runs = await Promise.all(Object.keys(files).map((name) => cli(['coverage', '--profile-file', join(dir, name), '--scopes', 'read:jira-work'])));
    for (const [index, text] of Object.values(files).entries()) {
      const run = runs[index]!;
      expectOneLineError(run);
      const words = text.split(/[\s"[\]{}:,=]+/).filter((word) => word.length >= 4);
      for (const word of words) expect(run.stderr, word).not.toContain(word);
    }
    expect(runs[2]?.stderr).toMatch(/not valid JSON: the error is at line 1, column \d+/);
  });

  it('says a taken port in one line and exits, for the emulator and for start', async () => {
    const port = new URL(emulator().url).port;
    const dataDir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const runs = await Promise.all([cli(['emulator', '--port', port]), cli(['start'], { PORT: port, SCOPE_DOCTOR_DATA_DIR: dataDir })]);
    // Exiting at all shows the emulator `start` had begun was stopped again.
    for (const run of runs) {
      expectOneLineError(run);
      expect(run.stderr).toContain(`port ${port} is already in use`);
    }
  });

  it('refuses a second start on the same data folder in one line, exit 2, and the first keeps running', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const env = { PATH: process.env.PATH ?? '', PORT: '0', SCOPE_DOCTOR_DATA_DIR: dataDir };
    const first = spawn(process.execPath, ['bin/scope-doctor.js', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let output = '';
      await new Promise<void>((ready, failed) => {
        first.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Press Ctrl-C')) ready();
        });
        first.on('exit', (code) => failed(new Error(`the first start exited (${code}): ${output}`)));
      });
      const second = await runScopeDoctor(['start'], { PORT: '0', SCOPE_DOCTOR_DATA_DIR: dataDir });
      expectOneLineError(second);
      expect(second.stderr).toBe(
        `scope-doctor: ${dataDir} is in use by another Scope Doctor (pid ${first.pid}): stop it first, or set SCOPE_DOCTOR_DATA_DIR to another folder\n`,
      );
      const page = output.match(/Admin page\s+(\S+)/)?.[1] ?? '';
      expect((await fetch(page.replace('/admin', '/api/context'))).status).toBe(200);
    } finally {
      const exited = new Promise((done) => first.once('exit', done));
      first.kill('SIGTERM');
      await exited;
    }
    // Stopped cleanly, it lets go of the folder.
    expect(await readdir(dataDir)).not.toContain('lock');
  });

  it('refuses a non-Atlassian site before asking for the token', async () => {
    const run = await cli(['token', '--site', 'https://acme.atlassian.net.evil.example', '--email', 'a@b.example']);
    expectOneLineError(run);
    expect(run.stderr).toContain('is not a Jira Cloud site');
  });

  it('lists every problem of a custom profile, one per line, without a stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const profile = join(dir, 'profile.json');
    const capability = { name: 'Sync', operations: [{ method: 'GET', path: '/rest/foo' }], scopes: ['read:sprnt:jira-software'] };
    await writeFile(profile, JSON.stringify({ id: 'mine', name: 'Mine', vendor: 'Me', tokenKind: 'oauth', capabilities: [capability] }));
    const run = await cli(['coverage', '--profile-file', profile, '--scopes', 'read:jira-work']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      'scope-doctor: the profile has 2 problems:',
      '  - capabilities[0].operations[0].path: no Jira operation GET /rest/foo',
      '  - capabilities[0].scopes[0]: unknown scope "read:sprnt:jira-software" (did you mean read:sprint:jira-software?)',
    ]);
  });
});

describe('scope-doctor dc (Jira Data Center)', () => {
  const link = DEMO_DC.link;
  const dcSecrets = [link.clientSecret, DEMO_DC.pat, DEMO_DC.expiredPat];
  const dc = (args: string[], env: Record<string, string> = {}) => cli(['dc', '--base-url', `${emulator().url}${DEMO_DC.pathPrefix}`, ...args], env);

  it('passes the demo link and token (exit 0), with ✓ lines and no secret printed', async () => {
    const run = await dc(['--client-id', link.clientId, '--callback', link.redirectUrl, '--scopes', 'Admin', '--profile', 'kendis-dc-oauth'], {
      SCOPE_DOCTOR_CLIENT_SECRET: link.clientSecret,
      SCOPE_DOCTOR_TOKEN: DEMO_DC.pat,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Jira Data Center ${emulator().url}/dc`);
    expect(run.stdout).toContain('✓ Client ID and secret accepted');
    expect(run.stdout).toContain(`✓ Token accepted for ${DEMO_DC.user.name}`);
    for (const secret of dcSecrets) expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('fails a wrong secret, an expired token and a lower permission (exit 1) as JSON', async () => {
    const run = await dc(['--client-id', link.clientId, '--scopes', 'WRITE', '--profile', 'kendis-dc-oauth', '--json'], {
      SCOPE_DOCTOR_CLIENT_SECRET: 'demo-dc-wrong-secret',
      SCOPE_DOCTOR_TOKEN: DEMO_DC.expiredPat,
    });
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { verdict: string; baseUrl: string; results: { id: string; status: string }[] };
    expect(json.verdict).toBe('fail');
    expect(json.baseUrl).toBe(`${emulator().url}/dc`);
    expect(json.results.map((r) => [r.id, r.status])).toEqual([
      ['dc.credentials', 'fail'],
      ['dc.permission', 'fail'],
      ['dc.token', 'fail'],
    ]);
    for (const secret of [...dcSecrets, 'demo-dc-wrong-secret']) expect(run.stdout).not.toContain(secret);
  });

  it('exits 3 without a secret and no terminal, naming SCOPE_DOCTOR_CLIENT_SECRET, and when the server is down', async () => {
    const noSecret = await dc(['--client-id', link.clientId]);
    expect(noSecret.code).toBe(3);
    expect(noSecret.stdout).toContain('? Client ID and secret');
    expect(noSecret.stdout).toContain('SCOPE_DOCTOR_CLIENT_SECRET');
    const down = await cli(['dc', '--base-url', 'http://127.0.0.1:9/dc'], { SCOPE_DOCTOR_TOKEN: DEMO_DC.pat });
    expect(down.code).toBe(3);
  });

  it('refuses bad input with one line and exit 2', async () => {
    const runs = await Promise.all([
      cli(['dc', '--base-url', 'http://jira.acme.example', '--scopes', 'ADMIN']),
      cli(['dc', '--base-url', 'https://10.0.0.7/jira', '--scopes', 'ADMIN']),
      cli(['dc', '--base-url', 'https://acme.atlassian.net', '--scopes', 'ADMIN']),
      cli(['dc', '--scopes', 'ADMIN']),
      cli(['dc', '--base-url', `${emulator().url}/dc`]),
      cli(['dc', '--base-url', `${emulator().url}/dc`, '--scopes', 'ADMIN', '--profile', 'kendis-cloud-oauth']),
    ]);
    for (const run of runs) expectOneLineError(run);
    expect(runs[0]?.stderr).toContain('https');
    expect(runs[4]?.stderr).toContain('SCOPE_DOCTOR_TOKEN');
  });

  it('sends oauth and token with a Data Center profile to dc (exit 2), before asking for a secret', async () => {
    const runs = await Promise.all([
      cli(['oauth', '--profile', 'kendis-dc-oauth', '--client-id', link.clientId, '--scopes', 'ADMIN'], { SCOPE_DOCTOR_CLIENT_SECRET: link.clientSecret }),
      cli(['oauth', '--profile', 'kendis-dc-oauth', '--client-id', link.clientId, '--scopes', 'ADMIN']),
      cli(['token', '--profile', 'kendis-dc-oauth', '--site', 'acme', '--email', DEMO_ACCOUNTS.admin.email], { SCOPE_DOCTOR_TOKEN: DEMO_DC.pat }),
    ]);
    for (const run of runs) {
      expectOneLineError(run);
      expect(run.stderr).toContain('Jira Data Center profile');
      expect(run.stderr).toContain('scope-doctor dc --base-url');
    }
  });

  it('lists dc in the help text', async () => {
    expect((await cli(['--help'])).stdout).toContain('dc --base-url URL');
  });
});
