/**
 * Storage that lets another call slip in around every operation, so races show up in tests: each call
 * waits a few event-loop turns (chosen by a seeded random) before and after it runs, and an optional hook
 * sees every call start.
 */
import type { SecretStore, Store } from '../../src/forge/ports';

/** A small seeded generator (mulberry32): a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Interleaving {
  random: () => number;
  /** Called as each storage call starts, with its method name. */
  onCall?: (method: string) => void;
}

async function turns(random: () => number): Promise<void> {
  const count = Math.floor(random() * 4);
  for (let i = 0; i < count; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

function interleaved<T extends object>(target: T, options: Interleaving): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        options.onCall?.(String(property));
        await turns(options.random);
        try {
          return await method.apply(object, args);
        } finally {
          await turns(options.random);
        }
      };
    },
  });
}

export function interleavedStorage(store: Store, secrets: SecretStore, options: Interleaving): { store: Store; secrets: SecretStore } {
  return { store: interleaved(store, options), secrets: interleaved(secrets, options) };
}
