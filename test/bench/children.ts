import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { ChildResult } from './childReport';
import { summarize, type Timing } from './measure';

const HERE = import.meta.dirname;

/** Runs a measuring child `runs` times: median time, and the largest peak RSS seen. */
export function runChild(script: 'child-export.ts' | 'child-import.ts', args: string[], runs: number): { time: Timing; peakRssMB: number; rssBeforeMB: number } {
  const results: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(HERE, script), ...args], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
    results.push(JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult);
  }
  return {
    time: summarize(results.map((r) => r.ms)),
    peakRssMB: Math.max(...results.map((r) => r.peakRssMB)),
    rssBeforeMB: Math.max(...results.map((r) => r.rssBeforeMB)),
  };
}
