import { parseCall, type CallArgs, type CallName, type CallResults, type ExportRequest } from '../shared/contract/calls';
import type { WorkbookFile } from './workbook/file';
import { importProgress, runImport, type PickImportFile } from './imports/screenImports';
import { applyUploads, previewUploads } from './units/uploads';

/**
 * Where the calls go: the open file, and how this host exports Excel (Electron asks where to save;
 * the browser host writes a temporary file and hands back a download link).
 */
export interface CallTarget {
  file: WorkbookFile;
  exportExcel(request: ExportRequest): Promise<CallResults['excel.export']>;
  /** Makes a unit's workbook from the file: Electron asks where to save it, the browser host offers a download. */
  exportUnitFile(unit: string): Promise<CallResults['units.exportFile']>;
  /** Electron: asks for the file to import with the open dialog. The browser host has none: the screen sends the file. */
  pickImportFile?: PickImportFile;
}

type Handlers = { [K in CallName]: (target: CallTarget, ...args: CallArgs<K>) => CallResults[K] | Promise<CallResults[K]> };

const HANDLERS: Handlers = {
  'workbook.snapshot': (t) => t.file.snapshot(),
  'workbook.edit': (t, request) => t.file.edit(request),
  'workbook.undo': (t) => t.file.undo(),
  'workbook.redo': (t) => t.file.redo(),
  'versions.list': (t) => t.file.versions(),
  'versions.mark': (t, label) => t.file.markVersion(label),
  'versions.workbook': (t, id) => t.file.workbookAtVersion(id),
  'excel.export': (t, request) => t.exportExcel(request),
  'units.exportFile': (t, request) => t.exportUnitFile(request.unit),
  'units.previewMerge': (t, request) => previewUploads(t.file, request.files),
  'units.applyMerge': (t, request) => applyUploads(t.file, request.files, request.resolutions),
  'units.origin': (t) => {
    const frame = t.file.unitFrame;
    return frame && { unit: frame.unit, department: frame.department, revision: frame.revision, madeAt: frame.madeAt };
  },
  'imports.run': (t, request) => runImport(t.file, request, t.pickImportFile),
  'imports.progress': (t) => importProgress(t.file),
};

/**
 * The one dispatch of a call from the screen, for Electron's ipcMain and the browser host alike:
 * validates the name and arguments against the contract (throws a Chinese message otherwise),
 * then runs it on the target.
 */
export async function dispatchCall(target: CallTarget, name: unknown, args: unknown): Promise<unknown> {
  const call = parseCall(name, args);
  const handler = HANDLERS[call.name] as (target: CallTarget, ...args: unknown[]) => unknown;
  return handler(target, ...call.args);
}
