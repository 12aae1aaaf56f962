import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFormula, isFormula } from '../../shared/core/formula';

describe('evaluateFormula', () => {
  it('evaluates the issue’s example exactly', () => {
    expect(evaluateFormula('=43*128*12+3250*12')).toEqual({ ok: true, fen: (43 * 128 * 12 + 3250 * 12) * 100 });
  });

  it('keeps decimals exact where binary floating point does not', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point
    expect(evaluateFormula('=0.1+0.2')).toEqual({ ok: true, fen: 30 });
    expect(evaluateFormula('=1.15*100')).toEqual({ ok: true, fen: 11_500 });
    expect(evaluateFormula('=100/8')).toEqual({ ok: true, fen: 1250 });
  });

  it('honours precedence, parentheses, unary minus, 万, separators and full-width forms', () => {
    expect(evaluateFormula('=2+3*4')).toEqual({ ok: true, fen: 1400 });
    expect(evaluateFormula('=(2+3)*4')).toEqual({ ok: true, fen: 2000 });
    expect(evaluateFormula('=-(2-5)')).toEqual({ ok: true, fen: 300 });
    expect(evaluateFormula('=120.05万*2')).toEqual({ ok: true, fen: 240_100_000 });
    expect(evaluateFormula('=1,200*3')).toEqual({ ok: true, fen: 360_000 });
    expect(evaluateFormula('＝１２×３÷４')).toEqual({ ok: true, fen: 900 });
  });

  it('refuses what it cannot evaluate, saying what and where', () => {
    const cases: [string, RegExp][] = [
      ['=', /没有算式/],
      ['=1+', /结尾缺少数字/],
      ['=(1+2', /左括号没有对应的右括号/],
      ['=1+2)', /多出“\)”/],
      ['=2*a', /“a”无法识别/],
      ['=1/0', /除数为 0/],
      ['=10/3', /不是整分/],
      ['=alert(1)', /无法识别/],
    ];
    for (const [input, reason] of cases) {
      const r = evaluateFormula(input);
      expect(r.ok, input).toBe(false);
      if (!r.ok) expect(r.reason, input).toMatch(reason);
    }
  });

  it('agrees with integer arithmetic on random sums of products', () => {
    const term = fc.array(fc.integer({ min: 0, max: 9999 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 5 }), (terms) => {
        const text = '=' + terms.map((t) => t.join('*')).join('+');
        const expected = terms.reduce((sum, t) => sum + t.reduce((p, n) => p * BigInt(n), 1n), 0n) * 100n;
        const r = evaluateFormula(text);
        if (expected > BigInt(Number.MAX_SAFE_INTEGER)) return !r.ok;
        return r.ok && BigInt(r.fen) === expected;
      }),
    );
  });

  it('recognises a formula by its leading equals sign', () => {
    expect(isFormula('=1+1')).toBe(true);
    expect(isFormula(' ＝1')).toBe(true);
    expect(isFormula('1,200.00')).toBe(false);
  });
});
