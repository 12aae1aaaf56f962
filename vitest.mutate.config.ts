import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The unit tests as Stryker runs them (npm run mutate): without the fuzz suite and the crash test
// (minutes of child processes that never load the mutated code in-process), with the property tests
// at a quarter of their runs (FC_RUNS, test/helpers/runs.ts), and with room for the slower
// instrumented code.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/e2e/**', 'test/fuzz/**', 'test/bench/**', 'test/workbook/crash.test.ts'],
      env: { FC_RUNS: '0.25' },
      testTimeout: 300_000,
    },
  }),
);
