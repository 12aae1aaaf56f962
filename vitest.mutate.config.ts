import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// The unit tests as Stryker runs them (npm run mutate): without the fuzz suite and the crash test
// (minutes of child processes that never load the mutated code in-process), and with room for the
// slower instrumented code.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/e2e/**', 'test/fuzz/**', 'test/bench/**', 'test/workbook/crash.test.ts'],
      testTimeout: 300_000,
    },
  }),
);
