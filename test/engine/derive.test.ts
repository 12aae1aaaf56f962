import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { deriveTables } from '../../shared/core/tables/derive';
import { toPublication } from '../../shared/core/tables/published';
import { REFERENCE, runBudget } from '../helpers/cli';

const expected = JSON.parse(readFileSync(join(REFERENCE, 'seed-2024-tables.json'), 'utf8'));

describe('the nine tables of the reference department', () => {
  it('`budget derive` on the seed CSV prints seed-2024-tables.json cell for cell', () => {
    const run = runBudget(['derive', join(REFERENCE, 'seed-2024-line-items.csv'), '--department', '上海市宝山区城市运行管理中心', '--year', '2024']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expected);
  });

  it('the embedded sample derives the same tables', () => {
    const run = runBudget(['derive', '--sample']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expected);
  });

  it('header cells carry the publication’s merges', () => {
    const wb = sampleWorkbook();
    const tables = deriveTables({ department: wb.department, year: wb.year, units: wb.units }, wb.lines);
    const t9 = tables[8];
    expect(t9.headerRows).toBe(3);
    expect(t9.header).toContainEqual({ text: '2024 年机关运行经费预算数', row: 0, col: 6, rowSpan: 3, colSpan: 1 });
    expect(t9.header).toContainEqual({ text: '公务用车购置及运行费', row: 1, col: 3, rowSpan: 1, colSpan: 3 });
    const t2 = tables[1];
    expect(t2.header).toContainEqual({ text: '功能分类科目编码', row: 1, col: 0, rowSpan: 1, colSpan: 3 });
    expect(t2.header).toContainEqual({ text: '类', row: 2, col: 0, rowSpan: 1, colSpan: 1 });
    expect(t2.header).toContainEqual({ text: '其他收入', row: 1, col: 8, rowSpan: 2, colSpan: 1 });
  });

  it('a unit’s tables are titled and noted as the unit’s', () => {
    const wb = sampleWorkbook();
    const tables = deriveTables({ department: wb.department, year: wb.year, units: wb.units, unit: wb.department }, wb.lines);
    expect(tables[0].title).toBe('2024 年单位财务收支预算总表');
    expect(tables[0].preparerLabel).toBe('编制单位');
    expect(tables[5].note).toBe('备注：本单位 2024 年无政府性基金预算财政拨款支出，故本表无数据。');
  });

  it('a class outside the district template is listed in tables 1 and 4 in code order', () => {
    const wb = sampleWorkbook();
    const extra = [...wb.lines, { ...wb.lines[0], id: 99, functionCode: '2170101', functionName: '行政运行', amount: 10_000 }];
    const pub = toPublication('部门', 2024, deriveTables({ department: '部门', year: 2024, units: [] }, extra));
    const labels = pub.tables[0].rows.map((r) => r[2]);
    expect(labels).toContain('十五、金融支出');
    expect(labels.indexOf('十五、金融支出')).toBe(labels.indexOf('十四、商业服务业等支出') + 1);
    expect(pub.tables[0].rows.at(-2)).toEqual(['', '', '二十一、其他支出', '']);
  });
});
