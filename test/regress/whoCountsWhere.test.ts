import { describe, expect, it } from 'vitest';
import type { LineItem, Workbook } from '../../shared/core/model';
import { newWorkbook } from '../../shared/core/model';
import { toPublication } from '../../shared/core/tables/published';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';

/**
 * Who counts where, worked out by hand (no engine code computes the expected figures): 机关运行经费
 * by unit type, 人员 / 公用 with and without 经费类型, 三公 from basic and project lines of each source.
 */
const A = '甲局机关'; // 行政单位
const B = '乙中心'; // 参照公务员法管理的事业单位
const C = '丙所'; // 事业单位

let nextId = 1;
function line(unit: string, economicCode: string, yuan: number, more: Partial<LineItem> = {}): LineItem {
  return {
    id: nextId++,
    unit,
    functionCode: '2013101',
    economicCode,
    kind: '基本支出',
    source: '一般公共预算财政拨款',
    project: '',
    amount: yuan * 100,
    ...more,
  };
}

function workbook(): Workbook {
  nextId = 1;
  const wb = newWorkbook('某区某局', 2025);
  wb.units = [
    { name: A, type: '行政单位' },
    { name: B, type: '参照公务员法管理的事业单位' },
    { name: C, type: '事业单位' },
  ];
  wb.lines = [
    line(A, '30201', 10_000), // 公用, 行政 → 机关运行经费
    line(B, '30211', 20_000), // 公用, 参公 → 机关运行经费
    line(C, '30201', 40_000), // 公用, 事业 → not
    line(A, '30201', 80_000, { source: '政府性基金预算财政拨款', functionCode: '2120899' }), // not 一般公共预算 → not
    line(A, '30201', 160_000, { kind: '项目支出', project: '专项整治' }), // 项目支出 → not
    line(A, '30101', 320_000), // 人员 by class
    line(B, '30299', 5_000, { costType: '人员经费' }), // 302 marked 人员经费 → 人员, not 机关运行经费
    line(A, '30399', 2_500), // 303 → 人员
    // 三公
    line(A, '30217', 1_000), // 接待, 基本, 一般公共预算 → counts
    line(C, '30217', 2_000, { kind: '项目支出', project: '专项整治', source: '政府性基金预算财政拨款', functionCode: '2120899' }), // fiscal → counts
    line(A, '30217', 4_000, { source: '其他收入' }), // not 财政拨款 → not
    line(B, '30212', 8_000, { kind: '项目支出', project: '出访' }), // 出国, project → counts
    line(C, '31013', 16_000, { kind: '项目支出', project: '更新车辆' }), // 购置 → counts
    line(A, '30231', 32_000, { source: '国有资本经营预算财政拨款', functionCode: '2230199' }), // 运行 → counts
  ];
  return wb;
}

function table(no: number) {
  const wb = workbook();
  return toPublication(wb.department, wb.year, deriveWorkbookTables(wb)).tables[no - 1];
}

describe('who counts where, by hand', () => {
  it('table 9: 机关运行经费 is the 一般公共预算 基本支出 公用经费 of 行政 and 参公 units only; 三公 from every 财政拨款 source, basic and project', () => {
    // 机关运行经费 = 10,000 (行政) + 20,000 (参公) + 1,000 (行政's 30217, a 公用 line too) = 31,000 元 = 3.10 万元
    // 接待 1,000 + 2,000 = 3,000 → 0.30; 出国 8,000 → 0.80; 购置 16,000 → 1.60; 运行 32,000 → 3.20
    // 车 1.60 + 3.20 = 4.80; 合计 0.30 + 0.80 + 4.80 = 5.90
    expect(table(9).rows).toEqual([['5.90', '0.80', '0.30', '4.80', '1.60', '3.20', '3.10']]);
  });

  it('table 8: 人员 by class 301 / 303 or by 经费类型, 公用 otherwise; only 一般公共预算 基本支出', () => {
    const rows = new Map(table(8).rows.map((r) => [`${r[0]}${r[1]}`, r.slice(3)]));
    // 302: 10,000 + 20,000 + 40,000 + 5,000 (人员 by 经费类型) + 1,000 (30217) = 76,000; 人员 5,000; 公用 71,000
    expect(rows.get('302')).toEqual(['76,000.00', '5,000.00', '71,000.00']);
    expect(rows.get('30299')).toEqual(['5,000.00', '5,000.00', '']);
    expect(rows.get('301')).toEqual(['320,000.00', '320,000.00', '']);
    expect(rows.get('303')).toEqual(['2,500.00', '2,500.00', '']);
    expect(rows.has('310')).toBe(false); // 31013 is a 项目支出 line
  });

  it('the same lines with 乙中心 a 事业单位: its 20,000 leaves 机关运行经费 (10,000 + 1,000 remain)', () => {
    const wb = workbook();
    wb.units[1] = { name: B, type: '事业单位' };
    const t9 = toPublication(wb.department, wb.year, deriveWorkbookTables(wb)).tables[8];
    expect(t9.rows[0][6]).toBe('1.10');
  });
});
