import { basename } from 'node:path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import type { PerformanceIndicator, Project, Workbook } from '../../shared/core/model';
import { DEPARTMENT_PERFORMANCE_HEADERS, ITEM_SCHEDULES, PROJECT_PERFORMANCE_HEADERS, readItemRows, type RowProblem } from '../../shared/core/schedules/layout';
import { emptySchedules, type Schedules } from '../../shared/core/schedules/model';
import { UserError } from '../io/userError';
import { plainValue } from './cellValue';
import { TOTAL_LABEL } from './scheduleSheets';

function cellText(v: unknown): string {
  const p = plainValue(v);
  if (p === null) return '';
  if (typeof p === 'number') return Number.isFinite(p) ? new Decimal(p).toFixed() : String(p);
  return p.trim();
}

/** The body rows of a sheet whose first row must be `headers`: empty rows and the 合计 row left out. */
function bodyRows(sheet: ExcelJS.Worksheet, headers: readonly string[], problems: (RowProblem & { sheet: string })[]): { row: number; cells: string[] }[] {
  const found = headers.map((_, c) => cellText(sheet.getRow(1).getCell(c + 1).value));
  const wrong = headers.findIndex((h, c) => found[c] !== h);
  if (wrong >= 0) {
    problems.push({ sheet: sheet.name, row: 1, column: headers[wrong], message: `表头第 ${wrong + 1} 列应为“${headers[wrong]}”，而不是“${found[wrong]}”（表头应依次为：${headers.join('、')}）` });
    return [];
  }
  const rows: { row: number; cells: string[] }[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = headers.map((_, c) => cellText(sheet.getRow(r).getCell(c + 1).value));
    if (cells.every((c) => c === '') || cells[0] === TOTAL_LABEL) continue;
    rows.push({ row: r, cells });
  }
  return rows;
}

const indicator = (cells: readonly string[]): PerformanceIndicator => ({ level1: cells[2], level2: cells[3], level3: cells[4], value: cells[5] });

/**
 * The schedules of an xlsx (the sheets of an export, any of them): each sheet present replaces that
 * schedule; the 项目支出绩效目标表 replaces the 年度目标 and indicators of the projects it names. All or
 * nothing: every problem is reported with its sheet, row and column, and nothing is taken.
 */
export async function readSchedulesFile(path: string, wb: Workbook): Promise<{ schedules: Schedules; projects: Project[]; sheets: string[] }> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch (e) {
    throw new UserError(`无法读取 ${basename(path)}：它不是可读的 .xlsx 文件（${(e as Error).message}）`);
  }
  const problems: (RowProblem & { sheet: string })[] = [];
  const schedules: Schedules = structuredClone(wb.schedules ?? emptySchedules());
  const sheets: string[] = [];
  for (const { key, title, columns } of ITEM_SCHEDULES) {
    const sheet = book.getWorksheet(title);
    if (!sheet) continue;
    sheets.push(title);
    const read = readItemRows(key, bodyRows(sheet, columns.map((c) => c.header), problems));
    problems.push(...read.problems.map((p) => ({ ...p, sheet: title })));
    (schedules[key] as unknown[]) = read.items;
  }
  const projects = wb.projects.map((p) => ({ ...p }));
  const projectSheet = book.getWorksheet('项目支出绩效目标表');
  if (projectSheet) {
    sheets.push(projectSheet.name);
    const byName = new Map(projects.map((p) => [p.name, p]));
    const seen = new Set<string>();
    for (const { row, cells } of bodyRows(projectSheet, PROJECT_PERFORMANCE_HEADERS, problems)) {
      const project = byName.get(cells[0]);
      if (!project) {
        problems.push({ sheet: projectSheet.name, row, column: '项目名称', message: `工作簿中没有项目“${cells[0]}”：请先在明细中建立该项目，或改正项目名称` });
        continue;
      }
      if (!seen.has(project.name)) {
        seen.add(project.name);
        project.goals = { ...project.goals, annual: cells[1] };
        project.indicators = [];
      }
      if (cells.slice(2).some((c) => c !== '')) project.indicators.push(indicator(cells));
    }
  }
  const departmentSheet = book.getWorksheet('部门整体支出绩效目标表');
  if (departmentSheet) {
    sheets.push(departmentSheet.name);
    const rows = bodyRows(departmentSheet, DEPARTMENT_PERFORMANCE_HEADERS, problems);
    schedules.department = { overall: rows[0]?.cells[1] ?? '', indicators: rows.filter((r) => r.cells.slice(2).some((c) => c !== '')).map((r) => indicator(r.cells)) };
  }
  if (problems.length > 0) {
    const list = problems.slice(0, 20).map((p) => `工作表“${p.sheet}”第 ${p.row} 行“${p.column}”列：${p.message}`);
    throw new UserError(`${basename(path)} 有 ${problems.length} 处问题，未导入任何内容：\n${list.join('\n')}${problems.length > 20 ? `\n……另有 ${problems.length - 20} 处` : ''}`);
  }
  if (sheets.length === 0) {
    throw new UserError(`${basename(path)} 中没有明细表附表：应有名为 ${[...ITEM_SCHEDULES.map((s) => s.title), '项目支出绩效目标表', '部门整体支出绩效目标表'].join('、')} 的工作表之一（与 budget export 导出的相同）`);
  }
  return { schedules, projects, sheets };
}
