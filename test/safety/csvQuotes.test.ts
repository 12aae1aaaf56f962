import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv, readCsvTable } from '../../shared/core/csv';
import { runBudget } from '../helpers/cli';
import { useTempDir } from '../workbook/tempDir';

const HEADER = '单位名称,功能分类科目编码,经济分类科目编码,支出类型,资金来源,项目名称,金额（元）,备注';
const row = (amount: string, note: string) => `某中心,2120199,30201,基本支出,一般公共预算财政拨款,,${amount},${note}`;
/** Stray quotes inside unquoted 备注 fields, as a person types them: Excel reads three rows. */
const STRAY_QUOTES = [HEADER, row('100.00', '屏幕5"寸'), row('500.00', '中间一行'), row('200.00', '屏幕7"寸')].join('\r\n') + '\r\n';

describe('CSV read as Excel reads it', () => {
  it('keeps a quote inside an unquoted field as text and a doubled quote inside a quoted field as one', () => {
    expect(parseCsv(STRAY_QUOTES).slice(1).map((r) => r[7])).toEqual(['屏幕5"寸', '中间一行', '屏幕7"寸']);
    expect(parseCsv('a,"x ""y"", z",b\n')).toEqual([['a', 'x "y", z', 'b']]);
    expect(parseCsv('"多\n行",b\n')).toEqual([['多\n行', 'b']]);
  });

  it('refuses a row whose field count differs from the header, naming the row', () => {
    const table = readCsvTable([HEADER, row('1', 'a'), `${row('2', 'b')},多出一格`, row('3', 'c')].join('\n'));
    expect(table).toMatchObject({ ok: false, row: 3 });
    expect(!table.ok && table.message).toContain('第 3 行有 9 个格子，而表头（第 1 行）有 8 个');
    // A quote that opens a field and never closes swallows every later row: refused, not merged.
    const open = readCsvTable([HEADER, row('1', '"屏幕5寸'), row('2', 'b'), row('3', 'c')].join('\n'));
    expect(open).toMatchObject({ ok: false, row: 2 });
  });

  it('imports, derives and exports the three rows through the real command', async () => {
    const dir = useTempDirHere();
    const csv = join(dir, '明细.csv');
    writeFileSync(csv, STRAY_QUOTES);
    const book = join(dir, 'a.budget');
    expect(runBudget(['new', book, '--department', '某中心', '--year', '2025']).status).toBe(0);
    const imported = runBudget(['import-lines', book, csv]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('已导入 3 条明细');

    const derived = runBudget(['derive', csv]);
    expect(derived.status).toBe(0);
    const table1 = (JSON.parse(derived.stdout) as { tables: { rows: string[][] }[] }).tables[0];
    expect(table1.rows[0].slice(0, 2)).toEqual(['一、财政拨款收入', '800.00']);

    const out = join(dir, 'out.xlsx');
    expect(runBudget(['export', csv, '--out', out]).status).toBe(0);
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.readFile(out);
    const notes = xlsx.getWorksheet('明细')!.getColumn(12).values.slice(2);
    expect(notes).toEqual(['屏幕5"寸', '中间一行', '屏幕7"寸']);
  });

  it('refuses through the real command a file whose rows do not match the header, and imports nothing', () => {
    const dir = useTempDirHere();
    const csv = join(dir, '明细.csv');
    writeFileSync(csv, [HEADER, row('1', 'a'), `某中心,2120199,30201,基本支出,一般公共预算财政拨款,,"1,000",b,c`].join('\n'));
    const book = join(dir, 'a.budget');
    runBudget(['new', book, '--department', '某中心', '--year', '2025']);
    const before = readFileSync(book);
    const r = runBudget(['import-lines', book, csv]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('第 3 行有 9 个格子');
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(runBudget(['derive', csv]).stderr).toContain('第 3 行');
  });
});

const temp = useTempDir();
function useTempDirHere(): string {
  return temp();
}
