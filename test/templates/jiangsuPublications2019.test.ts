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
import { fixtureWorkbook, readPrinted, wanToFen, type PrintedTable } from './jiangsuFixtures';

/**
 * Two real 2019 provincial 部门预算 publications reproduced under jiangsu-province from line items
 * reconstructed from them (test/fixtures/jiangsu-*-2019: printed.json is the twelve tables as printed,
 * lines.csv and procurement.csv the reconstruction, README.md how it was made).
 */
interface Case {
  fixture: string;
  name: string;
  /** 单位预留机动经费 as printed (公开01表, 03表, 04表): the model has no such use, the lines carry it as 项目支出. */
  reserve: string;
  /** 项目支出 as printed, and as derived (with the reserve in it). */
  projects: [printed: string, derived: string];
  /** A 专项名称 of 公开12表 that is 基本支出 money (it equals 基本支出's 款): the schedule ties it to 基本支出, printed so. */
  basicProject?: string;
  /** A wrong printed figure the check finds once, at its place: [table, row, column, wrong text, right text]. */
  plant: [table: number, row: number, column: string, wrong: string, right: string];
}

const CASES: Case[] = [
  { fixture: 'jiangsu-zhengxie-2019', name: '《江苏省政协办公厅2019年预算公开表》', reserve: '1,886.02', projects: ['4,968.34', '6,854.36'], plant: [5, 2, '金额', '10,192.56', '10,191.56'] },
  {
    fixture: 'jiangsu-shengwei-2019',
    name: '《江苏省委办公厅2019年度部门预算公开表格》',
    reserve: '2,938.21',
    projects: ['13,025.38', '15,963.59'],
    basicProject: '商品和服务支出',
    plant: [12, 11, '总计', '55.00', '54.00'],
  },
];

/** The model's known gap: the cells that depend on 单位预留机动经费, [table, row, column, printed, derived]. */
const reserveGap = (c: Case): [number, number, string, string, string][] => [
  [1, 1, '支出.支出用途.金额', c.projects[0], c.projects[1]],
  [1, 2, '支出.支出用途.金额', c.reserve, ''],
  [3, 0, '项目支出', c.projects[0], c.projects[1]],
  [3, 0, '单位预留机动经费', c.reserve, ''],
  [4, 1, '支出.支出用途.金额', c.projects[0], c.projects[1]],
  [4, 2, '支出.支出用途.金额', c.reserve, ''],
];

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一'];
/** 政协办公厅's 公开01表 lists the 2018 类 names (20 类); the 2019 list has three renamed and 灾害防治及应急管理支出 (224) added. */
const RENAMED_2019: Record<string, string> = { 文化体育与传媒支出: '文化旅游体育与传媒支出', 医疗卫生与计划生育支出: '卫生健康支出', 国土海洋气象等支出: '自然资源海洋气象等支出' };

/** The printed table as the template prints it: the same figures, the department's own layout differences undone. */
function expectedOf(c: Case, t: PrintedTable): PublishedTable {
  const rows = structuredClone(t.rows);
  for (const [table, row, column, before, after] of reserveGap(c)) {
    if (table !== t.number) continue;
    const at = t.columns.indexOf(column);
    expect(rows[row][at]).toBe(before);
    rows[row][at] = after;
  }
  const name = t.columns.indexOf('支出.功能分类.功能科目名称');
  if (t.number === 1 && rows.some((r) => /、文化体育与传媒支出$/.test(r[name]))) {
    // the 类 block in the 2019 list: renamed, 224 inserted before 其他支出, renumbered; the amounts stay with their 类
    const classRows = rows.filter((r) => /^[一二三四五六七八九十]+、/.test(r[name]));
    const renamed = classRows.map((r) => [r[name].replace(/^[一二三四五六七八九十]+、/, ''), r[name + 1]]).map(([n, v]) => [RENAMED_2019[n] ?? n, v]);
    renamed.splice(renamed.length - 1, 0, ['灾害防治及应急管理支出', '']);
    const body = renamed.map(([n, v], i) => {
      const r = classRows[i] ? [...classRows[i]] : rows[0].map(() => '');
      [r[name], r[name + 1]] = [`${CN[i]}、${n}`, v];
      return r;
    });
    rows.splice(0, classRows.length, ...body);
  }
  if (t.number === 2 && !rows.some((r) => r[1] === '专户管理教育收费')) {
    // 政协办公厅 prints 财政专户管理资金 as 小计 only; 省委办公厅 (the template) prints its two items too (blank in both)
    const at = rows.findIndex((r) => r[0] === '财政专户管理资金');
    rows.splice(at + 1, 0, ['', '专户管理教育收费', ''], ['', '其他非税收入', '']);
  }
  if (t.number === 12 && c.basicProject) for (const r of rows) if (r[1] === c.basicProject) r[1] = '基本支出';
  // 政协办公厅 notes an empty table “注：本部门无该项目”, 省委办公厅 “注：本部门无相关收支项目” (the template's)
  const note = t.note === undefined ? undefined : '注：本部门无相关收支项目';
  return { id: t.number, title: t.title, unit: '万元', columns: t.columns, rows, ...(note ? { note } : {}) };
}

