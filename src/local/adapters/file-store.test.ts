import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openFileStorage } from './file-store';

/** Files put in place (each write ends with a rename). */
const renames = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: (from: string, to: string) => {
      renames.count += 1;
      return actual.rename(from, to);
    },
  };
});

describe('openFileStorage', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scope-doctor-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps entities and secrets in separate files, secrets readable by the owner only', async () => {
    const { store, secrets } = await openFileStorage(dir);
    await store.set('connection:1', { name: 'App' });
    await secrets.setSecret('client-secret:1', 'demo-secret-value');

    expect(await readFile(join(dir, 'store.json'), 'utf8')).not.toContain('demo-secret-value');
    expect(await readFile(join(dir, 'secrets.json'), 'utf8')).toContain('demo-secret-value');
    expect((await stat(join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
  });

  it('reads back what an earlier run wrote', async () => {
    const first = await openFileStorage(dir);
    await first.store.set('connection:1', { name: 'App' });
    await first.secrets.setSecret('client-secret:1', 'demo-secret-value');
    await first.secrets.deleteSecret('client-secret:1');

    const second = await openFileStorage(dir);
    expect(await second.store.get('connection:1')).toEqual({ name: 'App' });
    expect(await second.secrets.getSecret('client-secret:1')).toBeUndefined();
  });

  it('survives many writes at once, each saved by the time it returns, in far fewer file writes', async () => {
    const { store } = await openFileStorage(dir);
    renames.count = 0;
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        await store.set(`token-check:${i}`, { i });
        // Saved on disk by the time the call returns, whichever write carried it.
        expect(JSON.parse(await readFile(join(dir, 'store.json'), 'utf8'))).toHaveProperty([`token-check:${i}`]);
      }),
    );
    expect(renames.count).toBeLessThanOrEqual(2);
    const reopened = await openFileStorage(dir);
    expect((await reopened.store.list('token-check:')).items).toHaveLength(30);
  });
});
