import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../shared/core/csv';
import { writeLineTable } from '../../shared/core/lineTable';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { importLinesFile } from '../../main/excel/importFiles';
import { readLinesFile } from '../../main/excel/readLines';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { WorkbookFile } from '../../main/workbook/file';
import { REFERENCE } from '../helpers/cli';
import { tempDir, writeRowsXlsx } from './helpers';

const SEED_CSV = readFileSync(join(REFERENCE, 'seed-2024-line-items.csv'), 'utf8');
const HEADER = ['单位名称', '功能分类科目编码', '经济分类科目编码', '支出类型', '资金来源', '项目名称', '金额（元）'];
const UNIT = '上海市宝山区城市运行管理中心';
const good = (amount: unknown = '1,200.00', project = ''): unknown[] => [UNIT, '2120199', '30201', project ? '项目支出' : '基本支出', '一般公共预算财政拨款', project, amount];

/** A fresh workbook file holding one line, to show that a failed import leaves it as it was. */
function workbookFile(): WorkbookFile {
  const file = WorkbookFile.create(join(tempDir(), '测试.budget'), { department: UNIT, year: 2025 });
  file.edit({ op: 'insertLines', lines: [{ unit: UNIT, functionCode: '2120199', economicCode: '30201', kind: '基本支出', source: '一般公共预算财政拨款', project: '', amount: 100 }] });
  return file;
}

/** Imports a file that must fail: returns the message, and checks that nothing was imported. */
async function failedImport(path: string): Promise<string> {
  const file = workbookFile();
  try {
    const before = file.snapshot();
    let message = '';
    await importLinesFile(file, path).then(
      () => (message = 'imported'),
      (e: Error) => (message = e.message),
    );
    const after = file.snapshot();
    expect(after.workbook.lines).toEqual(before.workbook.lines);
    expect(after.revision).toBe(before.revision);
    return message;
  } finally {
    file.close();
  }
}

