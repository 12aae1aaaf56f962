import { describe, expect, it } from 'vitest';
import { checkPublication } from '../../shared/core/checks/index';
import { LiveWorkbook } from '../../shared/core/live/liveWorkbook';
import { percentChange } from '../../shared/core/money';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { SEED_DERIVED, getCell, places, readTables, rowWith, setCell, table } from '../checks/publications';

describe('percentChange rounds half up, away from zero, on the .x5 boundary', () => {
  it.each([
    [449, 400, '12.3'], // +12.25 %
    [351, 400, '-12.3'], // -12.25 %
    [2_001, 2_000, '0.1'], // +0.05 %
    [1_999, 2_000, '-0.1'], // -0.05 %
    [4_007, 4_000, '0.2'], // +0.175 %
    [4_003, 4_000, '0.1'], // +0.075 %
    [4_001, 4_000, '0.0'], // +0.025 %: below the boundary
  ])('%i against %i is %s %%', (current, previous, expected) => {
    expect(percentChange(current, previous)).toBe(expected);
  });
});

describe('L-DUPLICATE kept live: lines that differ only in 项目名称 are not duplicates', () => {
  it('changing only the project of one of two identical lines clears the finding; changing it back raises it again', () => {
    const wb = sampleWorkbook();
    const original = wb.lines.find((l) => l.kind === '项目支出')!;
    const twin = { ...original, id: 1_000 };
    wb.lines.push(twin);
    const live = new LiveWorkbook(wb);
    const duplicates = () => live.findings().filter((f) => f.rule === 'L-DUPLICATE').map((f) => f.place.lineId);
    expect(duplicates()).toEqual([1_000]);

    live.apply({ op: 'updateLines', changes: [{ id: 1_000, set: { project: `${original.project}（二期）` } }] });
    expect(duplicates()).toEqual([]);

    live.apply({ op: 'updateLines', changes: [{ id: 1_000, set: { project: original.project } }] });
    expect(duplicates()).toEqual([1_000]);
  });
});

describe('table relations are exact: a difference of 1 元 or of 1 分 is reported', () => {
  const seed = () => readTables(SEED_DERIVED);
  /** Adds `fen` to a printed amount of 元 with two decimals. */
  const plus = (printed: string, fen: number) => {
    const total = BigInt(printed.replace(/[,.]/g, '')) + BigInt(fen);
    const s = total.toString().padStart(3, '0');
    return `${BigInt(s.slice(0, -2)).toLocaleString('en-US')}.${s.slice(-2)}`;
  };

  it.each([100, 1])('T-BASIC: table 8 adding up in itself but %i 分 above table 5’s 基本支出', (fen) => {
    const tables = seed();
    for (const label of ['基本工资', '工资福利支出', '合计']) {
      const row = rowWith(tables, 8, label);
      for (const column of ['合计', '人员经费']) setCell(tables, 8, row, column, plus(getCell(tables, 8, row, column), fen));
    }
    expect(places(checkPublication(tables))).toEqual([{ rule: 'T-BASIC', table: 8, row: rowWith(tables, 8, '合计'), column: '合计' }]);
  });

  it.each([
    ['29,925.00', '2,925.00'], // 1 元 below table 8's 2,926.00
    ['29,925.99', '2,925.99'], // 1 分 below
  ])('T-SANGONG: a 公务接待费 in 元 just below table 8’s is reported (合计 %s)', (total, reception) => {
    const tables = seed();
    table(tables, 9).unit = '元';
    table(tables, 9).rows = [[total, '', reception, '27,000.00', '', '27,000.00', '']];
    expect(places(checkPublication(tables))).toEqual([{ rule: 'T-SANGONG', table: 9, row: 0, column: '公务接待费' }]);
  });
});