describe.each(CASES)('jiangsu-province reproduces $name', (c) => {
  const printed = readPrinted(c.fixture);
  const wb = fixtureWorkbook(c.fixture);
  const pub = toPublication(wb.department, wb.year, deriveWorkbookTables(wb), 'jiangsu-province');

  it('prints every figure of the twelve tables as published, but for the cells of 单位预留机动经费', () => {
    expect(pub.tables).toHaveLength(12);
    for (const t of printed.tables) expect({ table: t.number, ...pub.tables[t.number - 1] }).toEqual({ table: t.number, ...expectedOf(c, t) });
  });

  it('differs exactly where 单位预留机动经费 is printed, by exactly that amount', () => {
    for (const [table, row, column, before, after] of reserveGap(c)) {
      const derived = pub.tables[table - 1];
      const cell = derived.rows[row][derived.columns.indexOf(column)];
      expect(cell).toBe(after);
      expect(Math.abs((cell === '' ? 0 : wanToFen(cell)) - wanToFen(before))).toBe(wanToFen(c.reserve));
    }
  });

  it('the publication’s own arithmetic holds: recognised by its titles and checked without a finding', () => {
    expect(recogniseTemplate(TEMPLATES, printed.tables)?.id).toBe('jiangsu-province');
    expect(checkPublicationByTemplate(printed.tables)).toEqual([]);
    // and the check reads it: a wrong figure is found once, at its place
    const [table, row, column, wrong, right] = c.plant;
    const tables = structuredClone(printed.tables);
    const t = tables[table - 1];
    expect(t.rows[row][t.columns.indexOf(column)]).toBe(right);
    t.rows[row][t.columns.indexOf(column)] = wrong;
    const errors = checkPublicationByTemplate(tables).filter((f) => f.severity === '错误');
    expect(errors.map((f) => f.place)).toEqual([{ table, row, column }]);
    expect(errors[0].message).toContain(`应为 ${right}万元`);
  });

  it('the reconstructed workbook is exported, read back cell for cell and checked clean', async () => {
    expect(checkPublicationByTemplate(pub.tables)).toEqual([]);
    const path = join(tempDir(), `${c.fixture}.xlsx`);
    await exportPublication(wb, path, { narrative: false });
    const read = await readPublicationFile(path);
    expect(read.template).toBe('jiangsu-province');
    expect(read.year).toBe(2019);
    // each sheet says 部门：XX above the header, as the publications do
    expect(read.department).toBe(printed.department);
    expect(deriveWorkbookTables(wb).map((t) => t.preparerLabel)).toEqual(new Array(12).fill('部门'));
    expect(read.warnings).toEqual([]);
    expect(read.tables.map(({ id, title, unit, columns, rows, note }) => ({ id, title, unit, columns, rows, ...(note ? { note } : {}) }))).toEqual(pub.tables);
    expect(checkPublicationByTemplate(read.tables)).toEqual([]);
  });
});
