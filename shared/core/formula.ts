import Decimal from 'decimal.js';
import { FEN_PER_YUAN, type Fen } from './money';

/**
 * A formula typed into an amount cell, `=43*128*12+3250*12`, evaluated exactly in 元 with
 * decimal.js (never with `eval` or binary floating point). Numbers may carry thousands separators
 * and a 万 suffix (`=120.05万*2`); operators are + - * / (also × ÷ and full-width forms) and
 * parentheses. The result must be a whole number of 分.
 */
export type FormulaResult = { ok: true; fen: Fen } | { ok: false; reason: string };

export function isFormula(input: string): boolean {
  return /^\s*[=＝]/.test(input);
}

type Token = { kind: 'number'; value: Decimal; at: number } | { kind: 'op'; value: string; at: number };

class FormulaError extends Error {}

/** Division keeps 40 significant digits: ample for any budget, and a non-terminating quotient shows as fractions of a 分. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const MAX_FEN = new D(Number.MAX_SAFE_INTEGER);

function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const number = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万)?/.exec(body.slice(i));
    if (number) {
      const digits = number[1].replace(/,/g, '') + (number[2] ?? '');
      tokens.push({ kind: 'number', value: new D(digits).mul(number[3] ? 10_000 : 1), at: i });
      i += number[0].length;
      continue;
    }
    const op = ch === '×' ? '*' : ch === '÷' ? '/' : ch;
    if ('+-*/()'.includes(op)) {
      tokens.push({ kind: 'op', value: op, at: i });
      i++;
      continue;
    }
    throw new FormulaError(`第 ${i + 1} 个字符“${ch}”无法识别（公式只能包含数字、+ - * / 和括号）`);
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Decimal {
    if (this.tokens.length === 0) throw new FormulaError('等号后面没有算式');
    const value = this.expression();
    const rest = this.tokens[this.pos];
    if (rest) throw new FormulaError(`第 ${rest.at + 1} 个字符处多出“${rest.kind === 'op' ? rest.value : rest.value.toString()}”`);
    return value;
  }

  private peekOp(...ops: string[]): string | undefined {
    const t = this.tokens[this.pos];
    return t?.kind === 'op' && ops.includes(t.value) ? t.value : undefined;
  }

  private expression(): Decimal {
    let value = this.term();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.pos++;
      const right = this.term();
      value = op === '+' ? value.plus(right) : value.minus(right);
    }
    return value;
  }

  private term(): Decimal {
    let value = this.factor();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.pos++;
      const at = this.tokens[this.pos]?.at;
      const right = this.factor();
      if (op === '/' && right.isZero()) throw new FormulaError(`第 ${(at ?? 0) + 1} 个字符处除数为 0`);
      value = op === '*' ? value.mul(right) : value.div(right);
    }
    return value;
  }

  private factor(): Decimal {
    const t = this.tokens[this.pos];
    if (!t) throw new FormulaError('算式不完整：结尾缺少数字');
    if (t.kind === 'number') {
      this.pos++;
      return t.value;
    }
    if (t.value === '-' || t.value === '+') {
      this.pos++;
      const inner = this.factor();
      return t.value === '-' ? inner.neg() : inner;
    }
    if (t.value === '(') {
      this.pos++;
      const inner = this.expression();
      if (!this.peekOp(')')) throw new FormulaError(`第 ${t.at + 1} 个字符处的左括号没有对应的右括号`);
      this.pos++;
      return inner;
    }
    throw new FormulaError(`第 ${t.at + 1} 个字符处应为数字，却是“${t.value}”`);
  }
}

/** Evaluates `=…` to an amount in 分. The reason of a failure says what is wrong and where. */
export function evaluateFormula(input: string): FormulaResult {
  const shown = input.trim();
  const body = input.normalize('NFKC').trim().replace(/^=/, '');
  try {
    const yuan = new Parser(tokenize(body)).parse();
    const fen = yuan.mul(FEN_PER_YUAN);
    if (!fen.isInteger()) {
      return { ok: false, reason: `公式“${shown}”的结果 ${yuan.toSignificantDigits(12).toString()} 元不是整分，请调整算式使结果最多两位小数` };
    }
    if (fen.abs().gt(MAX_FEN)) return { ok: false, reason: `公式“${shown}”的结果超出可处理的金额范围` };
    return { ok: true, fen: fen.toNumber() };
  } catch (e) {
    if (e instanceof FormulaError) return { ok: false, reason: `公式“${shown}”有误：${e.message}` };
    throw e;
  }
}
