import iconv from 'iconv-lite';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProgress } from '../../main/imports/screenImports';
import { splitFix } from '../../main/io/problemText';
import { dispatchCall, type CallTarget } from '../../main/workbookCalls';
import { WorkbookFile } from '../../main/workbook/file';
import { parseCall } from '../../shared/contract/calls';
import type { ImportOutcome } from '../../shared/contract/imports';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/core/limits';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { REFERENCE } from '../helpers/cli';
import { tempDir, writeHandTypedPublication, writeRowsXlsx } from '../excel/helpers';

const UNIT = '上海市宝山区城市运行管理中心';
const HEADER = '单位名称,功能分类科目编码,经济分类科目编码,支出类型,资金来源,项目名称,金额（元）';
const GOOD = [HEADER, `${UNIT},2120199,30227,项目支出,一般公共预算财政拨款,"道路保洁,二期","1,234.50"`, `${UNIT},2080505,30108,基本支出,一般公共预算财政拨款,,120.05万`].join('\r\n');
const BAD = [HEADER, `${UNIT},2080505,30108,基本支出,自筹资金,,100.00`, `${UNIT},2080505,30108,基本支出,一般公共预算财政拨款,,100.00`, `${UNIT},208050,30108,基本支出,一般公共预算财政拨款,,1.2.3`].join('\r\n');

const upload = (name: string, bytes: Buffer | string) => ({ name, data: Buffer.from(bytes).toString('base64') });

describe('the contract of 导入', () => {
  const good = { kind: 'lines', file: upload('明细.csv', GOOD) };

  it('takes a file the screen sent, or null for main’s open dialog; a catalog with its kind and edition', () => {
    expect(parseCall('imports.run', [good]).args).toEqual([good]);
    expect(parseCall('imports.run', [{ kind: 'baseline', file: null }]).args).toEqual([{ kind: 'baseline', file: null }]);
    expect(parseCall('imports.run', [{ kind: 'catalog', file: null, catalog: 'economic', edition: 2025 }]).args[0]).toMatchObject({ edition: 2025 });
    expect(parseCall('imports.progress', []).args).toEqual([]);
  });

  it.each([
    ['no argument', []],
    ['an unknown kind', [{ kind: 'projects', file: null }]],
    ['no file field', [{ kind: 'lines' }]],
    ['a catalog without its edition', [{ kind: 'catalog', file: null, catalog: 'function' }]],
    ['an edition before 2007', [{ kind: 'catalog', file: null, catalog: 'function', edition: 1999 }]],
    ['a catalog of an unknown kind', [{ kind: 'catalog', file: null, catalog: 'income', edition: 2025 }]],
    ['a field more', [{ ...good, replace: true }]],
    ['a path for a name', [{ kind: 'lines', file: upload('../../etc/明细.csv', GOOD) }]],
    ['a Windows path for a name', [{ kind: 'lines', file: upload('C:\\明细.csv', GOOD) }]],
    ['a name of dots', [{ kind: 'lines', file: upload('..', GOOD) }]],
    ['an empty name', [{ kind: 'lines', file: upload('', GOOD) }]],
    ['bytes that are not base64', [{ kind: 'lines', file: { name: '明细.csv', data: '不是base64!' } }]],
    ['bytes as a list', [{ kind: 'lines', file: { name: '明细.csv', data: [1, 2, 3] } }]],
  ])('refuses %s, in Chinese', (_what, args) => {
    expect(() => parseCall('imports.run', args)).toThrow(/^调用 imports\.run 的参数无效（.+），未执行$/);
  });

  it('refuses a file larger than the limit before anything reads it', () => {
    const data = 'A'.repeat(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 4);
    expect(() => parseCall('imports.run', [{ kind: 'lines', file: { name: '明细.csv', data } }])).toThrow(`文件过大：最大 ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`);
  });
});

