import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../shared/core/checks';
import { WorkbookFile } from '../../main/workbook/file';
import { runBudget } from '../helpers/cli';

/** The 功能分类 codes the sample uses, one name changed, one 项 left out (2210201 住房公积金). */
const EDITION_ROWS = [
  ['208', '社会保障和就业支出'],
  ['20805', '行政事业单位养老支出'],
  ['2080505', '机关事业单位基本养老保险缴费支出'],
  ['2080506', '机关事业单位职业年金缴费支出'],
  ['210', '卫生健康支出'],
  ['21011', '行政事业单位医疗'],
  ['2101102', '事业单位医疗'],
  ['212', '城乡社区支出'],
  ['21201', '城乡社区管理事务'],
  ['2120199', '其他城乡社区管理事务支出（新版名称）'],
  ['221', '住房保障支出'],
  ['22102', '住房改革支出'],
];

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'budget-edition-'));
  const path = join(dir, '样例.budget');
  expect(runBudget(['new', path, '--sample']).status).toBe(0);
  return { dir, path };
}

const hash = (path: string) => createHash('sha1').update(readFileSync(path)).digest('hex');

describe('an official catalog edition imported into a workbook', () => {
  it('replaces the built-in catalog: names in the tables, codes it lacks become errors; undone in one step; kept in the file', () => {
    const { dir, path } = setup();
    const csv = join(dir, '2025功能分类.csv');
    writeFileSync(csv, ['科目编码,科目名称', ...EDITION_ROWS.map((r) => r.join(','))].join('\r\n'));
    const run = runBudget(['import-catalog', path, csv, '--kind', '功能分类', '--edition', '2025']);
    expect(run).toMatchObject({ status: 0, stdout: '已导入 2025 年功能分类科目表（12 个科目）到 样例.budget，取代内置科目表（修订 1，可撤销）\n' });

    const t3 = JSON.parse(runBudget(['derive', path]).stdout).tables[2];
    expect(t3.rows).toContainEqual(['212', '01', '99', '其他城乡社区管理事务支出（新版名称）', '6,683,719.92', '6,346,395.92', '337,324.00']);

    const file = WorkbookFile.open(path);
    try {
      expect(file.workbook().catalogEditions?.function?.edition).toBe(2025);
      const errors = checkWorkbook(file.workbook()).filter((f) => f.severity === '错误');
      expect(errors.map((f) => [f.rule, f.place.lineId])).toEqual([['L-CODE', 4]]);
      expect(errors[0].message).toContain('功能分类编码 2210201 不在科目表中');
      file.undo();
      expect(file.workbook().catalogEditions).toBeUndefined();
      expect(checkWorkbook(file.workbook()).filter((f) => f.severity === '错误')).toEqual([]);
    } finally {
      file.close();
    }
  });

  it('reads the first sheet of an .xlsx', async () => {
    const { dir, path } = setup();
    const xlsx = join(dir, '经济分类.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('2025');
    sheet.addRow(['code', 'name']);
    for (const [code, name] of [['301', '工资福利支出'], ['30101', '基本工资'], ['302', '商品和服务支出'], ['30201', '办公费']]) sheet.addRow([code, name]);
    await book.xlsx.writeFile(xlsx);
    expect(runBudget(['import-catalog', path, xlsx, '--kind', '经济分类', '--edition', '2025']).status).toBe(0);
    const file = WorkbookFile.open(path);
    try {
      expect(file.workbook().catalogEditions?.economic?.rows).toHaveLength(4);
    } finally {
      file.close();
    }
  });

  it('refuses a catalog with bad rows, naming them, and leaves the workbook as it was', () => {
    const { dir, path } = setup();
    const csv = join(dir, '坏.csv');
    writeFileSync(csv, ['code,name', '208,社会保障和就业支出', '2080505,机关事业单位基本养老保险缴费支出', '20x,坏编码', '208,重复'].join('\n'));
    const before = hash(path);
    const run = runBudget(['import-catalog', path, csv, '--kind', '功能分类', '--edition', '2025']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('科目表 坏.csv 有 3 处问题，未导入');
    expect(run.stderr).toContain('第 3 行：项 2080505 的上级款 20805 不在表中');
    expect(run.stderr).toContain('第 4 行：编码“20x”不是功能分类编码');
    expect(run.stderr).toContain('第 5 行：编码 208 与第 2 行重复');
    expect(hash(path)).toBe(before);
    expect(runBudget(['import-catalog', path, csv, '--kind', '行业分类', '--edition', '2025']).stderr).toContain('--kind 应为“功能分类”或“经济分类”');
    expect(runBudget(['import-catalog', path, csv, '--kind', '功能分类', '--edition', '25']).stderr).toContain('--edition 应为四位年份');
  });
});
