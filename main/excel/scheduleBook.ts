import type ExcelJS from 'exceljs';
import type { Project, Workbook } from '../../shared/core/model';
import { ITEM_SCHEDULES } from '../../shared/core/schedules/layout';
import { addDepartmentPerformanceTable, addItemScheduleSheet, addProjectPerformanceTable } from './scheduleSheets';

/** The schedule sheets an export holds: all five once the workbook uses the schedules, none before. */
export function scheduleSheetCount(wb: Workbook): number {
  return wb.schedules ? ITEM_SCHEDULES.length + 2 : 0;
}

/** The schedules' sheets (a unit's export: that unit's items), each handed to `step` when done. */
export function addScheduleSheets(book: ExcelJS.Workbook, wb: Workbook, unit: string | undefined, projects: readonly Project[], step: (sheet: ExcelJS.Worksheet) => void): void {
  const s = wb.schedules;
  if (!s) return;
  for (const { key, title, columns } of ITEM_SCHEDULES) {
    const items = s[key].filter((item) => unit === undefined || item.unit === unit);
    step(addItemScheduleSheet(book, title, columns, items));
  }
  step(addProjectPerformanceTable(book, projects));
  step(addDepartmentPerformanceTable(book, unit ?? wb.department, s.department));
}
