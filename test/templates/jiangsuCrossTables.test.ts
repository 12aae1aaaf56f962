import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPublicationByTemplate } from '../../shared/core/checks/byTemplate';
import type { PublishedTableInput } from '../../shared/core/checks/readTables';
import { newWorkbook, type LineItem, type Workbook } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { readPublicationFile } from '../../main/excel/readPublication';
import { tempDir } from '../excel/helpers';

/**
 * Jiangsu's 财政拨款 tables equal its 一般公共预算 tables plus its 政府性基金 table, 科目 by 科目 and column by
 * column (表 5 = 表 7 + 表 10, 表 6 = 表 8 when the fund has no 基本支出, 表 4's figures = those tables' totals):
 * relations the checks derive from the measures. Publications are exported and read back before checking.
 */

const FUND = '政府性基金预算财政拨款';

let nextId = 100_000;
function line(unit: string, functionCode: string, economicCode: string, kind: LineItem['kind'], source: LineItem['source'], yuan: number): LineItem {
  return { id: nextId++, unit, functionCode, economicCode, kind, source, project: kind === '项目支出' ? '城市建设' : '', amount: Math.round(yuan * 100) };
}

/** The sample, in Jiangsu's layout, with 政府性基金 project spending in a 科目 it shares with 一般公共预算 (2120199) and in one of its own (2120803). */
function sampleWithFund(): Workbook {
  const wb = sampleWorkbook();
  wb.template = 'jiangsu-province';
  const unit = wb.lines[0].unit;
  wb.lines = [...wb.lines, line(unit, '2120199', '30227', '项目支出', FUND, 123_456.78), line(unit, '2120803', '30905', '项目支出', FUND, 500_000)];
  return wb;
}

async function exportedAndRead(wb: Workbook, name: string): Promise<PublishedTableInput[]> {
  const path = join(tempDir(), `${name}.xlsx`);
  await exportPublication(wb, path, { narrative: false });
  const read = await readPublicationFile(path);
  expect(read.template).toBe('jiangsu-province');
  expect(read.warnings).toEqual([]);
  return read.tables;
}

/** The body row of table `n` whose first cell is `first` (a 科目 code or a row label). */
function rowOf(tables: readonly PublishedTableInput[], n: number, first: string): number {
  const row = tables[n - 1].rows.findIndex((r) => r[0] === first || r[2] === first);
  expect(row, `表 ${n} 中没有“${first}”行`).toBeGreaterThanOrEqual(0);
  return row;
}

function planted(tables: readonly PublishedTableInput[], n: number, row: number, column: string, to: (before: number) => number): { tables: PublishedTableInput[]; before: string } {
  const copy = structuredClone(tables) as PublishedTableInput[];
  const t = copy[n - 1];
  const c = t.columns.indexOf(column);
  expect(c).toBeGreaterThanOrEqual(0);
  const before = t.rows[row][c];
  t.rows[row][c] = to(Number(before.replace(/,/g, '')) || 0).toFixed(2);
  return { tables: copy, before };
}

const errorsOf = (tables: readonly PublishedTableInput[]) => checkPublicationByTemplate(tables).filter((f) => f.severity === '错误');

