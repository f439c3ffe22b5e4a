import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Minutes-long suites at a large site's size: `npm run test:heavy` (vitest.heavy.config.ts).
    exclude: ['test/heavy/**', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep browser and emulator suites from starving each other.
    maxWorkers: 2,
  },
});
