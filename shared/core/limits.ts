import type { LineItem } from './model';

/**
 * How large what a person may enter can be: one list for the contract (screen → file), the line
 * imports and the command line, so that a limit is the same wherever a figure or a text comes in.
 */

/** One amount (a line, a project's funds, a figure typed in): 1 万亿元. */
export const MAX_AMOUNT_FEN = 100_000_000_000_000;
/**
 * Every line's amount taken as positive, added up: 10 万亿元. Any total the tables, checks and texts
 * form from lines (or a baseline's figures, each at most this) then stays an exact integer of 分.
 */
export const MAX_TOTAL_FEN = 1_000_000_000_000_000;

/** Longest texts of a line, in characters. */
export const LINE_TEXT_LIMITS = {
  unit: 200,
  functionCode: 7,
  economicCode: 5,
  project: 200,
  basis: 2000,
  note: 2000,
  functionName: 200,
  economicName: 200,
} as const;

/** Names of departments, units, versions and catalog entries. */
export const NAME_LIMIT = 200;

/** The largest number of lines a workbook (or one call) may carry. */
export const MAX_LINES = 2_000_000;

/** `1 万亿元`, `10 万亿元`: a limit as people say it. */
export function limitText(fen: number): string {
  return `${fen / 100_000_000_000_000} 万亿元`;
}

/**
 * The first line at which the running total of amounts (taken as positive, starting from
 * `startTotal`) would pass MAX_TOTAL_FEN, with its index; undefined when all fit.
 */
export function lineBreakingTotal(lines: readonly Pick<LineItem, 'amount'>[], startTotal = 0): number | undefined {
  let total = startTotal;
  for (let i = 0; i < lines.length; i++) {
    total += Math.abs(lines[i].amount);
    if (total > MAX_TOTAL_FEN) return i;
  }
  return undefined;
}

/** The total of amounts taken as positive. */
export function absoluteTotal(lines: readonly Pick<LineItem, 'amount'>[]): number {
  let total = 0;
  for (const l of lines) total += Math.abs(l.amount);
  return total;
}

/** The largest file a person may import from the screen (明细, 上年公开表, 科目表): 1,000,000 lines of CSV fit. */
export const MAX_IMPORT_FILE_BYTES = 150 * 1024 * 1024;
