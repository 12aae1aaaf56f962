import type { Workbook } from '../../shared/core/model';

/** Characters no file name may hold on Windows, macOS or Linux. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** The suggested name of the exported Excel file: the department's (or one unit's) tables of the year. */
export function excelFileName(workbook: Pick<Workbook, 'department' | 'year'>, unit: string | undefined): string {
  const name = unit ? `${unit}${workbook.year}年单位预算公开表` : `${workbook.department}${workbook.year}年部门预算公开表`;
  return `${name.replace(UNSAFE, '_').trim() || '预算公开表'}.xlsx`;
}

/** The suggested name of a unit's workbook made from the department's. */
export function unitWorkbookFileName(workbook: Pick<Workbook, 'year'>, unit: string): string {
  return `${`${unit}${workbook.year}年单位工作簿`.replace(UNSAFE, '_').trim() || '单位工作簿'}.budget`;
}
