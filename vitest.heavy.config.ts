import { defineConfig } from 'vitest/config';

/**
 * `npm run test:heavy`: the fuzz and fault suites at full size (SCOPE_DOCTOR_HEAVY=1 makes them try many
 * more inputs and the whole fault matrix) and the load test, which `npm test` leaves out. The package script
 * runs the load test on its own afterwards, so what it measures is not shared with the other suites.
 */
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.test.ts', 'test/faults/**/*.test.ts', 'test/heavy/**/*.test.ts'],
    environment: 'node',
    env: { SCOPE_DOCTOR_HEAVY: '1' },
    testTimeout: 600_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
