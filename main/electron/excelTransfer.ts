import { dialog, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { ImportKind } from '../../shared/contract/imports';
import { exportPublication } from '../excel/writeWorkbook';
import type { WorkbookFile } from '../workbook/file';
import { excelFileName } from './fileNames';
import { CATALOG_FILTER, EXCEL_FILTER, LINES_FILTER } from './product';

/** A workbook's window and its file. */
interface Open {
  window: BrowserWindow;
  file: WorkbookFile;
}

/** 导出 Excel: asks where to save (in `folder` at first), writes the publication tables, offers to show the file. */
export async function exportExcel(doc: Open, unit: string | undefined, folder: string): Promise<{ savedTo: string | null }> {
  const workbook = doc.file.workbook();
  const { canceled, filePath } = await dialog.showSaveDialog(doc.window, {
    title: '导出 Excel',
    defaultPath: join(folder, excelFileName(workbook, unit)),
    filters: [EXCEL_FILTER],
  });
  if (canceled || !filePath) return { savedTo: null };
  await exportPublication(workbook, filePath, { unit });
  const { response } = await dialog.showMessageBox(doc.window, {
    type: 'info',
    title: '导出 Excel',
    message: '已导出。',
    detail: filePath,
    buttons: ['在文件夹中显示', '确定'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  });
  if (response === 0) shell.showItemInFolder(filePath);
  return { savedTo: filePath };
}

/** The open dialog of each import: its title and the files it offers. */
const IMPORT_DIALOGS: Record<ImportKind, { title: string; filters: { name: string; extensions: string[] }[] }> = {
  lines: { title: '导入明细', filters: [LINES_FILTER] },
  baseline: { title: '导入上年公开表', filters: [EXCEL_FILTER] },
  catalog: { title: '导入科目表', filters: [CATALOG_FILTER] },
};

/** 导入 (the screen's dialog asks): the file to import, chosen in the open dialog; null when cancelled. */
export async function pickImportFile(doc: Open, kind: ImportKind, folder: string): Promise<string | null> {
  const { canceled, filePaths } = await dialog.showOpenDialog(doc.window, { ...IMPORT_DIALOGS[kind], defaultPath: folder, properties: ['openFile'] });
  return canceled ? null : (filePaths[0] ?? null);
}
