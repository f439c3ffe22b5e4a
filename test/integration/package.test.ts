/**
 * The package as people get it: `npm pack` (its prepack builds the web page when needed), installed into a
 * clean folder with no network — `npm install --offline` from a lockfile of the exact versions this repo
 * resolved, all already in npm's cache — then run with `npx`: the CLI, its emulator, and `start`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITE } from '../../src/emulator/demo';
import { runProcess, type CliRun } from '../support/cli';

function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return runProcess(command, args, { cwd, env: { ...process.env, npm_config_update_notifier: 'false', ...env } });
}

/** Stops a command started with startUntil, and whatever it started. */
function stop(child: ChildProcess): void {
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
}

/** Starts a long-running command and resolves with the first match of `ready` in its output. */
function startUntil(
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    // Its own process group: npx runs the bin in a child, and stopping it must stop both.
    const child = spawn('npx', ['--offline', 'scope-doctor', ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = ready.exec(output);
      if (match) resolve({ child, match });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`exited ${code} before it was ready: ${output.slice(-500)}`)));
  });
}

const repo = process.cwd();
let work: string;
let consumer: string;
let tarball: string;
let files: string[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'scope-doctor-pack-'));
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work], repo);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  files = info!.files.map((f) => f.path);

  // The consumer: a project that depends on the tarball, its lock made of the repo's resolved production
  // packages (so nothing needs the registry), installed offline without install scripts.
  consumer = join(work, 'consumer');
  const lock = JSON.parse(await readFile(join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as {
    version: string;
    license: string;
    dependencies: object;
    bin: object;
    engines: object;
  };
  const dependency = { 'scope-doctor': `file:../${info!.filename}` };
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', version: '1.0.0', dependencies: dependency },
    'node_modules/scope-doctor': {
      version: pkg.version,
      resolved: `file:../${info!.filename}`,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) if (path && !entry.dev) packages[path] = entry;
  await run('mkdir', ['-p', consumer], work);
  await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, dependencies: dependency }));
  await writeFile(join(consumer, 'package-lock.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages }));
  const installed = await run('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], consumer);
  expect(installed.code, installed.stderr).toBe(0);
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const npx = (args: readonly string[], env: Record<string, string> = {}) => run('npx', ['--offline', 'scope-doctor', ...args], consumer, env);

describe('the packed package', () => {
  it('holds the CLI, its sources without tests, the built page, the schema, the profiles and the recorded answers', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/scope-doctor.js',
        'src/local/cli/main.ts',
        'static/build/index.html',
        'schema/profile.schema.json',
        'profiles/kendis-cloud-oauth.json',
        'test/fixtures/atlassian/gateway.scope-mismatch.json',
        'README.md',
        'package.json',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.test.ts') || f.startsWith('test/integration/') || f.startsWith('tools/'))).toEqual([]);
    expect(tarball).toMatch(/scope-doctor-\d+\.\d+\.\d+\.tgz$/);
  });

  it('runs with npx in a clean folder, offline', async () => {
    const version = await npx(['--version']);
    expect(version.stdout.trim(), version.stderr).toMatch(/^scope-doctor \d+\.\d+\.\d+$/);
    const explained = await npx([
      'explain',
      `GET https://api.atlassian.com/ex/jira/${DEMO_SITE.cloudId}/rest/agile/1.0/board/12/sprint?state=active 401 scope does not match`,
    ]);
    expect(explained.code).toBe(1);
    expect(explained.stdout).toContain('✗ 401: refused for a missing scope');
    const validated = await npx(['profiles', 'validate', 'node_modules/scope-doctor/profiles/targetprocess.json']);
    expect(validated.code, validated.stdout + validated.stderr).toBe(0);
  });

  it('runs its own emulator, whose recorded answers ship with it', async () => {
    const { child, match } = await startUntil(['emulator', '--port', '0'], consumer, {}, /export SCOPE_DOCTOR_ATLASSIAN_URL=(\S+)/);
    try {
      const lookup = await npx(['cloud-id', 'acme'], { SCOPE_DOCTOR_ATLASSIAN_URL: match[1]! });
      expect(lookup.code, lookup.stderr).toBe(0);
      expect(lookup.stdout).toContain(DEMO_SITE.cloudId);
    } finally {
      stop(child);
    }
  });

  it('starts the web page from the consumer’s folder with the build it ships', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'scope-doctor-data-'));
    const { child, match } = await startUntil(['start'], consumer, { PORT: '0', SCOPE_DOCTOR_DATA_DIR: dataDir }, /Admin page +(\S+)/);
    try {
      const page = await fetch(match[1]!);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"');
    } finally {
      stop(child);
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