describe('importing line items', () => {
  it('imports the line sheet of an exported file into a workbook file as one edit', async () => {
    const dir = tempDir();
    const path = join(dir, 'export.xlsx');
    await exportPublication(sampleWorkbook(), path);
    const file = workbookFile();
    try {
      const { lines, source } = await importLinesFile(file, path);
      expect(source).toBe('export.xlsx 工作表“明细”');
      expect(lines.map(({ id: _id, ...l }) => l)).toEqual(sampleWorkbook().lines.map(({ id: _id, ...l }) => l));
      expect(file.workbook().lines.length).toBe(1 + sampleWorkbook().lines.length);
    } finally {
      file.close();
    }
  });

  it('reads an .xlsx typed by hand: columns in any order, codes as numbers, 1,200,486.48 and 120.05万', async () => {
    const path = join(tempDir(), '手工.xlsx');
    await writeRowsXlsx(path, [
      ['金额（元）', '资金来源', '单位名称', '支出类型', '经济分类科目编码', '功能分类科目编码', '项目名称', '备注'],
      ['1,200,486.48', '一般公共预算财政拨款', UNIT, '基本支出', 30108, 2080505, '', '养老'],
      ['120.05万', '一般公共预算财政拨款', UNIT, '项目支出', '30207', '2120199', '城管通服务费', ''],
      [152500.5, '一般公共预算财政拨款', UNIT, '基本支出', 30201, 2120199, null, null],
    ]);
    const { lines } = await readLinesFile(path);
    expect(lines.map((l) => [l.functionCode, l.economicCode, l.kind, l.amount, l.note ?? ''])).toEqual([
      ['2080505', '30108', '基本支出', 120_048_648, '养老'],
      ['2120199', '30207', '项目支出', 120_050_000, ''],
      ['2120199', '30201', '基本支出', 15_250_050, ''],
    ]);
  });

  it('reads CSV in UTF-8, UTF-8 with BOM and GB18030 alike', async () => {
    const dir = tempDir();
    const expected = (await readLinesFile(join(REFERENCE, 'seed-2024-line-items.csv'))).lines;
    expect(expected.length).toBe(30);
    const files: [string, Buffer][] = [
      ['utf8.csv', Buffer.from(SEED_CSV, 'utf8')],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SEED_CSV, 'utf8')])],
      ['gb.csv', iconv.encode(SEED_CSV, 'gb18030')],
    ];
    for (const [name, bytes] of files) {
      writeFileSync(join(dir, name), bytes);
      expect((await readLinesFile(join(dir, name))).lines, name).toEqual(expected);
    }
  });

  it('reports every bad row of an .xlsx (row, column, reason) and imports nothing', async () => {
    const path = join(tempDir(), '有错.xlsx');
    await writeRowsXlsx(path, [
      HEADER,
      good(),
      good('1,20,0486.48'),
      [UNIT, '208', '30201', '基本支出', '一般公共预算财政拨款', '', '10'],
      [UNIT, '2120199', '30298', '基本支出', '一般公共预算财政拨款', '', '10'],
      [UNIT, '2120199', '30201', '其他支出', '自筹', '', '10'],
      [UNIT, '2120199', '30201', '项目支出', '一般公共预算财政拨款', '', '1.234'],
      good(),
    ]);
    const message = await failedImport(path);
    expect(message).toMatch(/^明细文件 有错\.xlsx 工作表“Sheet1” 有 7 处错误，未导入任何数据：/);
    for (const part of [
      '第 3 行“金额（元）”列：“1,20,0486.48”的千分位分隔符位置不对',
      '第 4 行“功能分类科目编码”列：功能分类编码 208（社会保障和就业支出）不是末级科目',
      '第 5 行“经济分类科目编码”列：经济分类编码 30298 不在科目表中',
      '第 6 行“支出类型”列：支出类型“其他支出”无效',
      '第 6 行“资金来源”列：资金来源“自筹”无效',
      '第 7 行“项目名称”列：项目支出必须填写项目名称',
      '第 7 行“金额（元）”列：“1.234”精确到分以下',
    ]) {
      expect(message).toContain(`有错.xlsx 工作表“Sheet1” ${part}`);
    }
  });

  it('refuses a sheet without the required columns, naming the missing ones', async () => {
    const path = join(tempDir(), '缺列.xlsx');
    await writeRowsXlsx(path, [['单位名称', '功能分类科目编码', '金额'], [UNIT, '2120199', '10']], '明细');
    const message = await failedImport(path);
    expect(message).toContain('缺列.xlsx 工作表“明细” 第 1 行：表头缺少列：经济分类科目编码、支出类型、资金来源、项目名称');
  });

  it('refuses an empty sheet and a sheet with only the header', async () => {
    const dir = tempDir();
    await writeRowsXlsx(join(dir, '空.xlsx'), []);
    expect(await failedImport(join(dir, '空.xlsx'))).toContain('文件是空的');
    await writeRowsXlsx(join(dir, '表头.xlsx'), [HEADER]);
    expect(await failedImport(join(dir, '表头.xlsx'))).toContain('第 2 行：文件只有表头，没有明细行');
  });

  it('refuses a GB18030 CSV with a bad row, quoting the Chinese text correctly', async () => {
    const path = join(tempDir(), '国标.csv');
    const csv = formatCsv([HEADER, good().map(String), [UNIT, '2120199', '30201', '基本支出', '财政专户', '', '10']]);
    writeFileSync(path, iconv.encode(csv, 'gb18030'));
    const message = await failedImport(path);
    expect(message).toContain('国标.csv 第 3 行“资金来源”列：资金来源“财政专户”无效');
  });

  it('refuses a damaged .xlsx, an old .xls and an unknown extension, in Chinese', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '坏.xlsx'), 'PK\u0003\u0004 not really');
    expect(await failedImport(join(dir, '坏.xlsx'))).toContain('无法读取 坏.xlsx：文件已损坏或不是有效的 Excel 工作簿');
    writeFileSync(join(dir, '旧.xls'), 'x');
    expect(await failedImport(join(dir, '旧.xls'))).toContain('旧.xls 是旧版 Excel 格式（.xls）');
    writeFileSync(join(dir, '明细.json'), '{}');
    expect(await failedImport(join(dir, '明细.json'))).toContain('不支持的文件 明细.json：应为 .xlsx 或 .csv 文件');
    expect(await failedImport(join(dir, '没有.csv'))).toContain('文件不存在');
  });

  it('prefers the sheet named 明细 and reads the line sheet of any workbook', async () => {
    const path = join(tempDir(), '多表.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('说明').addRow(['这一页不是明细']);
    const sheet = book.addWorksheet('明细');
    for (const row of writeLineTable(sampleWorkbook().lines.slice(0, 3))) sheet.addRow(row);
    await book.xlsx.writeFile(path);
    const { lines, source } = await readLinesFile(path);
    expect(source).toBe('多表.xlsx 工作表“明细”');
    expect(lines.length).toBe(3);
  });

  it('imports 100,000 rows from an .xlsx, reporting progress as it reads', async () => {
    const path = join(tempDir(), '十万行.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = writer.addWorksheet('明细');
    sheet.addRow(HEADER).commit();
    for (let i = 0; i < 100_000; i++) sheet.addRow([UNIT, '2120199', '30201', '基本支出', '一般公共预算财政拨款', '', (i % 1000) + 0.01]).commit();
    sheet.commit();
    await writer.commit();
    const progress: number[] = [];
    const file = workbookFile();
    try {
      const { lines } = await importLinesFile(file, path, { onProgress: (n) => progress.push(n) });
      expect(lines.length).toBe(100_000);
      expect(lines[99_999].amount).toBe(99_901);
      expect(file.workbook().lines.length).toBe(100_001);
    } finally {
      file.close();
    }
    expect(progress.length).toBeGreaterThanOrEqual(20);
    expect(progress[progress.length - 1]).toBe(100_001);
    expect(progress.every((n, i) => i === 0 || n >= progress[i - 1])).toBe(true);
  }, 240_000);
});
