/**
 * One local server per data folder: each keeps the whole store in memory and rewrites its files, so a second
 * one on the same folder would silently overwrite the first one's writes. The lock file holds the owner's
 * pid; a lock whose process is gone (a crash, kill -9) is taken over.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../core/model';

export const LOCK_FILE = 'lock';

export interface DataLock {
  /** Removes the lock file if it is still this process's. */
  release(): Promise<void>;
}

export async function lockDataDir(dataDir: string): Promise<DataLock> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, LOCK_FILE);
  const mine = String(process.pid);
  // Twice at most: once as found, once after taking over a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await create(path, mine)) return { release: () => releaseIfMine(path, mine) };
    const holder = await readIfThere(path);
    if (holder === undefined) continue;
    const pid = Number(holder);
    if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
      throw new InputError(`${dataDir} is in use by another Scope Doctor (pid ${pid}): stop it first, or set SCOPE_DOCTOR_DATA_DIR to another folder`);
    }
    await takeOver(path, holder);
  }
  throw new InputError(`${dataDir} is being locked by another Scope Doctor starting right now: try again in a moment`);
}

/** The lock appears whole or not at all: written aside, then linked in place (which fails if one is there). */
async function create(path: string, content: string): Promise<boolean> {
  const temp = `${path}.${randomUUID()}.tmp`;
  await writeFile(temp, content, { mode: 0o600 });
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Moves the stale lock aside and checks it is the one judged stale: if another process took it over in the
 * meantime, its fresh lock is put back (unless yet another one is there already).
 */
async function takeOver(path: string, stale: string): Promise<void> {
  const aside = `${path}.${randomUUID()}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw error;
  }
  if ((await readIfThere(aside)) !== stale) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function releaseIfMine(path: string, mine: string): Promise<void> {
  if ((await readIfThere(path)) === mine) await unlink(path).catch(() => undefined);
}

async function readIfThere(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** Signal 0 only asks whether the process exists; EPERM means it does, under another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

function codeOf(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}
