import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { ChildResult } from './childReport';
import { summarize, type Timing } from './measure';

const HERE = import.meta.dirname;

export interface ChildTiming {
  time: Timing;
  peakRssMB: number;
  rssBeforeMB: number;
}

/** Runs a measuring child `runs` times: median time, and the largest peak RSS seen. Throws with the child's error. */
export function runChild(script: 'child-export.ts' | 'child-import.ts', args: string[], runs: number): ChildTiming {
  const results: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    let out: string;
    try {
      out = execFileSync(process.execPath, ['--import', 'tsx', join(HERE, script), ...args], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20, stdio: 'pipe' });
    } catch (e) {
      const stderr = String((e as { stderr?: unknown }).stderr ?? '');
      throw new Error(`${script} failed: ${stderr.split('\n').find((l) => /Error/.test(l)) ?? (e as Error).message}`);
    }
    results.push(JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult);
  }
  return {
    time: summarize(results.map((r) => r.ms)),
    peakRssMB: Math.max(...results.map((r) => r.peakRssMB)),
    rssBeforeMB: Math.max(...results.map((r) => r.rssBeforeMB)),
  };
}
