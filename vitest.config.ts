import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**'],
    testTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/setup/fastCheck.ts'],
    // The JSON report lets .ci/run print one closing line for both runs.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
  },
});
