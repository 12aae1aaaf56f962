import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPublication } from '../../main/excel/writeWorkbook';
import { WorkbookFile } from '../../main/workbook/file';
import type { Workbook } from '../../shared/core/model';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { runBudget } from '../helpers/cli';
import { useTempDir } from '../workbook/tempDir';
import { sampleSchedules, unit } from './scheduleItems';

const temp = useTempDir();

const withSchedules = (): Workbook => ({ ...sampleWorkbook(), schedules: sampleSchedules() });

async function readBook(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}
const values = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((row) => Array.from((row as unknown[]).slice(1), (v) => v ?? null));

describe('the schedules in the export', () => {
  it('are sheets in the import layout with a 合计 row, read back cell by cell', async () => {
    const out = join(temp(), 'a.xlsx');
    await exportPublication(withSchedules(), out);
    const book = await readBook(out);
    expect(book.worksheets.map((s) => s.name).slice(-6)).toEqual(['政府采购预算表', '政府购买服务预算表', '资产配置预算表', '项目支出绩效目标表', '部门整体支出绩效目标表', '明细']);
    expect(values(book.getWorksheet('政府采购预算表')!)).toEqual([
      ['单位名称', '项目名称', '经济分类科目编码', '采购类别', '采购品目', '采购方式', '数量', '单价（元）', '金额（元）', '面向中小企业预留（元）', '其中：小微企业（元）'],
      [unit, null, '30201', '货物', 'A05040101 复印纸', '框架协议采购', 200, 25, 5000, 5000, 2000],
      [unit, '城管通服务费', '30207', '服务', 'C0301 运营服务', '公开招标', 1, 152500, 152500, 0, 0],
      ['合计', null, null, null, null, null, null, null, 157500, 5000, 2000],
    ]);
    expect(values(book.getWorksheet('部门整体支出绩效目标表')!)[1]).toEqual([sampleWorkbook().department, '保障城市运行管理', '产出指标', '数量指标', '受理案件数', '≥ 10,000 件']);
    expect(values(book.getWorksheet('项目支出绩效目标表')!)[1].slice(0, 3)).toEqual(['城管通服务费', sampleWorkbook().projects[0].goals.annual, sampleWorkbook().projects[0].indicators[0].level1]);
  });

  it('a workbook that does not use the schedules exports none of these sheets', async () => {
    const out = join(temp(), 'b.xlsx');
    await exportPublication(sampleWorkbook(), out);
    expect((await readBook(out)).worksheets.map((s) => s.name)).not.toContain('政府采购预算表');
  });

  it('budget import-schedule takes the exported sheets back whole, as one undoable edit', async () => {
    const out = join(temp(), 'a.xlsx');
    await exportPublication(withSchedules(), out);
    const path = join(temp(), 'a.budget');
    WorkbookFile.create(path, sampleWorkbook()).close();
    const r = runBudget(['import-schedule', path, out]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('已导入 政府采购预算表、政府购买服务预算表、资产配置预算表、项目支出绩效目标表、部门整体支出绩效目标表 到 a.budget（修订 1，可整体撤销）\n');
    const file = WorkbookFile.open(path);
    expect(file.workbook().schedules).toEqual(sampleSchedules());
    expect(file.workbook().projects).toEqual(sampleWorkbook().projects);
    file.undo();
    expect(file.workbook().schedules).toBeUndefined();
    file.close();
  });

  it('a sheet with a bad cell is refused with sheet, row, column and reason, and nothing is taken', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('政府采购预算表');
    sheet.addRow(['单位名称', '项目名称', '经济分类科目编码', '采购类别', '采购品目', '采购方式', '数量', '单价（元）', '金额（元）', '面向中小企业预留（元）', '其中：小微企业（元）']);
    sheet.addRow([unit, '', '30201', '物品', '复印纸', '', 'x', 25, '5,000.00', 0, 0]);
    const xlsx = join(temp(), 'bad.xlsx');
    await book.xlsx.writeFile(xlsx);
    const path = join(temp(), 'a.budget');
    WorkbookFile.create(path, sampleWorkbook()).close();
    const r = runBudget(['import-schedule', path, xlsx]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      '错误：bad.xlsx 有 2 处问题，未导入任何内容：\n工作表“政府采购预算表”第 2 行“采购类别”列：应为 货物、工程、服务 之一，而不是“物品”\n工作表“政府采购预算表”第 2 行“数量”列：“x”不是数量（应为不小于零的数，最多四位小数，如 3 或 2.5）\n',
    );
    const file = WorkbookFile.open(path);
    expect(file.snapshot().revision).toBe(0);
    file.close();
  });
});
