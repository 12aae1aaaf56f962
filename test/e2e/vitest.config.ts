import { defineConfig } from 'vitest/config';

/** The UI tests: the built screen in headless Chromium through the browser host, one file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['test/setup/fastCheck.ts', 'test/e2e/pageErrors.ts'],
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/e2e.json' },
    // The page answers within moments, later on a loaded machine: polls wait for what it shows, not for a fixed time.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
