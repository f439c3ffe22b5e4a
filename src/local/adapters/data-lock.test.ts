import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../core/model';
import { LOCK_FILE, lockDataDir } from './data-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scope-doctor-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('lockDataDir', () => {
  it('holds the folder with its pid, owner-only, refuses a second holder in one line, and lets go', async () => {
    const lock = await lockDataDir(dir);
    const path = join(dir, LOCK_FILE);
    expect(await readFile(path, 'utf8')).toBe(String(process.pid));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const second = lockDataDir(dir);
    await expect(second).rejects.toThrow(InputError);
    await expect(second).rejects.toThrow(
      `${dir} is in use by another Scope Doctor (pid ${process.pid}): stop it first, or set SCOPE_DOCTOR_DATA_DIR to another folder`,
    );
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
    await (await lockDataDir(dir)).release();
  });

  it('takes over the lock of a process that is gone, and of one nobody could have written whole', async () => {
    for (const stale of [String(deadPid()), 'not a pid', '']) {
      await writeFile(join(dir, LOCK_FILE), stale);
      const lock = await lockDataDir(dir);
      expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
      await lock.release();
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('lets exactly one of many starting at once take a stale lock', async () => {
    await writeFile(join(dir, LOCK_FILE), String(deadPid()));
    const attempts = await Promise.allSettled(Array.from({ length: 8 }, () => lockDataDir(dir)));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts) if (attempt.status === 'rejected') expect(attempt.reason).toBeInstanceOf(InputError);
  });

  it('does not remove a lock that is no longer its own', async () => {
    const lock = await lockDataDir(dir);
    await writeFile(join(dir, LOCK_FILE), '1');
    await lock.release();
    expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe('1');
  });
});
