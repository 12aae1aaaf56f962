import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importCatalogEdition } from '../../shared/core/catalog/edition';
import { readLineTable } from '../../shared/core/lineTable';
import { readLinesFile } from '../../main/excel/readLines';
import { checkXlsxArchive } from '../../main/excel/xlsxArchive';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { runBudget } from '../helpers/cli';
import { useTempDir } from '../workbook/tempDir';

const temp = useTempDir();
const HEADER = ['单位名称', '功能分类科目编码', '经济分类科目编码', '支出类型', '资金来源', '项目名称', '金额（元）'];
const ROW = ['某中心', '2120199', '30201', '基本支出', '一般公共预算财政拨款', '', '100'];
const csvOf = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';

describe('silent choices become errors', () => {
  it('refuses duplicate header columns, naming both', () => {
    const read = readLineTable([[...HEADER, '金额'], [...ROW, '900']]);
    expect(read.lines).toEqual([]);
    expect(read.errors[0].message).toContain('第 7 列“金额（元）”和第 8 列“金额”都是“金额（元）”列');
    const dir = temp();
    const csv = join(dir, 'dup.csv');
    writeFileSync(csv, csvOf([[...HEADER, '备注', '备注'], [...ROW, 'a', 'b']]));
    const r = runBudget(['derive', csv]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('第 8 列“备注”和第 9 列“备注”都是“备注”列');
  });

  it('refuses an xlsx without a 明细 sheet whose first sheet is hidden', async () => {
    const path = join(temp(), 'hidden.xlsx');
    const book = new ExcelJS.Workbook();
    const hidden = book.addWorksheet('旧数据', { state: 'hidden' });
    hidden.addRow(HEADER);
    hidden.addRow(ROW);
    book.addWorksheet('说明').addRow(['见隐藏表']);
    await book.xlsx.writeFile(path);
    await expect(readLinesFile(path)).rejects.toThrow('没有名为“明细”的工作表，而第一个工作表“旧数据”是隐藏的');
  });

  it('refuses derive --unit naming no unit, as export does', () => {
    const r = runBudget(['derive', '--sample', '--unit', '不存在']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('没有名为“不存在”的预算单位');
  });

  it('enforces the contract\'s length limits on imports', () => {
    const read = readLineTable([HEADER, ['某中心', '2120199', '30201', '项目支出', '一般公共预算财政拨款', '项'.repeat(1_000_000), '100']]);
    expect(read.lines).toEqual([]);
    expect(read.errors[0]).toMatchObject({ row: 2, column: '项目名称', message: '内容过长（1000000 个字），最多 200 个字' });
  });

  it('refuses a 7-digit code that is a 款 padded with zeros, even with a name', () => {
    const read = readLineTable([[...HEADER, '功能分类科目名称'], ['某中心', '2080000', '30201', '基本支出', '一般公共预算财政拨款', '', '100', '社会保障和就业支出']]);
    expect(read.lines).toEqual([]);
    expect(read.errors[0].message).toContain('2080000 的款为 00');
    expect(readLineTable([HEADER, ['某中心', '2080500', '30100', '基本支出', '一般公共预算财政拨款', '', '100']]).errors.map((e) => e.message).join()).toMatch(/2080500 的项为 00.*30100 的款为 00/);
  });

  it('export does not overwrite its own input, nor a workbook open in Excel', async () => {
    const dir = temp();
    const x = join(dir, 'x.xlsx');
    await exportPublication(sampleWorkbook(), x);
    const before = readFileSync(x);
    const self = runBudget(['export', x, '--out', x]);
    expect(self.status).toBe(2);
    expect(self.stderr).toContain('就是输入文件');
    expect(readFileSync(x).equals(before)).toBe(true);
    writeFileSync(join(dir, '~$y.xlsx'), 'owner');
    writeFileSync(join(dir, 'y.xlsx'), 'OPEN');
    const open = runBudget(['export', '--sample', '--out', join(dir, 'y.xlsx')]);
    expect(open.status).toBe(2);
    expect(open.stderr).toContain('正在 Excel、WPS 或 LibreOffice 中打开');
    expect(readFileSync(join(dir, 'y.xlsx'), 'utf8')).toBe('OPEN');
  });

  it('refuses an xlsx that unpacks to far more than its size before unpacking it', async () => {
    const dir = temp();
    // A sheet whose central directory entry says it unpacks to 200 MB (as a zip bomb's does; the
    // check reads only the directory, so the entry's data need not be that large here).
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', ' '.repeat(1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const entry = bytes.lastIndexOf(Buffer.from('PK\u0001\u0002', 'latin1'));
    bytes.writeUInt32LE(200 * 1024 * 1024, entry + 24);
    const bomb = join(dir, 'bomb.xlsx');
    writeFileSync(bomb, bytes);
    expect(() => checkXlsxArchive(bomb)).toThrow(/bomb\.xlsx 解压后有 200 MB 的内容（文件本身 \d+ KB），超过可读取的上限 64 MB/);
    await expect(readLinesFile(bomb)).rejects.toThrow('超过可读取的上限');
    // What this program writes passes.
    const ours = join(dir, 'ours.xlsx');
    await exportPublication(sampleWorkbook(), ours);
    expect(() => checkXlsxArchive(ours)).not.toThrow();
  });
});

describe('catalog imports keep the contract\'s limits', () => {
  it('refuses a catalog name longer than the workbook keeps', () => {
    const read = importCatalogEdition('economic', [['科目编码', '科目名称'], ['301', '工资福利支出'], ['30101', '名'.repeat(201)]], 2025);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems[0].message).toContain('科目名称过长（201 个字），最多 200 个字');
  });
});
