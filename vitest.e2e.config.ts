import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built app in Debian Chromium via playwright-core (one server, serially). */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
