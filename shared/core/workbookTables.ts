import type { Catalogs } from './catalog/catalog';
import { workbookCatalogs } from './catalog/workbookCatalogs';
import type { Workbook } from './model';
import { deriveTables } from './tables/derive';
import type { TableModel } from './tables/tableModel';
import { templateFor } from './templates/registry';
import type { Template } from './templates/types';

/**
 * A workbook's tables, for the department or for one of its units, in a template's layout (by
 * default the workbook's; for a unit without one, shanghai-unit).
 */
export function deriveWorkbookTables(wb: Workbook, unit?: string, catalogs: Catalogs = workbookCatalogs(wb), template: Template = templateFor(wb, unit)): TableModel[] {
  return deriveTables({ department: wb.department, year: wb.year, units: wb.units, unit, catalogs, template, schedules: wb.schedules }, wb.lines);
}
