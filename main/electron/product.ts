/**
 * The application's id (electron-builder.yml appId, which test/electron holds equal): on Windows
 * the installer's shortcuts carry it, and the app must claim it for 最近打开 in the jump list.
 */
export const APP_ID = 'cn.budget.workbench';
import { FILE_EXTENSION } from '../workbook/schema';

/** The workbook file's entry in open and save dialogs. */
export const WORKBOOK_FILTER = { name: '预算工作簿', extensions: [FILE_EXTENSION.slice(1)] };
/** The Excel file's entry in the export dialog. */
export const EXCEL_FILTER = { name: 'Excel 工作簿', extensions: ['xlsx'] };
/** The line-item files 导入明细 reads (main/excel/readLines.ts). */
export const LINES_FILTER = { name: '明细表（Excel 或 CSV）', extensions: ['xlsx', 'csv'] };
/** The official catalog files 导入科目表 reads (shared/core/catalog/edition.ts). */
export const CATALOG_FILTER = { name: '科目表（Excel 或 CSV）', extensions: ['xlsx', 'csv'] };
