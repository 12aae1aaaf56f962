import { createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import type { Fen } from '../../shared/core/money';
import { Consolidation, type DepartmentReport } from '../../shared/core/units/consolidate';
import type { TableModel } from '../../shared/core/tables/tableModel';
import { writeAtomic } from '../excel/atomicFile';
import { tableSheetName } from '../excel/sheetNames';
import { BODY_FONT, HEADER_FONT, TITLE_FONT, YUAN_FORMAT, a4PageSetup } from '../excel/style';
import { addTableSheet } from '../excel/tableSheet';
import { UserError } from '../io/userError';
import { readWorkbookFile } from '../workbook/readOnly';

/**
 * Reads the departments' files one at a time (each read-only, under its own lock), derives, checks
 * and adds each; a file that cannot be read, or is a unit's file, is reported and skipped.
 */
export function consolidateFiles(paths: readonly string[], onProgress?: (done: number, total: number, file: string) => void): Consolidation {
  const c = new Consolidation();
  paths.forEach((path, i) => {
    const file = basename(path);
    try {
      const read = readWorkbookFile(path);
      if (read.unitFrame) c.fail(file, `${file} 是单位“${read.unitFrame.unit}”的工作簿，不是部门工作簿，未汇总。`);
      else c.add(file, read.workbook);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      c.fail(file, e.message);
    }
    onProgress?.(i + 1, paths.length, file);
  });
  return c;
}

/** Why a department's publication is not ready, in one sentence. */
export function notReadyText(r: DepartmentReport): string {
  const n = r.notReady;
  if (!n) return '';
  const parts: string[] = [];
  if (n.errors > 0) parts.push(`审核有 ${n.errors} 个错误`);
  if (n.unexplained.length > 0) parts.push(`${n.unexplained.length} 处变动未写原因（${n.unexplained.slice(0, 5).join('、')}${n.unexplained.length > 5 ? '等' : ''}）`);
  if (n.missingTargets.length > 0) parts.push(`${n.missingTargets.length} 个项目缺少绩效目标（${n.missingTargets.slice(0, 5).join('、')}${n.missingTargets.length > 5 ? '等' : ''}）`);
  return parts.join('；');
}

const yuan = (fen: Fen | null) => (fen === null ? null : fen / 100);

const HEADLINE_COLUMNS: { header: string; value: (r: DepartmentReport) => string | number | null; money?: boolean; width: number }[] = [
  { header: '文件', value: (r) => r.file, width: 24 },
  { header: '部门', value: (r) => r.department, width: 30 },
  { header: '明细条数', value: (r) => r.lines, width: 10 },
  { header: '错误', value: (r) => r.errors, width: 8 },
  { header: '警告', value: (r) => r.warnings, width: 8 },
  { header: '收入总计（元）', value: (r) => yuan(r.headline.income), money: true, width: 18 },
  { header: '支出总计（元）', value: (r) => yuan(r.headline.expenditure), money: true, width: 18 },
  { header: '一般公共预算财政拨款', value: (r) => yuan(r.headline.fiscal.general), money: true, width: 18 },
  { header: '政府性基金预算财政拨款', value: (r) => yuan(r.headline.fiscal.fund), money: true, width: 18 },
  { header: '国有资本经营预算财政拨款', value: (r) => yuan(r.headline.fiscal.stateCapital), money: true, width: 18 },
  { header: '“三公”经费', value: (r) => yuan(r.headline.sanGong), money: true, width: 16 },
  { header: '机关运行经费', value: (r) => yuan(r.headline.officeExpenses), money: true, width: 16 },
  { header: '上年收支总计', value: (r) => yuan(r.headline.previousTotal), money: true, width: 18 },
  { header: '比上年增减', value: (r) => yuan(r.headline.change), money: true, width: 16 },
  { header: '未就绪的原因', value: (r) => notReadyText(r), width: 60 },
];

function title(sheet: ExcelJS.Worksheet, text: string): void {
  const row = sheet.addRow([text]);
  row.font = TITLE_FONT;
  row.commit();
}

function addSummarySheet(book: ExcelJS.Workbook, c: Consolidation): void {
  const sheet = book.addWorksheet('各部门情况', { pageSetup: a4PageSetup(true) });
  sheet.columns = HEADLINE_COLUMNS.map((col) => ({ width: col.width }));
  title(sheet, `${c.reports[0]?.year ?? ''} 年部门预算汇总：各部门情况（${c.reports.length} 个部门）`);
  const header = sheet.addRow(HEADLINE_COLUMNS.map((col) => col.header));
  header.font = HEADER_FONT;
  header.commit();
  for (const r of c.reports) {
    const row = sheet.addRow(HEADLINE_COLUMNS.map((col) => col.value(r)));
    row.font = BODY_FONT;
    HEADLINE_COLUMNS.forEach((col, i) => col.money && (row.getCell(i + 1).numFmt = YUAN_FORMAT));
    row.commit();
  }
  (sheet as unknown as { commit?: () => void }).commit?.();
}

function addNotReadySheet(book: ExcelJS.Workbook, c: Consolidation): void {
  const sheet = book.addWorksheet('未就绪与未读取', { pageSetup: a4PageSetup(true) });
  sheet.columns = [{ width: 24 }, { width: 30 }, { width: 100 }];
  title(sheet, '公开文本尚未就绪的部门（审核错误、变动未写原因、缺少绩效目标）');
  const add = (cells: string[], font = BODY_FONT) => {
    const row = sheet.addRow(cells);
    row.font = font;
    row.commit();
  };
  add(['文件', '部门', '原因'], HEADER_FONT);
  for (const r of c.notReady()) add([r.file, r.department, notReadyText(r)]);
  if (c.notReady().length === 0) add(['（无）']);
  add([]);
  add(['未能读取、未汇总的文件'], HEADER_FONT);
  for (const f of c.failures) add([f.file, '', f.message]);
  if (c.failures.length === 0) add(['（无）']);
  (sheet as unknown as { commit?: () => void }).commit?.();
}

/** One block per department: its headline figures, then its findings. */
function addFindingsSheet(book: ExcelJS.Workbook, c: Consolidation): void {
  const sheet = book.addWorksheet('各部门审核结果', { pageSetup: a4PageSetup(false) });
  sheet.columns = [{ width: 22 }, { width: 10 }, { width: 100 }];
  const add = (cells: (string | number | null)[], font = BODY_FONT, money = false) => {
    const row = sheet.addRow(cells);
    row.font = font;
    if (money) row.getCell(2).numFmt = YUAN_FORMAT;
    row.commit();
  };
  for (const r of c.reports) {
    add([`${r.department}（${r.file}）`], HEADER_FONT);
    for (const col of HEADLINE_COLUMNS.slice(2, 14)) add([col.header, col.value(r)], BODY_FONT, col.money);
    add(['审核', `${r.errors} 个错误，${r.warnings} 个警告${r.findings.length < r.errors + r.warnings ? `（列出前 ${r.findings.length} 条）` : ''}`]);
    for (const f of r.findings) add([f.rule, f.severity, f.message]);
    add([]);
  }
  (sheet as unknown as { commit?: () => void }).commit?.();
}

/** The consolidation as one xlsx: departments' figures, the not-ready list, findings, and the 汇总 nine tables. */
export async function writeConsolidation(c: Consolidation, tables: readonly TableModel[], outPath: string): Promise<void> {
  await writeAtomic(outPath, async (temp) => {
    const stream = createWriteStream(temp, { flags: 'wx' });
    const closed = new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('close', resolve);
    });
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
    book.creator = '预算编制工作台';
    book.created = new Date(0);
    book.modified = new Date(0);
    try {
      addSummarySheet(book, c);
      addNotReadySheet(book, c);
      for (const table of tables) (addTableSheet(book, tableSheetName(table), table) as unknown as { commit?: () => void }).commit?.();
      addFindingsSheet(book, c);
      await Promise.all([book.commit(), closed]);
    } catch (e) {
      stream.destroy();
      await closed.catch(() => undefined);
      throw e;
    }
  });
}
