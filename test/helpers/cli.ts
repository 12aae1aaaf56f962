import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const REFERENCE = join(FIXTURES, 'reference');

/** Runs the real `budget` command (the package bin) and returns its output and exit status. */
export function runBudget(args: string[], options: { cwd?: string; input?: string; nodeOptions?: string[] } = {}) {
  const result = spawnSync(process.execPath, [...(options.nodeOptions ?? []), join(ROOT, 'main', 'cli', 'budget.mjs'), ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
