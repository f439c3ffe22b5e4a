/** The CLI's finish: shell completion, colour (NO_COLOR, --color) and --quiet, all through the real binary. */
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_HELP } from '../../src/local/cli/usage';
import { DEMO_ORG, startEmulator, type Emulator } from '../../src/emulator';
import { runScopeDoctor } from '../support/cli';

const ANSI = /\u001b\[\d+m/;

function bash(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`bash exited ${code}`))));
  });
}

describe('scope-doctor completion', () => {
  it('bash: completes commands, subcommands and each command’s options from its help', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const script = join(dir, 'completion.bash');
    const run = await runScopeDoctor(['completion', 'bash', '--color']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(ANSI);
    await writeFile(script, run.stdout);
    const complete = (line: string) =>
      bash(
        `source ${script}; read -ra COMP_WORDS <<< "${line}"; [[ "${line}" == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$((\${#COMP_WORDS[@]}-1)); _scope_doctor; echo "\${COMPREPLY[*]}"`,
      ).then((s) => s.trim());
    expect(await complete('scope-doctor ex')).toBe('explain export');
    expect(await complete('scope-doctor scopes ')).toBe('lint for');
    expect(await complete('scope-doctor scopes for --profile-')).toBe('--profile-file --profile-id --profile-out');
    expect(await complete('scope-doctor doctor --c')).toBe('--color --config');
    expect(await complete('scope-doctor tokens --')).toContain('--org');
    expect(await complete('scope-doctor completion ')).toBe('bash zsh fish');
  });

  it('zsh and fish: every command, subcommand and option the help names', async () => {
    for (const shell of ['zsh', 'fish']) {
      const run = await runScopeDoctor(['completion', shell]);
      expect(run.code, shell).toBe(0);
      for (const [command, help] of Object.entries(COMMAND_HELP)) {
        expect(run.stdout, `${shell} ${command}`).toMatch(new RegExp(`\\b${command}\\b`));
        for (const option of help.match(/--[a-z][a-z-]*/g) ?? [])
          expect(run.stdout, `${shell} ${command} ${option}`).toContain(shell === 'fish' ? `-l ${option.slice(2)}` : option);
      }
    }
    expect((await runScopeDoctor(['completion', 'zsh'])).stdout).toMatch(/^#compdef scope-doctor\n/);
  });

  it('refuses another shell (exit 2)', async () => {
    expect((await runScopeDoctor(['completion', 'powershell'])).code).toBe(2);
  });
});

describe('per-command help', () => {
  it('every command has its own help with examples, and is listed in the overview', async () => {
    const overview = (await runScopeDoctor(['--help'])).stdout;
    for (const command of Object.keys(COMMAND_HELP)) {
      const run = await runScopeDoctor([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toMatch(new RegExp(`^Usage: scope-doctor ${command}`));
      expect(run.stdout, command).toMatch(/\nExamples:\n {2}.*scope-doctor /);
      expect(overview, command).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });
});

describe('colour and --quiet', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  const coverage = ['coverage', '--profile', 'kendis-cloud-oauth', '--scopes', 'View projects, View sprints'];

  it('prints no colour when piped, colours the marks with --color (even with NO_COLOR), none with --no-color', async () => {
    expect((await runScopeDoctor(coverage)).stdout).not.toMatch(ANSI);
    const forced = await runScopeDoctor([...coverage, '--color'], { NO_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[31m✗\u001b[39m');
    expect(forced.code).toBe(1);
    expect((await runScopeDoctor([...coverage, '--color', '--no-color'])).stdout).not.toMatch(ANSI);
    expect((await runScopeDoctor([...coverage, '--color', '--json'])).stdout).not.toMatch(ANSI);
  });

  it('--quiet leaves only what needs attention, with the same exit code', async () => {
    const loud = await runScopeDoctor(coverage);
    const quiet = await runScopeDoctor([...coverage, '-q']);
    expect(quiet.code).toBe(loud.code);
    expect(loud.stdout).toMatch(/^ {2,}✓ /m);
    expect(quiet.stdout).not.toMatch(/^ {2,}[✓i] /m);
    expect(quiet.stdout).toMatch(/^ {2}✗ /m);
  });

  it('--quiet drops the doctor’s progress lines but keeps its table', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scope-doctor-'));
    const config = join(dir, 'c.yaml');
    await writeFile(config, `sites: [acme.atlassian.net]\norganizations: [{ id: ${DEMO_ORG.id}, keyEnv: KEY }]\n`);
    const env = { SCOPE_DOCTOR_ATLASSIAN_URL: emulator.url, KEY: DEMO_ORG.adminKey };
    const loud = await runScopeDoctor(['doctor', '--config', config], env);
    const quiet = await runScopeDoctor(['doctor', '--config', config, '--quiet'], env);
    expect(loud.stdout).toMatch(/^✓ site acme\.atlassian\.net \(/m);
    expect(quiet.stdout).not.toMatch(/^✓ site/m);
    expect(quiet.stdout).toMatch(/^site acme\.atlassian\.net +✓ pass/m);
    expect(quiet.code).toBe(loud.code);
  });
});
