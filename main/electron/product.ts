import { FILE_EXTENSION } from '../workbook/schema';

/** The workbook file's entry in open and save dialogs. */
export const WORKBOOK_FILTER = { name: '预算工作簿', extensions: [FILE_EXTENSION.slice(1)] };
/** The Excel file's entry in the export dialog. */
export const EXCEL_FILTER = { name: 'Excel 工作簿', extensions: ['xlsx'] };
/** The line-item files 导入明细 reads (main/excel/readLines.ts). */
export const LINES_FILTER = { name: '明细表（Excel 或 CSV）', extensions: ['xlsx', 'csv'] };
