/**
 * `npm start` / `scope-doctor start`: build the UI when needed, start the emulator and the local page,
 * print where to go, and stop cleanly on Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/model';
import { startLocalServer } from './server';

export const DEFAULT_PORT = 8787;
/** The package's own folder, so `npx scope-doctor start` works from wherever it is run. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const UI_SOURCE = join(PACKAGE_ROOT, 'static/src');
const UI_BUILD = join(PACKAGE_ROOT, 'static/build');

export async function runStart(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (await uiNeedsBuild()) await buildUi();
  const port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`PORT must be a port number, not "${env.PORT}"`);
  const server = await startLocalServer({ port, staticDir: UI_BUILD, ...(env.SCOPE_DOCTOR_DATA_DIR ? { dataDir: env.SCOPE_DOCTOR_DATA_DIR } : {}) });
  console.log(
    [
      'Scope Doctor is running on the built-in Atlassian emulator (demo site acme.atlassian.net).',
      `  Admin page     ${server.url}/admin?as=admin`,
      `  Personal page  ${server.url}/personal?as=admin`,
      `  Emulator       ${server.emulatorUrl}`,
      `  Try the CLI against it: SCOPE_DOCTOR_ATLASSIAN_URL=${server.emulatorUrl} npx scope-doctor …`,
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
  await new Promise<void>((stopped) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close().then(stopped, stopped);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** True when there is no build, or any UI source file is newer than it. */
export async function uiNeedsBuild(sourceDir = UI_SOURCE, buildDir = UI_BUILD): Promise<boolean> {
  const built = await stat(join(buildDir, 'index.html')).catch(() => undefined);
  if (!built) return true;
  return (await newestChange(sourceDir)) > built.mtimeMs;
}

async function newestChange(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let newest = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? await newestChange(path) : (await stat(path)).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

function buildUi(): Promise<void> {
  console.log('Building the UI (static/build)…');
  return new Promise((done, fail) => {
    const child = spawn('npx', ['vite', 'build', '--config', 'static/vite.config.ts'], { stdio: 'inherit', cwd: PACKAGE_ROOT });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`The UI build failed (exit ${code}). Run npm run build:ui to see why.`))));
  });
}
