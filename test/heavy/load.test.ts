/**
 * Load on loopback: 50 people using the pages at once, each waiting for one answer before the next request,
 * first through the local server (HTTP, JSON, file storage), then straight into the resolvers (memory
 * storage), both over one emulator. Prints requests per second, latency percentiles and errors; an error
 * is any answer that is not a 200 with `ok: true`. SCOPE_DOCTOR_LOAD_SECONDS sets each phase's length.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_SITE, DEMO_TOKENS, type DemoRole } from '../../src/emulator/demo';
import type { ResolverResponse } from '../../src/forge/api';
import { invokeResolver } from '../../src/forge/resolvers';
import { MemorySecretStore, MemoryStore } from '../../src/local/adapters/memory';
import { demoContext, localDeps } from '../../src/local/deps';
import { seedDemoData } from '../../src/local/seed';
import { startLocalServer, type LocalServer } from '../../src/local/server';
import { seededRandom } from '../support/interleave';

const USERS = 50;
const PHASE_SECONDS = Number(process.env.SCOPE_DOCTOR_LOAD_SECONDS ?? 45);

interface Action {
  name: string;
  as: DemoRole;
  key: string;
  payload: (connectionId: string) => unknown;
  weight: number;
}

/** What people do on the pages, weighted: reads most, token and connection checks (many requests each) less. */
const ACTIONS: Action[] = [
  { name: 'getMe', as: 'user', key: 'getMe', payload: () => ({}), weight: 4 },
  { name: 'getMyTokenStatus', as: 'user', key: 'getMyTokenStatus', payload: () => ({}), weight: 4 },
  { name: 'listProfiles', as: 'user', key: 'listProfiles', payload: () => ({}), weight: 2 },
  {
    name: 'checkMyToken',
    as: 'user',
    key: 'checkMyToken',
    payload: () => ({ email: DEMO_ACCOUNTS.user.email, token: DEMO_TOKENS.kendisScopedUri.token, profileId: 'kendis-user-token', recheck: false }),
    weight: 2,
  },
  { name: 'listConnections', as: 'admin', key: 'listConnections', payload: () => ({}), weight: 3 },
  { name: 'checkConnection', as: 'admin', key: 'checkConnection', payload: (id) => ({ id }), weight: 2 },
  { name: 'lookupCloudId', as: 'admin', key: 'lookupCloudId', payload: () => ({ site: DEMO_SITE.host }), weight: 2 },
  { name: 'explore', as: 'admin', key: 'explore', payload: () => ({ query: 'read:sprint:jira-software' }), weight: 2 },
  { name: 'listTokenChecks', as: 'admin', key: 'listTokenChecks', payload: () => ({}), weight: 1 },
];
const TOTAL_WEIGHT = ACTIONS.reduce((sum, a) => sum + a.weight, 0);

function pick(random: () => number): Action {
  let left = random() * TOTAL_WEIGHT;
  for (const action of ACTIONS) {
    left -= action.weight;
    if (left < 0) return action;
  }
  return ACTIONS[0]!;
}

type Call = (action: Action) => Promise<boolean>;

interface Sample {
  action: string;
  ms: number;
  ok: boolean;
}

/** USERS loops, each one request at a time, for PHASE_SECONDS. */
async function load(call: Call): Promise<{ samples: Sample[]; seconds: number }> {
  const samples: Sample[] = [];
  const started = performance.now();
  const until = started + PHASE_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: USERS }, async (_, user) => {
      const random = seededRandom(user + 1);
      while (performance.now() < until) {
        const action = pick(random);
        const begun = performance.now();
        const ok = await call(action).catch(() => false);
        samples.push({ action: action.name, ms: performance.now() - begun, ok });
      }
    }),
  );
  return { samples, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
}

function report(title: string, { samples, seconds }: { samples: Sample[]; seconds: number }): number {
  const line = (name: string, of: Sample[]) => {
    const ms = of.map((s) => s.ms).sort((a, b) => a - b);
    const errors = of.filter((s) => !s.ok).length;
    return `  ${name.padEnd(18)} ${String(of.length).padStart(7)} requests ${(of.length / seconds).toFixed(1).padStart(8)}/s   p50 ${percentile(ms, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(ms, 95).toFixed(0).padStart(5)} ms   p99 ${percentile(ms, 99).toFixed(0).padStart(5)} ms   max ${(ms.at(-1) ?? 0).toFixed(0).padStart(5)} ms   errors ${errors}`;
  };
  console.log(
    [
      `${title}: ${USERS} users for ${seconds.toFixed(1)} s on loopback`,
      line('all', samples),
      ...ACTIONS.map((a) =>
        line(
          a.name,
          samples.filter((s) => s.action === a.name),
        ),
      ),
    ].join('\n'),
  );
  return samples.filter((s) => !s.ok).length;
}

let server: LocalServer;
let dataDir: string;
let connectionId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'scope-doctor-load-'));
  server = await startLocalServer({ dataDir, staticDir: dataDir, log: (line) => console.error(line) });
  const listed = (await invokeResolver('listConnections', {}, demoContext('admin'), server.deps)) as ResolverResponse<{ id: string }[]>;
  if (!listed.ok || !listed.data[0]) throw new Error('no seeded connection');
  connectionId = listed.data[0].id;
});
afterAll(async () => {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('load', () => {
  it(`serves ${USERS} concurrent people through the local server with no errors`, { timeout: (PHASE_SECONDS + 60) * 1000 }, async () => {
    const result = await load(async (action) => {
      const response = await fetch(`${server.url}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: action.key, payload: action.payload(connectionId), as: action.as }),
      });
      return response.status === 200 && ((await response.json()) as ResolverResponse<unknown>).ok;
    });
    expect(report('local server', result)).toBe(0);
    expect(result.samples.length).toBeGreaterThan(USERS);
    expect(server.emulator?.requests.some((r) => r.mutated)).toBe(false);
  });

  it(`serves ${USERS} concurrent people straight through the resolvers with no errors`, { timeout: (PHASE_SECONDS + 60) * 1000 }, async () => {
    const deps = localDeps({ store: new MemoryStore(), secrets: new MemorySecretStore(), hosts: server.emulator!.hosts, log: (line) => console.error(line) });
    await seedDemoData(deps);
    const listed = (await invokeResolver('listConnections', {}, demoContext('admin'), deps)) as ResolverResponse<{ id: string }[]>;
    const id = listed.ok ? (listed.data[0]?.id ?? '') : '';
    const result = await load(async (action) => (await invokeResolver(action.key, action.payload(id), demoContext(action.as), deps)).ok);
    expect(report('resolvers', result)).toBe(0);
    expect(server.emulator?.requests.some((r) => r.mutated)).toBe(false);
  });
});
