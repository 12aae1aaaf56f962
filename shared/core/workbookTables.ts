import type { Catalogs } from './catalog/catalog';
import { workbookCatalogs } from './catalog/workbookCatalogs';
import type { Workbook } from './model';
import { deriveTables } from './tables/derive';
import type { TableModel } from './tables/tableModel';

/** The nine tables of a workbook, for the department or for one of its units. */
export function deriveWorkbookTables(wb: Workbook, unit?: string, catalogs: Catalogs = workbookCatalogs(wb)): TableModel[] {
  return deriveTables({ department: wb.department, year: wb.year, units: wb.units, unit, catalogs }, wb.lines);
}
