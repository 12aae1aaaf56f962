import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureKey } from '../../shared/core/measures';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { WorkbookFile } from '../../main/workbook/file';
import { REFERENCE, runBudget } from '../helpers/cli';
import { filesIn, readBook, tempDir, writeHandTypedPublication } from './helpers';

const HEADER = '单位名称,功能分类科目编码,经济分类科目编码,支出类型,资金来源,项目名称,金额（元）';

describe('budget export', () => {
  it('exports the sample to one .xlsx and leaves nothing else behind', async () => {
    const dir = tempDir();
    const out = join(dir, '2024年预算.xlsx');
    const r = runBudget(['export', '--sample', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已导出 上海市宝山区城市运行管理中心 2024 年预算到');
    expect(filesIn(dir)).toEqual(['2024年预算.xlsx']);
    const book = await readBook(out);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '1 财务收支预算总表',
      '2 收入预算总表',
      '3 支出预算总表',
      '4 财政拨款收支预算总表',
      '5 一般公共预算支出功能分类预算表',
      '6 政府性基金预算支出功能分类预算表',
      '7 国有资本经营预算支出功能分类预算表',
      '8 一般公共预算基本支出部门预算经济分类预算表',
      '9 “三公”经费和机关运行经费预算表',
      '预算编制说明',
      '其他相关情况说明',
      '项目经费情况说明',
      '绩效目标申报表',
      '明细',
    ]);
  });

  it('refuses a bad line file with file, row and column, exit 2, and writes no file (an existing one stays as it was)', () => {
    const dir = tempDir();
    const csv = join(dir, '明细.csv');
    writeFileSync(csv, `${HEADER}\n甲单位,2120199,30201,基本支出,一般公共预算财政拨款,,12a\n`);
    const out = join(dir, '输出.xlsx');
    writeFileSync(out, 'previous export');
    const r = runBudget(['export', csv, '--out', out, '--year', '2025']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('明细.csv 第 2 行“金额（元）”列：“12a”不是金额');
    expect(r.stdout).toBe('');
    expect(filesIn(dir)).toEqual(['明细.csv', '输出.xlsx']);
    expect(readFileSync(out, 'utf8')).toBe('previous export');
  });

  it('refuses a missing --out, a non-.xlsx output and a missing folder', () => {
    expect(runBudget(['export', '--sample']).stderr).toContain('缺少 --out');
    const bad = runBudget(['export', '--sample', '--out', 'x.csv']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('输出文件应以 .xlsx 结尾');
    const dir = tempDir();
    const none = runBudget(['export', '--sample', '--out', join(dir, '没有', 'x.xlsx')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('不存在，请先建立该文件夹');
    expect(filesIn(dir)).toEqual([]);
  });

  it('exports one unit with --unit', async () => {
    const dir = tempDir();
    const csv = join(dir, '明细.csv');
    writeFileSync(csv, `${HEADER}\n甲单位,2120199,30201,基本支出,一般公共预算财政拨款,,100\n乙单位,2120199,30201,基本支出,一般公共预算财政拨款,,250.5\n`);
    const out = join(dir, '乙.xlsx');
    const r = runBudget(['export', csv, '--department', '某部门', '--year', '2025', '--unit', '乙单位', '--out', out]);
    expect(r.stderr).toBe('');
    const sheet = (await readBook(out)).getWorksheet('3 支出预算总表')!;
    expect(sheet.getCell('A1').value).toBe('2025年预算单位支出预算总表');
    expect(sheet.getCell('A2').value).toBe('编制单位：乙单位');
    expect(sheet.getCell('C8').value).toBe(250.5);
    const missing = runBudget(['export', csv, '--department', '某部门', '--unit', '丙单位', '--out', join(dir, '丙.xlsx')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('没有名为“丙单位”的预算单位。可用的单位：甲单位、乙单位');
  });
});

describe('budget export of a workbook file', () => {
  it('exports a .budget file as it stands', async () => {
    const dir = tempDir();
    const budget = join(dir, '样例.budget');
    WorkbookFile.create(budget, sampleWorkbook()).close();
    const out = join(dir, '样例.xlsx');
    const r = runBudget(['export', budget, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const sheet = (await readBook(out)).getWorksheet('1 财务收支预算总表')!;
    expect(sheet.getCell('B25').value).toBe(8759561.13);
  });
});

describe('budget import-baseline', () => {
  it('sets the baseline of a workbook file from an exported publication; a bad file changes nothing', () => {
    const dir = tempDir();
    const xlsx = join(dir, '2024.xlsx');
    expect(runBudget(['export', '--sample', '--out', xlsx]).status).toBe(0);
    const budget = join(dir, '2025.budget');
    WorkbookFile.create(budget, { department: '上海市宝山区城市运行管理中心', year: 2025 }).close();

    const bad = join(dir, '坏.xlsx');
    writeFileSync(bad, 'not a workbook');
    const failed = runBudget(['import-baseline', budget, bad]);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('无法读取 坏.xlsx');
    let file = WorkbookFile.open(budget);
    expect(file.workbook().baseline.figures).toEqual({});
    const revision = file.snapshot().revision;
    file.close();

    const r = runBudget(['import-baseline', budget, xlsx]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/已从 2024\.xlsx 导入 2024 年基数 \d+ 项到 2025\.budget/);
    file = WorkbookFile.open(budget);
    try {
      const baseline = file.workbook().baseline;
      expect(baseline.year).toBe(2024);
      expect(baseline.figures[measureKey.total]).toBe(875_956_113);
      expect(baseline.figures[measureKey.source('一般公共预算财政拨款')]).toBe(875_956_113);
      expect(baseline.figures[measureKey.sanGong('vehicleOperation')]).toBe(2_700_000);
      expect(file.snapshot().revision).toBe(revision + 1);
    } finally {
      file.close();
    }
  });

  it('imports nothing from a publication with a malformed amount', async () => {
    const dir = tempDir();
    const xlsx = join(dir, '公开表.xlsx');
    const pub = JSON.parse(readFileSync(join(REFERENCE, 'seed-2024-published-tables.json'), 'utf8'));
    pub.tables[0].rows[1][1] = '8,75,9561.13';
    await writeHandTypedPublication(xlsx, pub);
    const budget = join(dir, '2025.budget');
    WorkbookFile.create(budget, { department: '上海市宝山区城市运行管理中心', year: 2025 }).close();
    const r = runBudget(['import-baseline', budget, xlsx]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('公开表.xlsx 工作表“表1”第 7 行“本年收入.预算数”列（B 列）：“8,75,9561.13”的千分位分隔符位置不对');
    const file = WorkbookFile.open(budget);
    try {
      expect(file.workbook().baseline.figures).toEqual({});
      expect(file.snapshot().revision).toBe(0);
    } finally {
      file.close();
    }
  });

  it('writes the baseline as JSON with --out', () => {
    const dir = tempDir();
    const xlsx = join(dir, '2024.xlsx');
    expect(runBudget(['export', '--sample', '--out', xlsx]).status).toBe(0);
    const json = join(dir, '基数.json');
    const r = runBudget(['import-baseline', xlsx, '--out', json]);
    expect(r.status).toBe(0);
    const baseline = JSON.parse(readFileSync(json, 'utf8'));
    expect(baseline.year).toBe(2024);
    expect(baseline.figures[measureKey.function('2080505')]).toBe(80_032_432);
  });
});

describe('budget check on a publication workbook', () => {
  it('finds in an xlsx typed from seed-2024-published-tables.json the same errors as in the JSON, and exits 1', async () => {
    const json = join(REFERENCE, 'seed-2024-published-tables.json');
    const xlsx = join(tempDir(), '公开表.xlsx');
    await writeHandTypedPublication(xlsx, JSON.parse(readFileSync(json, 'utf8')));
    const fromXlsx = runBudget(['check', xlsx, '--json']);
    const fromJson = runBudget(['check', json, '--json']);
    expect(fromXlsx.status).toBe(1);
    expect(fromJson.status).toBe(1);
    const findings = (out: string) => JSON.parse(out).findings;
    expect(findings(fromXlsx.stdout)).toEqual(findings(fromJson.stdout));
    expect(findings(fromXlsx.stdout).map((f: { rule: string; place: { table: number } }) => [f.rule, f.place.table])).toEqual([
      ['T-NUMBER', 3], ['T-NUMBER-STYLE', 3], ['T-NUMBER', 3], ['T-NUMBER', 3], ['T-NUMBER', 3], ['T-PARENT-SUM', 8],
    ]);
  });

  it('refuses a file that is not an Excel workbook with exit status 2', () => {
    const bad = join(tempDir(), '坏.xlsx');
    writeFileSync(bad, 'not a zip');
    const r = runBudget(['check', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('坏.xlsx');
  });
});
