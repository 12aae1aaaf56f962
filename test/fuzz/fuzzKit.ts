import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { ROOT } from '../helpers/cli';

/**
 * What every fuzz file shares: how many inputs to try (FUZZ_RUNS, small by default so that `npm test`
 * stays quick; `npm run fuzz` sets it large), one fixed seed (FUZZ_SEED), what a refusal must look
 * like, and a tally of inputs tried, refused and accepted.
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 40);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261206);
export const fuzzOptions = (scale = 1) => ({ numRuns: Math.max(1, Math.round(FUZZ_RUNS * scale)), seed: FUZZ_SEED, endOnFailure: true });

const CJK = /[\u3400-\u9fff]/;
/** Texts of libraries, the runtime and stack traces: none may reach a person. */
const LIBRARY_TEXT =
  /\b(Invalid|invalid input|expected|Unexpected|signature|FILE_ENDED|Cannot read|is not|undefined|null|NaN|TypeError|RangeError|SyntaxError|Error:|ENOENT|EISDIR|ENOSPC|Maximum call stack|SQLITE|constraint)\b|\bat \S+:\d+/;

/** A refusal as a person must see it: Chinese, no library text. */
export function expectChineseMessage(message: string, input?: string): void {
  const where = input === undefined ? '' : `\n（输入：${input.slice(0, 300)}）`;
  expect(message, `不是中文说明：${message}${where}`).toMatch(CJK);
  expect(message.replace(/“[^”]*”|「[^」]*」/g, ''), `含有库的英文：${message}${where}`).not.toMatch(LIBRARY_TEXT);
}

/** Every byte of a workbook file and of any journal beside it. */
export function fileState(path: string): string {
  return ['', '-wal', '-journal']
    .map((suffix) => (existsSync(path + suffix) ? readFileSync(path + suffix).toString('base64') : '-'))
    .join('|');
}

export interface Tally {
  tried: number;
  refused: number;
  accepted: number;
}

/** Counts inputs of one fuzz target; printed at the end, and kept in test-results/fuzz/ for docs/fuzz.md. */
export function useTally(name: string): Tally {
  const tally: Tally = { tried: 0, refused: 0, accepted: 0 };
  afterAll(() => {
    const dir = join(ROOT, 'test-results', 'fuzz');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ name, runs: FUZZ_RUNS, seed: FUZZ_SEED, ...tally }, null, 2));
    console.log(`fuzz ${name}: ${tally.tried} tried, ${tally.refused} refused, ${tally.accepted} accepted (FUZZ_RUNS=${FUZZ_RUNS}, seed ${FUZZ_SEED})`);
  });
  return tally;
}
