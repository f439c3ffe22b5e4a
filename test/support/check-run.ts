/**
 * What a check's emulator tests share (test/integration/{check}.test.ts): one emulator, the deps a check runs
 * with against it, and `keep()` for the reports. When the file's tests end, the emulator saw requests, none of
 * them changed anything, and no credential of the demo tenant appears in any kept report.
 */
import { afterAll, afterEach, expect } from 'vitest';
import { instantClock } from '../../src/core/atlassian/testing';
import type { CheckDeps, ResultId } from '../../src/core/checks';
import type { Report } from '../../src/core/model';
import { DEMO_ACCOUNTS, DEMO_OAUTH_APPS, DEMO_TOKENS, type Emulator, type FaultKind } from '../../src/emulator';
import { useEmulator } from './emulator';

/** Every credential the demo tenant knows: none may reach a report. */
export const SECRETS = [
  ...Object.values(DEMO_TOKENS).map((t) => t.token),
  ...Object.values(DEMO_ACCOUNTS).map((a) => a.classicToken),
  ...Object.values(DEMO_OAUTH_APPS).map((a) => a.clientSecret),
];

/** The faults a check must answer with unknown, never fail. */
export const FAULTS: { kind: FaultKind; ms?: number }[] = [{ kind: '429' }, { kind: '500' }, { kind: 'malformed' }, { kind: 'hang' }, { kind: 'reset' }];

export const byId = (report: Report, id: ResultId) => report.results.find((r) => r.id === id);

export interface CheckRun {
  /** The file's emulator; its faults and token-endpoint wire mode are reset after each test. */
  emulator: () => Emulator;
  deps: () => CheckDeps;
  /** Keeps a report for the leak check at the end of the file, and returns it. */
  keep: <T extends Report>(report: T) => T;
}

/** One emulator and one set of deps for the calling test file; reach them from inside tests. */
export function useCheckRun(): CheckRun {
  const emulator = useEmulator();
  const reports: Report[] = [];
  let deps: CheckDeps | undefined;
  afterEach(() => {
    emulator().faults.clear();
    emulator().state.wire.tokenEndpoint = 'current';
  });
  afterAll(() => {
    // Whatever ran in the file: it reached the emulator (useEmulator checks it changed nothing) and no credential leaked into a report.
    expect(emulator().requests.length).toBeGreaterThan(0);
    const json = JSON.stringify(reports);
    for (const secret of SECRETS) expect(json).not.toContain(secret);
  });
  return {
    emulator,
    // timeoutMs: long enough for a loaded 2-core machine to answer 26 parallel requests; each hang fault waits it out once.
    deps: () =>
      (deps ??= { fetch: (url, init) => fetch(url, init), hosts: emulator().hosts, clock: instantClock(new Date()), timeoutMs: 1500, random: () => 0.5 }),
    keep: (report) => {
      reports.push(report);
      return report;
    },
  };
}
