import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPublicationByTemplate } from '../../shared/core/checks/byTemplate';
import { recogniseTemplate } from '../../shared/core/checks/templateRules';
import { toPublication, type PublishedTable } from '../../shared/core/tables/published';
import { TEMPLATES } from '../../shared/core/templates/registry';
import { deriveWorkbookTables } from '../../shared/core/workbookTables';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { readPublicationFile } from '../../main/excel/readPublication';
import { tempDir } from '../excel/helpers';
import { printed, wanToFen, zhengxieWorkbook, type PrintedTable } from './zhengxieFixture';

/**
 * 《江苏省政协办公厅2019年预算公开表》 reproduced from line items reconstructed from it
 * (test/fixtures/jiangsu-zhengxie-2019: printed.json is the twelve tables as printed, lines.csv and
 * procurement.csv the reconstruction, README.md how it was made).
 */

/** 单位预留机动经费 as printed (公开01表, 03表, 04表): the model has no such use, the lines carry it as 项目支出. */
const RESERVE = '1,886.02';

/**
 * The model's known gap: the cells that depend on 单位预留机动经费, [table, row, column, printed, derived].
 * Every other printed figure is reproduced.
 */
const RESERVE_GAP: [table: number, row: number, column: string, printed: string, derived: string][] = [
  [1, 1, '支出.支出用途.金额', '4,968.34', '6,854.36'],
  [1, 2, '支出.支出用途.金额', RESERVE, ''],
  [3, 0, '项目支出', '4,968.34', '6,854.36'],
  [3, 0, '单位预留机动经费', RESERVE, ''],
  [4, 1, '支出.支出用途.金额', '4,968.34', '6,854.36'],
  [4, 2, '支出.支出用途.金额', RESERVE, ''],
];

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一'];
/** 公开01表 of 政协 lists the 2018 类 names (20 类); the 2019 list has three renamed and 灾害防治及应急管理支出 (224) added. */
const RENAMED_2019: Record<string, string> = { 文化体育与传媒支出: '文化旅游体育与传媒支出', 医疗卫生与计划生育支出: '卫生健康支出', 国土海洋气象等支出: '自然资源海洋气象等支出' };

/** The printed table as the template prints it: the same figures, the layout differences of this department's copy undone. */
function expectedOf(t: PrintedTable): PublishedTable {
  const rows = structuredClone(t.rows);
  for (const [table, row, column, before, after] of RESERVE_GAP) {
    if (table !== t.number) continue;
    const c = t.columns.indexOf(column);
    expect(rows[row][c]).toBe(before);
    rows[row][c] = after;
  }
  if (t.number === 1) {
    // the 类 block in the 2019 list: renamed, 224 inserted before 其他支出, renumbered; the amounts stay with their 类
    const name = t.columns.indexOf('支出.功能分类.功能科目名称');
    const classRows = rows.filter((r) => /^[一二三四五六七八九十]+、/.test(r[name]));
    const blocks = classRows.map((r) => [r[name].replace(/^[一二三四五六七八九十]+、/, ''), r[name + 1]]);
    const renamed = blocks.map(([n, v]) => [RENAMED_2019[n] ?? n, v]);
    renamed.splice(renamed.length - 1, 0, ['灾害防治及应急管理支出', '']);
    const body = renamed.map(([n, v], i) => {
      const r = classRows[i] ? [...classRows[i]] : rows[0].map(() => '');
      [r[name], r[name + 1]] = [`${CN[i]}、${n}`, v];
      return r;
    });
    rows.splice(0, classRows.length, ...body);
  }
  if (t.number === 2) {
    // 政协 prints 财政专户管理资金 as 小计 only; 省委办公厅 prints its two items too (blank in both)
    const at = rows.findIndex((r) => r[0] === '财政专户管理资金');
    rows.splice(at + 1, 0, ['', '专户管理教育收费', ''], ['', '其他非税收入', '']);
  }
  // 政协 notes an empty table “注：本部门无该项目”, 省委办公厅 “注：本部门无相关收支项目” (the template's)
  const note = t.note === undefined ? undefined : '注：本部门无相关收支项目';
  return { id: t.number, title: t.title, unit: '万元', columns: t.columns, rows, ...(note ? { note } : {}) };
}

describe('jiangsu-province reproduces 《江苏省政协办公厅2019年预算公开表》', () => {
  const wb = zhengxieWorkbook();
  const pub = toPublication(wb.department, wb.year, deriveWorkbookTables(wb), 'jiangsu-province');

  it('prints every figure of the twelve tables as published, but for the cells of 单位预留机动经费', () => {
    expect(pub.tables).toHaveLength(12);
    for (const t of printed.tables) expect({ table: t.number, ...pub.tables[t.number - 1] }).toEqual({ table: t.number, ...expectedOf(t) });
  });

  it('differs exactly where 单位预留机动经费 is printed, by exactly that amount', () => {
    for (const [table, row, column, before, after] of RESERVE_GAP) {
      const derived = pub.tables[table - 1];
      const cell = derived.rows[row][derived.columns.indexOf(column)];
      expect(cell).toBe(after);
      expect(Math.abs((cell === '' ? 0 : wanToFen(cell)) - wanToFen(before))).toBe(wanToFen(RESERVE));
    }
  });

  it('the publication’s own arithmetic holds: recognised by its titles and checked without a finding', () => {
    expect(recogniseTemplate(TEMPLATES, printed.tables)?.id).toBe('jiangsu-province');
    expect(checkPublicationByTemplate(printed.tables)).toEqual([]);
    // and the check reads it: a wrong 款 in 公开05表 is found once, at its place
    const tables = structuredClone(printed.tables);
    tables[4].rows[2][2] = '10,192.56';
    const errors = checkPublicationByTemplate(tables).filter((f) => f.severity === '错误');
    expect(errors.map((f) => f.place)).toEqual([{ table: 5, row: 2, column: '金额' }]);
    expect(errors[0].message).toContain('应为 10,191.56万元');
  });

  it('the reconstructed workbook is exported, read back cell for cell and checked clean', async () => {
    expect(checkPublicationByTemplate(pub.tables)).toEqual([]);
    const path = join(tempDir(), '政协办公厅2019.xlsx');
    await exportPublication(wb, path, { narrative: false });
    const read = await readPublicationFile(path);
    expect(read.template).toBe('jiangsu-province');
    expect(read.year).toBe(2019);
    // each sheet says 部门：江苏省政协办公厅 above the header, as the publication does
    expect(read.department).toBe('江苏省政协办公厅');
    expect(deriveWorkbookTables(wb).map((t) => t.preparerLabel)).toEqual(new Array(12).fill('部门'));
    expect(read.warnings).toEqual([]);
    expect(read.tables.map(({ id, title, unit, columns, rows, note }) => ({ id, title, unit, columns, rows, ...(note ? { note } : {}) }))).toEqual(pub.tables);
    expect(checkPublicationByTemplate(read.tables)).toEqual([]);
  });
});
