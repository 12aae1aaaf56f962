import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderChange } from '../../shared/core/narrative/index';
import { PLAIN, SPACED } from '../../shared/core/narrative/text';
import { changePhrase } from '../../shared/core/yoy';

describe('the change phrase', () => {
  it('says 增加 with the amount when the figure rose', () => {
    const p = changePhrase(875_956_113, 810_550_000);
    expect(p).toEqual({ direction: '增加', amount: 65_406_113 });
    expect(renderChange(SPACED, p!, SPACED`${2023}年预算`)).toBe('比 2023 年预算增加 65.41 万元');
  });

  it('says 减少 with the amount when the figure fell', () => {
    const p = changePhrase(292_600, 392_600);
    expect(p).toEqual({ direction: '减少', amount: 100_000 });
    expect(renderChange(PLAIN, p!, '上年预算')).toBe('比上年预算减少0.10万元');
  });

  it('says 持平 when the figures are equal', () => {
    expect(changePhrase(2_700_000, 2_700_000)).toEqual({ direction: '持平' });
    expect(renderChange(PLAIN, { direction: '持平' }, '上年预算')).toBe('与上年预算持平');
    expect(renderChange(SPACED, { direction: '持平' }, SPACED`${2023}年预算`)).toBe('与 2023 年预算持平');
  });

  it('says 持平 for a change that rounds to 0.00 万元, and 增加 0.01 万元 from 50 元 on', () => {
    expect(changePhrase(1_004_999, 1_000_000)).toEqual({ direction: '持平' });
    expect(changePhrase(995_001, 1_000_000)).toEqual({ direction: '持平' });
    const up = changePhrase(1_005_000, 1_000_000)!;
    expect(up).toEqual({ direction: '增加', amount: 5_000 });
    expect(renderChange(PLAIN, up, '上年预算')).toBe('比上年预算增加0.01万元');
    expect(changePhrase(995_000, 1_000_000)).toEqual({ direction: '减少', amount: 5_000 });
  });

  it('is null when last year is unknown', () => {
    expect(changePhrase(100, null)).toBeNull();
  });

  it('never says 增加 when the figure fell, nor 减少 when it rose, and never prints 0.00', () => {
    const fen = fc.integer({ min: -1e13, max: 1e13 });
    fc.assert(
      fc.property(fen, fen, fc.boolean(), (current, previous, spaced) => {
        const style = spaced ? SPACED : PLAIN;
        const text = renderChange(style, changePhrase(current, previous)!, '上年预算');
        if (current < previous) expect(text).not.toContain('增加');
        if (current > previous) expect(text).not.toContain('减少');
        if (current === previous) expect(text).toBe('与上年预算持平');
        expect(text).not.toMatch(/(增加|减少) ?0\.00 ?万元/);
      }),
    );
  });
});

describe('the two text styles', () => {
  it('the 编制说明 style spaces numbers from Chinese, the other does not', () => {
    expect(SPACED`${2024}年，收入预算${'875.96'}万元`).toBe('2024 年，收入预算 875.96 万元');
    expect(PLAIN`${2024}年，收入预算${'875.96'}万元`).toBe('2024年，收入预算875.96万元');
  });

  it('adds no space next to punctuation, nor inside an interpolated free text', () => {
    expect(SPACED`其中：${'0'}万元，${'主要用于12345热线'}。`).toBe('其中：0 万元，主要用于12345热线。');
  });
});
