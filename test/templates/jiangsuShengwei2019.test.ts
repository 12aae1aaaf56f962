import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPublicationByTemplate } from '../../shared/core/checks/byTemplate';
import { recogniseTemplate } from '../../shared/core/checks/templateRules';
import { toPublication } from '../../shared/core/tables/published';
import { TEMPLATES } from '../../shared/core/templates/registry';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import type { PrintedTable } from './zhengxieFixture';
import { zhengxieWorkbook } from './zhengxieFixture';

/** 《江苏省委办公厅2019年度部门预算公开表格》 as printed (test/fixtures/jiangsu-shengwei-2019/printed.json): the other publication the template follows. */
const printed: { tables: PrintedTable[] } = JSON.parse(readFileSync(join(__dirname, '../fixtures/jiangsu-shengwei-2019/printed.json'), 'utf8'));

describe('《江苏省委办公厅2019年度部门预算公开表格》 under jiangsu-province', () => {
  it('is recognised by its titles, and its own arithmetic holds (no finding)', () => {
    expect(recogniseTemplate(TEMPLATES, printed.tables)?.id).toBe('jiangsu-province');
    expect(checkPublicationByTemplate(printed.tables)).toEqual([]);
  });

  it('prints the same texts as the template: titles, columns, and every label of 收支预算总表, 收入预算总表 and 财政拨款收支预算总表', () => {
    const wb = zhengxieWorkbook();
    const ours = toPublication(wb.department, wb.year, deriveWorkbookTables(wb), 'jiangsu-province').tables;
    expect(ours.map((t) => [t.title, t.columns])).toEqual(printed.tables.map((t) => [t.title, t.columns]));
    const labels = (columns: string[], rows: string[][]) => rows.map((r) => r.filter((_, c) => !/金额$/.test(columns[c])));
    for (const n of [1, 2, 4]) expect(labels(ours[n - 1].columns, ours[n - 1].rows)).toEqual(labels(printed.tables[n - 1].columns, printed.tables[n - 1].rows));
    expect(ours[9].note).toBe(printed.tables[9].note);
  });

  it('a wrong subtotal of its 政府采购预算表 is found once, at its place', () => {
    const tables = structuredClone(printed.tables);
    const row = tables[11].rows.findIndex((r) => r[1] === '办公设备购置费');
    tables[11].rows[row][5] = '55.00';
    const errors = checkPublicationByTemplate(tables).filter((f) => f.severity === '错误');
    expect(errors.map((f) => f.place)).toEqual([{ table: 12, row, column: '总计' }]);
    expect(errors[0].message).toContain('应为 54.00万元');
  });
});
