import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { writeAtomic } from '../../main/excel/atomicFile';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { ROOT, runBudget } from '../helpers/cli';
import { useTempDir } from '../workbook/tempDir';

const temp = useTempDir();
/** Library texts that must never reach a person. */
const LIBRARY_TEXT = /Invalid|expected|signature|FILE_ENDED|Unexpected token|Unknown option|EISDIR|ENOSPC|https?:\/\/|at .*\.(ts|js):\d+|内部错误/;
const HEADER = '单位名称,功能分类科目编码,经济分类科目编码,支出类型,资金来源,项目名称,金额（元）\n';

function expectUserError(r: { status: number | null; stderr: string }, contains: string): void {
  expect(r.stderr).toContain(contains);
  expect(r.stderr).not.toMatch(LIBRARY_TEXT);
  expect(r.status).toBe(2);
}

describe('every message is Chinese and says what to do', () => {
  it('reports broken xlsx files without the reader\'s text', async () => {
    const dir = temp();
    const good = join(dir, 'good.xlsx');
    await exportPublication(sampleWorkbook(), good);
    const bytes = readFileSync(good);
    const truncated = join(dir, 'cut.xlsx');
    writeFileSync(truncated, bytes.subarray(0, bytes.length >> 1));
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, Buffer.from('PK\u0003\u0004 这不是 Excel 文件'.repeat(20)));
    expectUserError(runBudget(['check', truncated]), '文件已损坏或不是有效的 Excel 工作簿');
    expectUserError(runBudget(['derive', junk]), '文件已损坏或不是有效的 Excel 工作簿');
  });

  it('says an unknown option in Chinese, and a broken baseline JSON too', () => {
    expectUserError(runBudget(['check', '--sample', '--unit', '某单位']), '这个命令没有选项 --unit');
    const dir = temp();
    const csv = join(dir, 'a.csv');
    writeFileSync(csv, `${HEADER}某中心,2120199,30201,基本支出,一般公共预算财政拨款,,100\n`);
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, '{"year": 2023, "figures": {');
    expectUserError(runBudget(['derive', csv, '--baseline', cut]), '不是有效的 JSON');
    expectUserError(runBudget(['check', cut]), '不是有效的 JSON（可能被截断');
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, '{"year": "2023", "figures": {"x": 1.5}}');
    expectUserError(runBudget(['derive', csv, '--baseline', wrong]), 'year：应为数字');
  });

  it('refuses --out naming a folder as a user error', () => {
    const out = join(temp(), 'out.xlsx');
    mkdirSync(out);
    expectUserError(runBudget(['export', '--sample', '--out', out]), '这是一个文件夹');
  });

  it('a full disk during export is a user error; the old file stays and no temporary file is left', async () => {
    const dir = temp();
    const out = join(dir, 'out.xlsx');
    writeFileSync(out, 'OLD');
    const r = runBudget(['export', '--sample', '--out', out], { nodeOptions: ['--import', join(ROOT, 'test', 'helpers', 'fullDisk.mjs')] });
    expectUserError(r, '磁盘空间不足');
    expect(readFileSync(out, 'utf8')).toBe('OLD');
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
    // The same through the writer itself, for any write the program makes.
    await expect(
      writeAtomic(out, async (tmp) => {
        writeFileSync(tmp, 'half');
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }),
    ).rejects.toThrow(/磁盘空间不足.*out\.xlsx 未改动/);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  });

  it('reports Big5, Shift-JIS and binary junk as an encoding problem', () => {
    const dir = temp();
    const cases: [string, Buffer][] = [
      ['big5.csv', iconv.encode('單位名稱,功能分類科目編碼,經濟分類科目編碼,支出類型,資金來源,項目名稱,金額（元）\n某中心,2120199,30201,基本支出,一般公共預算財政撥款,,100\n', 'big5')],
      ['sjis.csv', iconv.encode('単位名称,機能分類科目コード,経済分類,支出類型,資金源,プロジェクト名,金額（円）\nセンター,2120199,30201,基本,一般,,100\n', 'shift_jis')],
      ['junk.csv', Buffer.from(Array.from({ length: 600 }, (_, i) => ((i * 151 + 7) % 254) + 1))],
    ];
    for (const [name, bytes] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const r = runBudget(['derive', path]);
      expectUserError(r, '编码无法识别');
      expect(r.stderr).not.toContain('表头缺少列');
    }
    // GB18030, as Chinese Excel saves CSV, still reads.
    const gb = join(dir, 'gb.csv');
    writeFileSync(gb, iconv.encode(`${HEADER}某中心,2120199,30201,基本支出,一般公共预算财政拨款,,100\n`, 'gb18030'));
    expect(runBudget(['derive', gb]).status).toBe(0);
  });
});