describe('jiangsu-province: the 财政拨款 tables are the 一般公共预算 and 政府性基金 tables added up', () => {
  let tables: PublishedTableInput[];
  beforeAll(async () => {
    tables = await exportedAndRead(sampleWithFund(), '江苏样例');
  });

  it('the sample with 政府性基金 spending, exported and read back, is checked clean (a 科目 only the fund pays for is absent from table 7)', () => {
    expect(tables[6].rows.some((r) => r[0] === '2120803')).toBe(false);
    expect(tables[4].rows.some((r) => r[0] === '2120803')).toBe(true);
    expect(checkPublicationByTemplate(tables)).toEqual([]);
  });

  // table, the row's code or label, column, a table the cross-table relation names. Tables 6 and 8 are not here: the 2019
  // layout prints the fund's 基本支出 nowhere apart (table 4 has no 一般公共预算 / 政府性基金 columns, table 10 one amount), so
  // table 6 = table 8 cannot be derived and a wrong 款 there breaks only its 类's sum (found, at the 类 or the 款)
  const PLANTS: [table: number, row: string, column: string, other: number][] = [
    [5, '2120199', '金额', 7],
    [5, '2120803', '金额', 10],
    [7, '2120199', '金额', 5],
    [7, '212', '金额', 1], // 表 5's 212 and 表 1's 城乡社区支出 are the same lines (no 其他资金): the relation names 表 1
    [10, '2120199', '金额', 5],
    [10, '2120803', '金额', 5],
    [4, '一、基本支出', '支出.支出用途.金额', 6],
    [4, '支出合计', '支出.支出用途.金额', 4],
  ];

  it.each(PLANTS)('a wrong figure in table %i (row %s, %s) is found once, at its place, with what it should be; what it breaks in table %i is a consequence', (table, first, column, other) => {
    const row = rowOf(tables, table, first);
    const { tables: wrong, before } = planted(tables, table, row, column, (v) => v + 1);
    const errors = errorsOf(wrong);
    expect(errors.map((f) => f.place)).toEqual([{ table, row, column }]);
    expect(errors[0].message).toContain(`印 ${(Number(before) + 1).toFixed(2)}万元`);
    expect(errors[0].message).toContain(`应为 ${before}万元`);
    expect(errors[0].message).not.toContain('无法判断');
    const said = [errors[0].message, ...(errors[0].consequences ?? []).map((c) => c.message)].join('\n');
    expect(said).toContain(`表 ${other}“`);
    expect(checkPublicationByTemplate(wrong).filter((f) => f.severity !== '错误')).toEqual([]);
  });

  it('every figure of tables 5, 7 and 10 (blank ones too), made 1.00 larger, is found once at its own cell, with its printed value as what it should be (to the rounding of a sum)', () => {
    const missed: string[] = [];
    for (const n of [5, 7, 10]) {
      const t = tables[n - 1];
      t.columns.forEach((column) => {
        if (column !== '金额') return;
        t.rows.forEach((r, row) => {
          const { tables: wrong, before } = planted(tables, n, row, column, (v) => v + 1);
          const errors = errorsOf(wrong);
          const should = Number(/应为 ([\d.,-]+)万元/.exec(errors[0]?.message ?? '')?.[1].replace(/,/g, ''));
          const found = errors.length === 1 && errors[0].place.table === n && errors[0].place.row === row && errors[0].place.column === column && Math.abs(should - (Number(before) || 0)) < 0.015;
          if (!found) missed.push(`表 ${n} ${r[0]} ${column}：${errors.map((e) => e.message).join('；')}`);
        });
      });
    }
    expect(missed).toEqual([]);
  });

  it('a 科目 code table 7 prints unreadably (“212 01”) is not taken as a 科目 table 7 leaves out: no figure of table 5 or 10 is held to zero for it', () => {
    const misprinted = structuredClone(tables) as PublishedTableInput[];
    misprinted[6].rows[rowOf(tables, 7, '21201')][0] = '212 01';
    expect(errorsOf(misprinted).filter((f) => f.rule === 'T-CROSS')).toEqual([]);
  });

  it('with 政府性基金 基本支出 (so table 6 is not table 8 科目 by 科目, and no table prints the fund by 经济科目), the publication is still clean', async () => {
    const wb = sampleWithFund();
    wb.lines.push(line(wb.lines[0].unit, '2120803', '30201', '基本支出', FUND, 66_666));
    const withBasic = await exportedAndRead(wb, '江苏基金基本支出');
    const row = (n: number) => withBasic[n - 1].rows[rowOf(withBasic, n, '30201')][2];
    expect([row(6), row(8)]).toEqual(['14.45', '7.79']);
    expect(checkPublicationByTemplate(withBasic)).toEqual([]);
  });
});

describe('jiangsu-province: 万元 rounding in the 财政拨款 = 一般公共预算 + 政府性基金 relation', () => {
  /** 50 元 from each source in one 科目: each table rounds 0.005万元 up to 0.01, the 财政拨款 table prints 0.01 for 100 元. */
  function halves(): Workbook {
    const wb = newWorkbook('某厅', 2019);
    wb.template = 'jiangsu-province';
    wb.units = [{ name: '甲局', type: '行政单位' }];
    wb.lines = [line('甲局', '2120199', '30227', '项目支出', '一般公共预算财政拨款', 50), line('甲局', '2120199', '30227', '项目支出', FUND, 50)];
    return wb;
  }

  it('0.01 = 0.01 + 0.01 is within the rounding of three figures: no finding', async () => {
    const tables = await exportedAndRead(halves(), '江苏舍入');
    const cell = (n: number) => tables[n - 1].rows[rowOf(tables, n, '2120199')][2];
    expect([cell(5), cell(7), cell(10)]).toEqual(['0.01', '0.01', '0.01']);
    expect(checkPublicationByTemplate(tables)).toEqual([]);
  });

  it('one 0.01 more (0.00 printed for 0.01 + 0.01) is found at table 5’s cell', async () => {
    const tables = await exportedAndRead(halves(), '江苏舍入错');
    const row = rowOf(tables, 5, '2120199');
    const { tables: wrong } = planted(tables, 5, row, '金额', () => 0);
    const errors = errorsOf(wrong);
    expect(errors.map((f) => [f.rule, f.place])).toEqual([['T-CROSS', { table: 5, row, column: '金额' }]]);
    expect(errors[0].message).toContain('表 7“2120199');
    expect(errors[0].message).toContain('表 10“2120199');
  });
});