describe('导入 in main, as the screen calls it', () => {
  let dir: string;
  let file: WorkbookFile;
  let picked: (string | null)[];
  /** Electron's side: the open dialog answers with the next path (null: cancelled). */
  let electron: CallTarget;
  /** The browser host's side: no dialog, the screen sends the file. */
  let browser: CallTarget;
  const run = (target: CallTarget, request: unknown) => dispatchCall(target, 'imports.run', [request]) as Promise<ImportOutcome>;

  beforeEach(() => {
    dir = tempDir();
    file = WorkbookFile.create(join(dir, '样例.budget'), sampleWorkbook());
    picked = [];
    const none = async () => ({ savedTo: null });
    electron = { file, exportExcel: none, exportUnitFile: none, pickImportFile: async () => picked.shift() ?? null };
    browser = { file, exportExcel: none, exportUnitFile: none };
  });
  afterEach(() => file.close());

  it('imports a GBK CSV the screen sent as one edit (one undo step), with quoted fields intact', async () => {
    const before = file.snapshot();
    const outcome = await run(browser, { kind: 'lines', file: upload('明细（GBK）.csv', iconv.encode(GOOD, 'gbk')) });
    expect(outcome).toMatchObject({ status: 'imported', source: '明细（GBK）.csv', count: 2, summary: '已从 明细（GBK）.csv 导入 2 条明细（加在原有明细之后）', warnings: [] });
    if (outcome.status !== 'imported') return;
    expect(outcome.result.revision).toBe(before.revision + 1);
    expect(outcome.result.applied).toMatchObject({ op: 'insertLines' });
    const lines = file.workbook().lines;
    expect(lines).toHaveLength(before.workbook.lines.length + 2);
    expect(lines.at(-2)).toMatchObject({ project: '道路保洁,二期', amount: 123_450 });
    file.undo();
    expect(file.workbook().lines).toEqual(before.workbook.lines);
  });

  it('refuses a file with bad rows, listing each with its row, column, what is wrong and how to fix it; nothing changes', async () => {
    const before = file.snapshot();
    const outcome = await run(browser, { kind: 'lines', file: upload('有错的明细.csv', BAD) });
    expect(outcome).toEqual({
      status: 'refused',
      source: '有错的明细.csv',
      problems: [
        { row: 2, column: '资金来源', message: '资金来源“自筹资金”无效', fix: expect.stringMatching(/^应为：一般公共预算财政拨款、/) },
        { row: 4, column: '金额（元）', message: '“1.2.3”不是金额', fix: '应为数字，如 1200486.48、1,200,486.48 或 120.05万' },
        { row: 4, column: '功能分类科目编码', message: '功能分类编码“208050”格式不对', fix: '应为项（7 位）科目编码' },
      ],
    });
    const after = file.snapshot();
    expect(after.revision).toBe(before.revision);
    expect(after.workbook).toEqual(before.workbook);
  });

  it.each([
    ['an old Excel file', '明细.xls', Buffer.from('whatever'), /旧版 Excel 格式/],
    ['a file of another type', '明细.docx', Buffer.from('whatever'), /不支持的文件 明细\.docx：应为 \.xlsx 或 \.csv 文件/],
    ['bytes that are not text', '明细.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), /不是文本文件/],
    ['an empty file', '明细.csv', Buffer.alloc(0), /是空的/],
    ['an xlsx that is not one', '明细.xlsx', Buffer.from('not a zip'), /明细\.xlsx/],
  ])('refuses %s with a message in Chinese and changes nothing', async (_what, name, bytes, message) => {
    const before = file.snapshot().revision;
    const outcome = await run(browser, { kind: 'lines', file: upload(name, bytes) });
    expect(outcome.status).toBe('refused');
    if (outcome.status === 'refused') expect(outcome.problems.map((p) => `${p.message}${p.fix ?? ''}`).join('\n')).toMatch(message);
    expect(file.snapshot().revision).toBe(before);
  });

  it('in the browser host, asks for the file instead of opening a dialog', async () => {
    expect(await run(browser, { kind: 'lines', file: null })).toEqual({ status: 'refused', source: '', problems: [{ message: '请先选择要导入的文件' }] });
  });

  it('in Electron, reads the file chosen in the open dialog; a cancelled dialog, a folder or a file too large changes nothing', async () => {
    const csv = join(dir, '明细.csv');
    writeFileSync(csv, GOOD);
    const folder = join(dir, '文件夹');
    mkdirSync(folder);
    const huge = join(dir, '很大的明细.csv');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_IMPORT_FILE_BYTES + 1);
    const before = file.snapshot().revision;

    picked.push(null, folder, huge);
    expect(await run(electron, { kind: 'lines', file: null })).toEqual({ status: 'cancelled' });
    expect(await run(electron, { kind: 'lines', file: null })).toEqual({
      status: 'refused',
      source: '文件夹',
      problems: [{ message: '文件夹 不是文件（是文件夹或设备）', fix: '请选择要导入的 .xlsx 或 .csv 文件' }],
    });
    expect(await run(electron, { kind: 'lines', file: null })).toMatchObject({ status: 'refused', problems: [{ message: `文件 很大的明细.csv 过大：最大 ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB`, fix: '请分成几个文件导入' }] });
    expect(file.snapshot().revision).toBe(before);

    picked.push(csv);
    expect(await run(electron, { kind: 'lines', file: null })).toMatchObject({ status: 'imported', count: 2 });
    expect(file.snapshot().revision).toBe(before + 1);
  });

  it('tells how many rows it has read while it reads a large xlsx, and refuses a second import meanwhile', async () => {
    const xlsx = join(dir, '大明细.xlsx');
    const row = [UNIT, '2120199', '30227', '项目支出', '一般公共预算财政拨款', '城市道路养护', 10];
    await writeRowsXlsx(xlsx, [HEADER.split(','), ...Array.from({ length: 12_000 }, () => row)], '明细');
    picked.push(xlsx);
    const running = run(electron, { kind: 'lines', file: null });
    const seen: number[] = [];
    let done = false;
    void running.finally(() => (done = true));
    while (!done) {
      const progress = importProgress(file);
      if (progress && progress.rows > 0 && seen.at(-1) !== progress.rows) seen.push(progress.rows);
      if (seen.length === 1) await expect(run(browser, { kind: 'lines', file: upload('明细.csv', GOOD) })).rejects.toThrow('另一个导入正在进行，请等它完成后再导入');
      await new Promise((r) => setImmediate(r));
    }
    expect(await running).toMatchObject({ status: 'imported', count: 12_000 });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((rows, i) => i === 0 || rows > seen[i - 1])).toBe(true);
    expect(importProgress(file)).toBeNull();
  });

  it('refuses a 上年公开表 with a malformed amount, naming its sheet, row and column; the baseline stays', async () => {
    const xlsx = join(dir, '公开表.xlsx');
    const pub = JSON.parse(readFileSync(join(REFERENCE, 'seed-2024-published-tables.json'), 'utf8'));
    pub.tables[0].rows[1][1] = '8,75,9561.13';
    await writeHandTypedPublication(xlsx, pub);
    const baseline = file.workbook().baseline;
    picked.push(xlsx);
    expect(await run(electron, { kind: 'baseline', file: null })).toEqual({
      status: 'refused',
      source: '公开表.xlsx',
      problems: [
        {
          sheet: '表1',
          row: 7,
          column: '本年收入.预算数（B 列）',
          message: '“8,75,9561.13”的千分位分隔符位置不对',
          fix: '应每三位一个逗号，如 1,200,486.48；请改为正确的金额（如 1,200,486.48）后重新导入',
        },
      ],
    });
    expect(file.workbook().baseline).toEqual(baseline);
  });

  it('imports a 科目表 edition (recorded, lines re-checked) and refuses one with bad rows', async () => {
    const official = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'catalog', 'function-classification.csv'), 'utf8');
    const doubled = `${official.trimEnd()}\n2010506,统计管理\n`;
    const rows = official.trimEnd().split('\n').length;
    const refused = await run(browser, { kind: 'catalog', file: upload('科目表.csv', doubled), catalog: 'function', edition: 2025 });
    expect(refused).toEqual({ status: 'refused', source: '科目表.csv', problems: [{ row: rows + 1, message: '编码 2010506 与第 4 行重复', fix: '请删除其中一行' }] });
    expect(file.workbook().catalogEditions?.function).toBeUndefined();

    const without = official.split('\n').filter((r) => !r.startsWith('2080505,')).join('\n');
    const using = file.workbook().lines.filter((l) => l.functionCode === '2080505').length;
    const outcome = await run(browser, { kind: 'catalog', file: upload('科目表.csv', without), catalog: 'function', edition: 2025 });
    expect(outcome).toMatchObject({ status: 'imported', count: rows - 2 });
    if (outcome.status === 'imported') expect(outcome.summary).toContain(`明细中有 ${using} 行的功能分类编码不在这份科目表中`);
    expect(file.workbook().catalogEditions?.function?.edition).toBe(2025);
  });
});

describe('splitFix: what is wrong, and how to fix it', () => {
  it.each([
    ['支出类型“x”无效，应为“基本支出”或“项目支出”', { message: '支出类型“x”无效', fix: '应为“基本支出”或“项目支出”' }],
    ['“abc”不是金额（应为数字，如 1200486.48）', { message: '“abc”不是金额', fix: '应为数字，如 1200486.48' }],
    ['功能分类编码 2999999 不在科目表中；请核对编码', { message: '功能分类编码 2999999 不在科目表中', fix: '请核对编码' }],
    ['表头缺少列：金额（元）。第一行应为：单位名称,金额（元）', { message: '表头缺少列：金额（元）', fix: '第一行应为：单位名称,金额（元）' }],
    ['“8,75”的千分位分隔符位置不对（应每三位一个逗号）。请改为正确的金额后重新导入', { message: '“8,75”的千分位分隔符位置不对', fix: '应每三位一个逗号；请改为正确的金额后重新导入' }],
    ['项目支出必须填写项目名称', { message: '项目支出必须填写项目名称' }],
    ['请先选择要导入的文件', { message: '请先选择要导入的文件' }],
  ])('%s', (text, split) => {
    expect(splitFix(text)).toEqual(split);
  });
});
