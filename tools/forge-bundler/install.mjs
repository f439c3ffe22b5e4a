/**
 * Installs this folder's packages (Forge's deploy bundler and Forge's Node version) for the bundle test.
 * Scripts stay off, so keytar's native build (it needs libsecret) never runs; bundling needs no login.
 * Skipped when package-lock.json is unchanged since the last install (a stamp inside node_modules).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const stamp = join(here, 'node_modules', '.installed-lock-sha256');
const lockHash = createHash('sha256')
  .update(readFileSync(join(here, 'package-lock.json')))
  .digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash) {
  console.log('tools/forge-bundler: up to date');
} else {
  console.log('tools/forge-bundler: installing @forge/bundler and Node 22 (npm ci, scripts off)…');
  const result = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: here,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(`tools/forge-bundler: npm ci failed (${result.error?.message ?? `exit ${result.status}`})`);
    process.exit(1);
  }
  writeFileSync(stamp, lockHash);
}
