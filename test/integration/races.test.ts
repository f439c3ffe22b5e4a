/**
 * The races a person can start from two tabs, 100 runs each, in local storage and in Forge's kvs (the
 * mock): "forget my token" against an opted-in check in flight, and a connection's delete against a save.
 * The second call starts at a different step (storage call or request) of the first in each run, and every
 * storage call lets others slip in, so every window between two writes is tried.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_TOKENS } from '../../src/emulator/demo';
import { kvsSecrets, kvsStore } from '../../src/forge/adapters/kvs-storage';
import type { DataOf, PayloadOf, ResolverName, ResolverResponse } from '../../src/forge/api';
import type { AppDeps, ResolverContext, SecretStore, Store } from '../../src/forge/ports';
import { invokeResolver } from '../../src/forge/resolvers';
import { keys, secretKeys } from '../../src/forge/storage/keys';
import { recheckToken } from '../../src/forge/tokens';
import { MemorySecretStore, MemoryStore } from '../../src/local/adapters/memory';
import { demoContext } from '../../src/local/deps';
import { testDeps, withTestProfile } from '../mocks/app-deps';
import { forgeState } from '../mocks/forge';
import { interleavedStorage, seededRandom } from '../support/interleave';
import { useEmulator } from '../support/emulator';

vi.mock('@forge/kvs', async () => (await import('../mocks/forge')).kvsModule);

const RUNS = 100;

function call<K extends ResolverName>(name: K, payload: PayloadOf<K>, context: ResolverContext, deps: AppDeps) {
  return invokeResolver(name, payload, context, deps) as Promise<ResolverResponse<DataOf<K>>>;
}

const emulator = useEmulator();

type Storage = { store: Store; secrets: SecretStore };
const MODES: { name: string; fresh: () => Storage }[] = [
  { name: 'local storage', fresh: () => ({ store: new MemoryStore(), secrets: new MemorySecretStore() }) },
  {
    name: 'Forge kvs',
    fresh: () => {
      forgeState.reset();
      return { store: kvsStore, secrets: kvsSecrets };
    },
  },
];

/**
 * Deps whose storage interleaves, and a race that starts `second` as the `at`-th step of `first` begins: a
 * step is a storage call or a request to the emulator, so a start can fall anywhere in a check.
 */
function racingDeps(storage: Storage, seed: number) {
  let steps = 0;
  let trigger: { at: number; start: () => void } | undefined;
  const step = () => {
    steps += 1;
    if (trigger && steps >= trigger.at) {
      const start = trigger.start;
      trigger = undefined;
      start();
    }
  };
  const interleaved = interleavedStorage(storage.store, storage.secrets, { random: seededRandom(seed), onCall: step });
  const deps: AppDeps = {
    ...testDeps(),
    ...interleaved,
    checkDeps: {
      fetch: (url, init) => {
        step();
        return fetch(url, init);
      },
      hosts: emulator().hosts,
    },
  };
  /** Steps `first` takes alone, to spread the starts of `second` over all of them. */
  async function stepsOf(first: () => Promise<unknown>): Promise<number> {
    steps = 0;
    await first();
    return steps;
  }
  /** Runs `first`, starting `second` at its `at`-th step (or right after it, if it takes fewer). */
  async function race<A, B>(at: number, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
    steps = 0;
    let started: Promise<B> | undefined;
    trigger = {
      at,
      start: () => {
        started = second();
      },
    };
    const a = await first();
    trigger = undefined;
    return [a, await (started ?? second())];
  }
  return { deps, race, stepsOf };
}

