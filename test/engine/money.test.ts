import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToPlainYuan, formatWan, formatWanOrZero, formatYuan, parseAmount, percentChange, wanHundredths } from '../../shared/core/money';
import { runs } from '../helpers/runs';

const fenArb = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe('amounts as people type them', () => {
  it.each([
    ['1,200,486.48', 120048648],
    ['1200486.48', 120048648],
    ['120.05万', 120050000],
    ['120.05万元', 120050000],
    ['¥1,000', 100000],
    ['８７５．９６', 87596],
    ['0', 0],
    ['-12.5', -1250],
    [' 337,324.00 ', 33732400],
  ])('%s → %i 分', (text, fen) => {
    expect(parseAmount(text)).toEqual({ ok: true, fen });
  });

  it.each([
    ['6,34695.92', '千分位'],
    ['337,32.00', '千分位'],
    ['12.345', '两位小数'],
    ['abc', '不是金额'],
    ['', '为空'],
    ['1.2.3', '不是金额'],
    ['1e5', '不是金额'],
  ])('refuses %s with a reason', (text, reason) => {
    const r = parseAmount(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('prints 元 and 万元 as the publication does', () => {
    expect(formatYuan(875956113)).toBe('8,759,561.13');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-33732400)).toBe('-337,324.00');
    expect(formatWan(875956113)).toBe('875.96');
    expect(formatWan(65406113)).toBe('65.41');
    expect(formatWanOrZero(0)).toBe('0');
    expect(formatWanOrZero(2700000)).toBe('2.70');
    expect(formatWanOrZero(4999)).toBe('0');
    expect(formatWanOrZero(5000)).toBe('0.01');
    expect(percentChange(110, 100)).toBe('10.0');
    expect(percentChange(1, 0)).toBeNull();
  });

  it('round-trips every amount exactly through format and parse', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        expect(parseAmount(formatYuan(fen), Number.MAX_SAFE_INTEGER)).toEqual({ ok: true, fen });
        expect(parseAmount(fenToPlainYuan(fen), Number.MAX_SAFE_INTEGER)).toEqual({ ok: true, fen });
      }),
      { numRuns: runs(5000) },
    );
  });

  it('rounds 万元 half up exactly as decimal arithmetic does', () => {
    fc.assert(
      fc.property(fenArb, (fen) => {
        const expected = new Decimal(fen).div(10_000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() || 0; // no -0
        expect(wanHundredths(fen)).toBe(expected);
        expect(parseAmount(`${formatWan(fen).replace(/,/g, '')}万`, Number.MAX_SAFE_INTEGER)).toEqual({ ok: true, fen: expected * 10_000 });
      }),
      { numRuns: runs(5000) },
    );
  });
});
