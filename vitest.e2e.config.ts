import { defineConfig } from 'vitest/config';

// End-to-end: the built renderer in Debian's Chromium (playwright-core), served by the browser harness.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
