/** A property test's number of runs, times FC_RUNS (default 1) for longer runs by hand. */
export function runs(n: number): number {
  const factor = Number(process.env.FC_RUNS ?? 1);
  return Number.isFinite(factor) && factor > 0 ? Math.ceil(n * factor) : n;
}
