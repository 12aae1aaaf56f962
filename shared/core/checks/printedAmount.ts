import { MAX_TOTAL_FEN } from '../limits';
import { parseAmount } from '../money';

/**
 * A printed amount cell. `value` is in hundredths of the table's unit (fen in a 元 table,
 * hundredths of 万元 in the 万元 table); a blank, `-` or `0` is zero.
 */
export type PrintedAmount =
  | { status: 'ok'; value: number; grouped: boolean; text: string }
  | { status: 'malformed'; reason: string; text: string };

const ZERO_MARKS = new Set(['', '-', '—', '－']);
const NUMBER_LIKE = /^-?[\d,]+(\.\d+)?$/;

export function readPrintedAmount(raw: string): PrintedAmount {
  const text = raw.trim();
  if (ZERO_MARKS.has(text)) return { status: 'ok', value: 0, grouped: false, text };
  if (!NUMBER_LIKE.test(text)) return { status: 'malformed', reason: `“${text}”不是数字`, text };
  const parsed = parseAmount(text, MAX_TOTAL_FEN);
  if (!parsed.ok) return { status: 'malformed', reason: parsed.reason, text };
  return { status: 'ok', value: parsed.fen, grouped: text.includes(','), text };
}
