import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../emulator/fake-clock';
import { MemoryStore } from './memory';

describe('MemoryStore', () => {
  it('lists by prefix page by page, in key order', async () => {
    const store = new MemoryStore();
    for (const id of ['c', 'a', 'b', 'd', 'e']) await store.set(`token-check:${id}`, { id });
    await store.set('connection:x', { id: 'x' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.list<{ id: string }>('token-check:', { limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.value.id));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('forgets entries once their time to live has passed', async () => {
    const clock = new FakeClock();
    const store = new MemoryStore(undefined, undefined, clock);
    await store.set('consent:s', { ok: true }, { ttlSeconds: 60 });
    expect(await store.get('consent:s')).toEqual({ ok: true });
    clock.advance(61_000);
    expect(await store.get('consent:s')).toBeUndefined();
    expect((await store.list('consent:')).items).toEqual([]);
  });

  it('claims a key once, again only after its time to live has passed', async () => {
    const clock = new FakeClock();
    const store = new MemoryStore(undefined, undefined, clock);
    const claims = await Promise.all([store.claim('v:2', { ttlSeconds: 60 }), store.claim('v:2', { ttlSeconds: 60 })]);
    expect(claims.sort()).toEqual([false, true]);
    clock.advance(61_000);
    expect(await store.claim('v:2')).toBe(true);
  });

  it('hands out copies, so changing a returned value does not change the store', async () => {
    const store = new MemoryStore();
    await store.set('k', { list: [1] });
    const value = await store.get<{ list: number[] }>('k');
    value!.list.push(2);
    expect(await store.get('k')).toEqual({ list: [1] });
  });
});
