import { describe, expect, it } from 'vitest';
import { checkLines } from '../../shared/core/checks/index';
import { isFen } from '../../shared/core/money';
import { generateWorkbook } from './generate';

describe('the benchmark workbook generator', () => {
  it('gives the same workbook for the same seed, another for another seed', () => {
    expect(generateWorkbook(2_000, 5)).toEqual(generateWorkbook(2_000, 5));
    expect(generateWorkbook(2_000, 6).lines).not.toEqual(generateWorkbook(2_000, 5).lines);
  });

  it('makes lines the engine accepts, in realistic proportions', () => {
    const wb = generateWorkbook(20_000);
    expect(wb.lines).toHaveLength(20_000);
    expect(new Set(wb.lines.map((l) => l.id)).size).toBe(20_000);
    // catalog leaves only, no negative amounts, every project line named: the only finding is a rare duplicate
    expect(checkLines(wb.lines).filter((f) => f.rule !== 'L-DUPLICATE')).toEqual([]);
    expect(wb.lines.every((l) => isFen(l.amount) && l.amount > 0)).toBe(true);
    const share = (p: (l: (typeof wb.lines)[number]) => boolean) => wb.lines.filter(p).length / wb.lines.length;
    expect(share((l) => l.kind === '基本支出')).toBeGreaterThan(0.65);
    expect(share((l) => l.kind === '基本支出')).toBeLessThan(0.75);
    expect(share((l) => l.source === '一般公共预算财政拨款')).toBeGreaterThan(0.7);
    expect(share((l) => l.economicCode.startsWith('302'))).toBeGreaterThan(0.5);
    expect(wb.units.length).toBeGreaterThan(50);
    expect(wb.units.filter((u) => u.type === '事业单位').length).toBeGreaterThan(wb.units.length / 2);
  });
});
