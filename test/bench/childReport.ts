/** What a measuring child process prints: wall time of the operation, memory before it and at peak. */
export interface ChildResult {
  ms: number;
  rssBeforeMB: number;
  peakRssMB: number;
}

export function report(ms: number, rssBefore: number): void {
  const result: ChildResult = { ms, rssBeforeMB: rssBefore / 2 ** 20, peakRssMB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
