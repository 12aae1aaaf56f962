import type ExcelJS from 'exceljs';
import type { Project } from '../../shared/core/model';
import { addFen } from '../../shared/core/money';
import { DEPARTMENT_PERFORMANCE_HEADERS, PROJECT_PERFORMANCE_HEADERS, type ScheduleColumn, type ScheduleItem } from '../../shared/core/schedules/layout';
import type { DepartmentPerformance } from '../../shared/core/schedules/model';
import { BODY_FONT, HEADER_FONT, TEXT_FORMAT, THIN_BORDER, YUAN_FORMAT, a4PageSetup, explicitWidth, fitWidth, setText } from './style';

/** The first cell of a schedule's total row; the reader skips that row. */
export const TOTAL_LABEL = '合计';

function addSheet(book: ExcelJS.Workbook, name: string, headers: readonly string[], rows: readonly (string | number | null)[][], moneyColumns: ReadonlySet<number>): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { pageSetup: { ...a4PageSetup(true), printTitlesRow: '1:1' }, views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const widths = headers.map((h) => fitWidth(h));
  for (const row of rows) row.forEach((v, c) => typeof v === 'string' && (widths[c] = Math.max(widths[c], Math.min(fitWidth(v), 50))));
  sheet.columns = widths.map((width) => ({ width: explicitWidth(width) }));
  const put = (r: number, values: readonly (string | number | null)[], bold: boolean) => {
    const row = sheet.getRow(r);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      if (typeof v === 'number' && moneyColumns.has(c)) {
        cell.value = v / 100;
        cell.numFmt = YUAN_FORMAT;
      } else if (typeof v === 'number') cell.value = v;
      else {
        setText(cell, v ?? '');
        cell.numFmt = TEXT_FORMAT;
      }
      cell.font = bold ? HEADER_FONT : BODY_FONT;
      cell.border = THIN_BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: typeof v === 'number' ? 'right' : bold && r === 1 ? 'center' : 'left' };
    });
    row.commit();
  };
  put(1, headers, true);
  rows.forEach((row, i) => put(i + 2, row, row[0] === TOTAL_LABEL));
  return sheet;
}

/** An item schedule (政府采购 / 政府购买服务 / 资产配置) in its import layout, with a 合计 row of its money columns. */
export function addItemScheduleSheet(book: ExcelJS.Workbook, title: string, columns: readonly ScheduleColumn<never>[], items: readonly ScheduleItem[]): ExcelJS.Worksheet {
  const money = new Set(columns.flatMap((c, i) => (c.type === 'money' && c.field !== 'unitPrice' ? [i] : [])));
  const rows: (string | number | null)[][] = items.map((item) => columns.map((c) => (item as unknown as Record<string, string | number>)[c.field] ?? null));
  if (items.length > 0) rows.push(columns.map((c, i) => (i === 0 ? TOTAL_LABEL : money.has(i) ? items.reduce((s, item) => addFen(s, (item as unknown as Record<string, number>)[c.field]), 0) : null)));
  return addSheet(book, title, columns.map((c) => c.header), rows, new Set(columns.flatMap((c, i) => (c.type === 'money' ? [i] : []))));
}

/** 项目支出绩效目标表: each project's 年度目标 and indicators, one indicator a row. */
export function addProjectPerformanceTable(book: ExcelJS.Workbook, projects: readonly Project[]): ExcelJS.Worksheet {
  const rows = projects.flatMap((p) =>
    p.indicators.length === 0 ? [[p.name, p.goals.annual, '', '', '', '']] : p.indicators.map((i) => [p.name, p.goals.annual, i.level1, i.level2, i.level3, i.value]),
  );
  return addSheet(book, '项目支出绩效目标表', PROJECT_PERFORMANCE_HEADERS, rows, new Set());
}

/** 部门整体支出绩效目标表: the department's overall goal and its indicators. */
export function addDepartmentPerformanceTable(book: ExcelJS.Workbook, department: string, target: DepartmentPerformance): ExcelJS.Worksheet {
  const rows = target.indicators.length === 0 ? [[department, target.overall, '', '', '', '']] : target.indicators.map((i) => [department, target.overall, i.level1, i.level2, i.level3, i.value]);
  return addSheet(book, '部门整体支出绩效目标表', DEPARTMENT_PERFORMANCE_HEADERS, rows, new Set());
}
