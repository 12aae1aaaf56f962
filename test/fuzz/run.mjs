// `npm run fuzz`: the fuzz files with many inputs (FUZZ_RUNS, default 2000; FUZZ_SEED to vary the seed).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '2000' };
const run = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz', '--testTimeout=0', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
