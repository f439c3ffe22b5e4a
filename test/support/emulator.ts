/** The emulator a test file shares: started before its tests, and checked to have changed nothing when they end. */
import { afterAll, beforeAll, expect } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator';

/** Every request the emulator saw was a read (or a refused write): Scope Doctor never changes a customer's Jira. */
export function expectNothingChanged(emulator: Emulator): void {
  expect(emulator.requests.every((request) => !request.mutated)).toBe(true);
}

/** One emulator for the calling test file; call the returned function inside tests to reach it. */
export function useEmulator(): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    if (!emulator) return;
    expectNothingChanged(emulator);
    await emulator.close();
  });
  return () => {
    if (!emulator) throw new Error('The emulator starts in beforeAll: reach it from inside a test.');
    return emulator;
  };
}
