/**
 * Local stand-ins for Forge storage: entities in `store.json`, secrets apart in `secrets.json` readable by
 * the owner only (0600). Both are rewritten atomically (temp file + rename), one write at a time, and the
 * writes asked for while one runs share the next one.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../core/ports';
import { systemClock } from '../../core/ports';
import { MemorySecretStore, MemoryStore, type StoredEntry } from './memory';

export const DEFAULT_DATA_DIR = '.scope-doctor';

export interface FileStorage {
  store: MemoryStore;
  secrets: MemorySecretStore;
}

export async function openFileStorage(dataDir: string, clock: Clock = systemClock): Promise<FileStorage> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const storePath = join(dataDir, 'store.json');
  const secretsPath = join(dataDir, 'secrets.json');
  const entries = new Map(Object.entries(await readJson<Record<string, StoredEntry>>(storePath, {})));
  const secrets = new Map(Object.entries(await readJson<Record<string, string>>(secretsPath, {})));
  const store = new MemoryStore(
    entries,
    coalesced(() => writeAtomically(storePath, Object.fromEntries(entries), 0o600)),
    clock,
  );
  const secretStore = new MemorySecretStore(
    secrets,
    coalesced(() => writeAtomically(secretsPath, Object.fromEntries(secrets), 0o600)),
  );
  return { store, secrets: secretStore };
}

async function readJson<T>(path: string, fallback: T): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if (isMissingFile(error)) return fallback;
    throw new Error(`Cannot read ${path}: it is not valid JSON. Move it aside to start with empty local data.`, { cause: error });
  }
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

async function writeAtomically(path: string, value: unknown, mode: number): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(value, null, 2), { mode });
  await chmod(temp, mode);
  await rename(temp, path);
}

/**
 * One write at a time, so two never interleave on the same temp file; and at most one waiting, which every
 * change made meanwhile joins: it reads the whole state when it starts, so it saves them all. Under load a
 * change then waits for at most two writes instead of a queue of them.
 */
function coalesced(write: () => Promise<void>): () => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | undefined;
  return () => {
    if (waiting) return waiting;
    const start = () => {
      waiting = undefined;
      return write();
    };
    waiting = last.then(start, start);
    last = waiting;
    return waiting;
  };
}
