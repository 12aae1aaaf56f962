import fc from 'fast-check';

/**
 * Every property test runs from one fixed seed, so a run is reproducible: CI and `npm test` draw the
 * same cases each time. `FC_SEED=random` draws new cases (the seed is printed when a property fails,
 * and `FC_SEED=<that seed>` replays it); `FC_RUNS=<factor>` multiplies the runs of tests that use `runs`.
 */
const FIXED_SEED = 20_261_206;
const given = process.env.FC_SEED;
const seed = given === 'random' ? Date.now() ^ (Math.random() * 0x100000000) : given ? Number(given) : FIXED_SEED;
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED 应为整数或 random，而不是“${given}”`);
fc.configureGlobal({ seed });
