import { dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { join } from 'node:path';
import { describeFinding } from '../../shared/core/lineTable';
import { buildNarrative } from '../../shared/core/narrative/index';
import { importLinesFile } from '../excel/importFiles';
import { exportPublication } from '../excel/writeWorkbook';
import type { WorkbookFile } from '../workbook/file';
import { excelFileName } from './fileNames';
import { EXCEL_FILTER, LINES_FILTER } from './product';

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
  await exportPublication(workbook, filePath, { unit, narrative: buildNarrative(workbook) });
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

/**
 * 导入明细: reads an .xlsx or .csv of line items into the window's workbook as one edit (one undo
 * step; nothing at all when any row is bad), with the taskbar showing work in progress. The screen
 * is then reloaded so that it shows the workbook as the file now holds it.
 */
export async function importLines(doc: Open): Promise<void> {
  const { canceled, filePaths } = await dialog.showOpenDialog(doc.window, { title: '导入明细', properties: ['openFile'], filters: [LINES_FILTER] });
  if (canceled || !filePaths[0]) return;
  doc.window.setProgressBar(2);
  let message: MessageBoxOptions;
  try {
    const result = await importLinesFile(doc.file, filePaths[0]);
    doc.window.webContents.reload();
    const warnings = result.warnings.map(describeFinding);
    message = {
      type: warnings.length > 0 ? 'warning' : 'info',
      title: '导入明细',
      message: `已从 ${result.source} 导入 ${result.lines.length} 条明细。`,
      detail: warnings.length > 0 ? `请留意 ${warnings.length} 处提示：\n${listed(warnings)}` : '可用“撤销”整体撤回这次导入。',
    };
  } catch (error) {
    message = { type: 'error', title: '导入明细', message: '没有导入任何明细。', detail: listed((error instanceof Error ? error.message : String(error)).split('\n')) };
  } finally {
    doc.window.setProgressBar(-1);
  }
  await dialog.showMessageBox(doc.window, { ...message, buttons: ['确定'], noLink: true });
}

/** At most 20 lines of a long list, for a message box. */
function listed(lines: string[]): string {
  return lines.length > 20 ? [...lines.slice(0, 20), `……另有 ${lines.length - 20} 处`].join('\n') : lines.join('\n');
}