describe.each(MODES)('races in $name', ({ fresh }) => {
  const ana = demoContext('admin');
  const check = { email: DEMO_ACCOUNTS.admin.email, token: DEMO_TOKENS.kendisScopedAna.token, profileId: 'kendis-user-token', recheck: true };

  it(`forget wins over an opted-in check in flight: 0 tokens kept in ${RUNS} runs`, async () => {
    let kept = 0;
    const probe = racingDeps(fresh(), 0);
    const span = await probe.stepsOf(() => call('checkMyToken', check, ana, probe.deps));
    for (let run = 0; run < RUNS; run++) {
      const storage = fresh();
      const { deps, race } = racingDeps(storage, run);
      const [checked, forgot] = await race(
        1 + (run % span),
        () => call('checkMyToken', check, ana, deps),
        () => call('forgetMyToken', {}, ana, deps),
      );
      expect(checked.ok && forgot.ok, `run ${run}`).toBe(true);
      const left = [
        await storage.secrets.getSecret(secretKeys.userToken(ana.accountId)),
        await storage.store.get(keys.tokenCheck(ana.accountId)),
        await storage.store.get(keys.tokenReport(ana.accountId)),
      ];
      if (left.some((value) => value !== undefined)) kept += 1;
    }
    console.log(`forget vs check in flight: ${RUNS} runs over the check's ${span} steps, ${kept} kept a token or its results`);
    expect(kept).toBe(0);
  });

  it(`forget wins over the daily re-check in flight: 0 tokens kept in ${RUNS} runs`, async () => {
    let kept = 0;
    const probe = racingDeps(fresh(), 0);
    await call('checkMyToken', check, ana, probe.deps);
    const span = await probe.stepsOf(() => recheckToken(ana.accountId, probe.deps));
    for (let run = 0; run < RUNS; run++) {
      const storage = fresh();
      const { deps, race } = racingDeps(storage, run);
      await call('checkMyToken', check, ana, deps);
      await race(
        1 + (run % span),
        () => recheckToken(ana.accountId, deps),
        () => call('forgetMyToken', {}, ana, deps),
      );
      if ((await storage.secrets.getSecret(secretKeys.userToken(ana.accountId))) || (await storage.store.get(keys.tokenCheck(ana.accountId)))) kept += 1;
    }
    console.log(`forget vs re-check in flight: ${RUNS} runs over the re-check's ${span} steps, ${kept} kept a token or its results`);
    expect(kept).toBe(0);
  });

  it(`a check after a forget keeps its token again: 0 lost in ${RUNS} runs`, async () => {
    let lost = 0;
    for (let run = 0; run < RUNS; run++) {
      const storage = fresh();
      const { deps } = racingDeps(storage, run);
      await call('checkMyToken', check, ana, deps);
      await call('forgetMyToken', {}, ana, deps);
      await call('checkMyToken', check, ana, deps);
      const status = await call('getMyTokenStatus', {}, ana, deps);
      const secret = await storage.secrets.getSecret(secretKeys.userToken(ana.accountId));
      if (!secret || !status.ok || !status.data.last?.recheck) lost += 1;
    }
    console.log(`check after forget: ${RUNS} runs, ${lost} lost`);
    expect(lost).toBe(0);
  });

  it(`a delete racing a save never resurrects the connection: 0 in ${RUNS} runs`, async () => {
    let resurrected = 0;
    const outcomes = { saved: 0, conflict: 0 };
    const admin = { ...ana, accountId: 'account-admin' };
    const settings = { name: 'App', profileId: 'test-oauth', clientId: 'demo-id', callbackUrl: '', scopes: 'read:project:jira' };
    const create = async (deps: AppDeps) => {
      await withTestProfile(deps);
      const created = await call('saveConnection', { connection: { ...settings, clientSecret: 'demo-client-secret-first-0001' } }, admin, deps);
      if (!created.ok) throw new Error(created.error.message);
      return created.data;
    };
    // Half the saves bring a new secret, half keep the stored one (and its hint).
    const update = (run: number) => ({ ...settings, name: 'Renamed', ...(run % 2 ? { clientSecret: 'demo-client-secret-second-002' } : {}) });
    const probe = racingDeps(fresh(), 0);
    const first = await create(probe.deps);
    const span = await probe.stepsOf(() => call('saveConnection', { id: first.id, version: first.version, connection: update(1) }, admin, probe.deps));
    for (let run = 0; run < RUNS; run++) {
      const storage = fresh();
      const { deps, race } = racingDeps(storage, run);
      const { id, version } = await create(deps);
      const [saved, deleted] = await race(
        1 + (Math.floor(run / 2) % span),
        () => call('saveConnection', { id, version, connection: update(run) }, admin, deps),
        () => call('deleteConnection', { id }, admin, deps),
      );
      expect(deleted, `run ${run}`).toEqual({ ok: true, data: { deleted: true } });
      if (saved.ok) outcomes.saved += 1;
      else {
        expect(saved.error.code, `run ${run}`).toBe('conflict');
        outcomes.conflict += 1;
      }
      const listed = await call('listConnections', {}, admin, deps);
      const left = [
        await storage.store.get(keys.connection(id)),
        await storage.store.get(keys.connectionStatus(id)),
        await storage.secrets.getSecret(secretKeys.clientSecret(id)),
      ];
      if (!listed.ok || listed.data.length > 0 || left.some((value) => value !== undefined)) resurrected += 1;
    }
    console.log(
      `delete vs save: ${RUNS} runs over the save's ${span} steps, ${resurrected} resurrected (save first ${outcomes.saved}, save refused with conflict ${outcomes.conflict})`,
    );
    expect(resurrected).toBe(0);
  });

  it(`a connection check racing its delete leaves nothing behind: 0 in ${RUNS} runs`, async () => {
    let left = 0;
    const admin = { ...ana, accountId: 'account-admin' };
    const create = async (deps: AppDeps) => {
      await withTestProfile(deps);
      const connection = {
        name: 'App',
        profileId: 'test-oauth',
        clientId: 'demo-id',
        callbackUrl: '',
        scopes: 'read:project:jira',
        clientSecret: 'demo-client-secret-first-0001',
      };
      const created = await call('saveConnection', { connection }, admin, deps);
      if (!created.ok) throw new Error(created.error.message);
      return created.data.id;
    };
    const probe = racingDeps(fresh(), 0);
    const probeId = await create(probe.deps);
    const span = await probe.stepsOf(() => call('checkConnection', { id: probeId }, admin, probe.deps));
    for (let run = 0; run < RUNS; run++) {
      const storage = fresh();
      const { deps, race } = racingDeps(storage, run);
      const id = await create(deps);
      const [, deleted] = await race(
        1 + (run % span),
        () => call('checkConnection', { id }, admin, deps),
        () => call('deleteConnection', { id }, admin, deps),
      );
      expect(deleted.ok, `run ${run}`).toBe(true);
      if ((await storage.store.get(keys.connectionStatus(id))) || (await storage.store.get(keys.connection(id)))) left += 1;
    }
    console.log(`delete vs connection check: ${RUNS} runs over the check's ${span} steps, ${left} left a status or the connection behind`);
    expect(left).toBe(0);
  });
});
