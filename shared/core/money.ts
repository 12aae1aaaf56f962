import Decimal from 'decimal.js';
import { MAX_AMOUNT_FEN, limitText } from './limits';

/**
 * An amount of money as an integer number of 分 (fen). Always a safe integer:
 * sums of fen are exact, and no amount is ever held as a binary fraction of a yuan.
 */
export type Fen = number;

export const FEN_PER_YUAN = 100;
/** 1 万元 = 10,000 元 = 1,000,000 分; the 万元 tables print hundredths of 万元, i.e. units of 10,000 分. */
const FEN_PER_WAN_HUNDREDTH = 10_000;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** A sum left the exact range: only a workbook written before amounts were bounded can hold such lines. */
export class AmountRangeError extends RangeError {
  constructor() {
    super('金额合计超出可精确计算的范围（超过 9,007 万亿分）。请删除或改小金额过大的明细（单笔不超过 1 万亿元）后重试');
    this.name = 'AmountRangeError';
  }
}

export function addFen(a: Fen, b: Fen): Fen {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new AmountRangeError();
  return sum;
}

export type AmountParse = { ok: true; fen: Fen } | { ok: false; reason: string };

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^\d+(\.\d+)?$/;

/**
 * Parses an amount as a person types or pastes it: `1,200,486.48`, `1200486.48`,
 * `120.05万` or `120.05万元`, optionally with ¥ or a trailing 元, full-width digits allowed.
 * Thousands separators must sit every three digits; more than two decimals of 元 is refused, and so
 * is an amount above `max` (by default the 1 万亿元 any one amount may be).
 */
export function parseAmount(input: string, max: Fen = MAX_AMOUNT_FEN): AmountParse {
  let text = input.normalize('NFKC').trim().replace(/\s+/g, '');
  if (text === '') return { ok: false, reason: '金额为空' };
  let negative = false;
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1);
  }
  text = text.replace(/^[¥￥]/, '');
  let scale = 1;
  if (/万元?$/.test(text)) {
    scale = 10_000;
    text = text.replace(/万元?$/, '');
  } else {
    text = text.replace(/元$/, '');
  }
  if (text.includes(',')) {
    if (!GROUPED.test(text)) return { ok: false, reason: `“${input.trim()}”的千分位分隔符位置不对（应每三位一个逗号，如 1,200,486.48）` };
    text = text.replace(/,/g, '');
  }
  if (!PLAIN.test(text)) return { ok: false, reason: `“${input.trim()}”不是金额（应为数字，如 1200486.48、1,200,486.48 或 120.05万）` };
  const fen = new Decimal(text).mul(scale).mul(FEN_PER_YUAN);
  if (!fen.isInteger()) {
    return { ok: false, reason: `“${input.trim()}”精确到分以下（金额最多两位小数${scale > 1 ? '，以万元计最多六位小数' : ''}）` };
  }
  if (fen.gt(max)) return { ok: false, reason: `“${input.trim()}”超过上限 ${limitText(max)}，请核对是否多输了几位` };
  const value = fen.toNumber();
  return { ok: true, fen: negative && value !== 0 ? -value : value };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1,200,486.48` — 元 with two decimals and thousands separators, from integer fen without any division. */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${sign}${groupThousands(digits.slice(0, -2))}.${digits.slice(-2)}`;
}

/** Hundredths of 万元, rounded half up (away from zero), as an integer. */
export function wanHundredths(fen: Fen): number {
  const abs = Math.abs(fen);
  const q = Math.floor(abs / FEN_PER_WAN_HUNDREDTH);
  const rounded = (abs % FEN_PER_WAN_HUNDREDTH) * 2 >= FEN_PER_WAN_HUNDREDTH ? q + 1 : q;
  return fen < 0 && rounded !== 0 ? -rounded : rounded;
}

/** `875.96` — 万元 with two decimals, half up. */
export function formatWan(fen: Fen): string {
  return formatYuan(wanHundredths(fen));
}

/** The publication's 万元 style: `0` for nothing, otherwise two decimals (`2.70`). */
export function formatWanOrZero(fen: Fen): string {
  return wanHundredths(fen) === 0 ? '0' : formatWan(fen);
}

/** The exact amount in 元 as a decimal string without separators (`1200486.48`), e.g. for CSV. */
export function fenToPlainYuan(fen: Fen): string {
  return formatYuan(fen).replace(/,/g, '');
}

/** A ratio as a percentage with one decimal, computed with decimal.js; null when the base is zero. */
export function percentChange(current: Fen, previous: Fen): string | null {
  if (previous === 0) return null;
  return new Decimal(current - previous).div(previous).mul(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
}
