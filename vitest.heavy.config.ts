import { defineConfig } from 'vitest/config';

/** The suites too slow for `npm test`: `npm run test:heavy`, which CI runs after it. */
export default defineConfig({
  test: {
    include: ['test/heavy/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
