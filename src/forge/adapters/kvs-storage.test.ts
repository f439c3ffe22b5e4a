import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgeState } from '../../../test/mocks/forge';
import { kvsSecrets, kvsStore } from './kvs-storage';

vi.mock('@forge/kvs', async () => (await import('../../../test/mocks/forge')).kvsModule);

describe('Forge storage adapter', () => {
  beforeEach(() => forgeState.reset());

  it('claims a key only once', async () => {
    expect(await kvsStore.claim('connection-version:c1:2')).toBe(true);
    expect(await kvsStore.claim('connection-version:c1:2')).toBe(false);
    expect(await kvsStore.claim('connection-version:c1:3')).toBe(true);
  });

  it('pages through keys by prefix', async () => {
    for (const id of ['b', 'a', 'c']) await kvsStore.set(`token-check:${id}`, { id });
    await kvsStore.set('connection:x', { id: 'x' });
    const first = await kvsStore.list<{ id: string }>('token-check:', { limit: 2 });
    const second = await kvsStore.list<{ id: string }>('token-check:', { limit: 2, cursor: first.cursor! });
    expect([...first.items, ...second.items].map((item) => item.value.id)).toEqual(['a', 'b', 'c']);
    expect(second.cursor).toBeUndefined();
  });

  it('keeps secrets out of the entity store', async () => {
    await kvsSecrets.setSecret('client-secret:c1', 'demo-secret-1a2b');
    expect(await kvsStore.get('client-secret:c1')).toBeUndefined();
    expect(await kvsSecrets.getSecret('client-secret:c1')).toBe('demo-secret-1a2b');
    await kvsSecrets.deleteSecret('client-secret:c1');
    expect(await kvsSecrets.getSecret('client-secret:c1')).toBeUndefined();
  });
});
