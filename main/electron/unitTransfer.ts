import { dialog, type BrowserWindow } from 'electron';
import { join, resolve } from 'node:path';
import { prepareNewWorkbookPath } from '../cli/workbookInput';
import { UserError } from '../io/userError';
import { splitToFile } from '../units/unitFiles';
import type { WorkbookFile } from '../workbook/file';
import { unitWorkbookFileName } from './fileNames';
import { WORKBOOK_FILTER } from './product';

/** 导出单位工作簿: asks where to save the unit's workbook (in `folder` at first), then writes it. */
export async function exportUnitFile(doc: { window: BrowserWindow; file: WorkbookFile }, unit: string, folder: string): Promise<{ savedTo: string | null }> {
  const { canceled, filePath } = await dialog.showSaveDialog(doc.window, {
    title: '导出单位工作簿',
    defaultPath: join(folder, unitWorkbookFileName(doc.file.workbook(), unit)),
    filters: [WORKBOOK_FILTER],
  });
  if (canceled || !filePath) return { savedTo: null };
  if (resolve(filePath) === resolve(doc.file.path)) throw new UserError('单位工作簿不能保存为部门工作簿本身，请另给一个文件名。');
  // the save dialog has asked whether to replace an existing file (one in use is kept)
  splitToFile(doc.file, unit, prepareNewWorkbookPath(filePath, true));
  return { savedTo: filePath };
}
