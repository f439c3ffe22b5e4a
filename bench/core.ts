/**
 * Core benchmarks: how many network round trips a token check costs, and how fast coverage runs.
 * Prints what one run measured; a bench never asserts timings.
 */
import { performance } from 'node:perf_hooks';
import { allScopes } from '../src/core/catalog';
import { checkToken, DEFAULT_CONCURRENCY } from '../src/core/checks';
import { analyzeCoverage } from '../src/core/scope-coverage';
import { builtinProfiles, requireProfile } from '../src/core/profiles';
import { DEMO_ACCOUNTS, DEMO_SITE, DEMO_TOKENS, startEmulator } from '../src/emulator';

export interface CoreBenchResult {
  latencyMs: number;
  tokenCheck: { scopes: number; concurrency: number; wallMs: number; ratio: number }[];
  coverage: { profiles: number; catalogScopes: number; runs: number; msPerProfile: number };
}

const LATENCY_MS = 100;
const COVERAGE_RUNS = 200;

export async function runCoreBench(log: (line: string) => void = console.log): Promise<CoreBenchResult> {
  const tokenCheck = await benchTokenCheck();
  const coverage = benchCoverage();
  log(`Token check (kendis-user-token, injected latency ${LATENCY_MS} ms per request; goal ≤ 2.5 × latency):`);
  for (const run of tokenCheck) {
    log(`  ${run.scopes} scopes, concurrency ${String(run.concurrency).padStart(2)}: ${run.wallMs.toFixed(0)} ms = ${run.ratio.toFixed(2)} × latency`);
  }
  log(`Coverage: ${coverage.profiles} profiles × ${coverage.catalogScopes} catalog scopes, ${coverage.runs} runs: ${coverage.msPerProfile.toFixed(3)} ms per profile (goal < 5 ms)`);
  return { latencyMs: LATENCY_MS, tokenCheck, coverage };
}

async function benchTokenCheck(): Promise<CoreBenchResult['tokenCheck']> {
  const emulator = await startEmulator();
  try {
    const profile = requireProfile('kendis-user-token');
    const input = { site: DEMO_SITE.host, email: DEMO_ACCOUNTS.admin.email, token: DEMO_TOKENS.kendisScopedAna.token, profile };
    const deps = { fetch: (url: string, init?: RequestInit) => fetch(url, init), hosts: emulator.hosts };
    await checkToken(deps, input); // warm up: module loading and the first connection are not what is measured
    emulator.faults.latency(LATENCY_MS);
    const runs: CoreBenchResult['tokenCheck'] = [];
    // The default sends a whole profile's probes in one round; a limit of 8 shows what a tighter one costs.
    for (const concurrency of [DEFAULT_CONCURRENCY, 8]) {
      const started = performance.now();
      const report = await checkToken({ ...deps, concurrency }, input);
      const wallMs = performance.now() - started;
      runs.push({ scopes: report.probes.length, concurrency, wallMs, ratio: wallMs / LATENCY_MS });
    }
    return runs;
  } finally {
    await emulator.close();
  }
}

function benchCoverage(): CoreBenchResult['coverage'] {
  const granted = allScopes().map((s) => s.scope);
  for (const profile of builtinProfiles) analyzeCoverage(profile, granted);
  const started = performance.now();
  for (let run = 0; run < COVERAGE_RUNS; run++) for (const profile of builtinProfiles) analyzeCoverage(profile, granted);
  const elapsed = performance.now() - started;
  return {
    profiles: builtinProfiles.length,
    catalogScopes: granted.length,
    runs: COVERAGE_RUNS,
    msPerProfile: elapsed / (COVERAGE_RUNS * builtinProfiles.length),
  };
}
