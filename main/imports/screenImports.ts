import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ImportFileUpload, ImportRequest } from '../../shared/contract/calls';
import { tooLargeToImport, type ImportKind, type ImportOutcome, type ImportProblem, type ImportProgress } from '../../shared/contract/imports';
import { CATALOG_LABELS, lookupCode } from '../../shared/core/catalog/catalog';
import { workbookCatalogs } from '../../shared/core/catalog/workbookCatalogs';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/core/limits';
import { importBaselineFile, importCatalogFile, importLinesFile } from '../excel/importFiles';
import { fileProblem } from '../io/fileProblem';
import { splitFix } from '../io/problemText';
import { RefusedFile, UserError } from '../io/userError';
import type { WorkbookFile } from '../workbook/file';

/** Asks for the file to import (Electron's open dialog); null when the person cancelled. */
export type PickImportFile = (kind: ImportKind) => Promise<string | null>;

/** The import running on each open workbook, for `imports.progress`. */
const running = new WeakMap<WorkbookFile, ImportProgress>();

export function importProgress(file: WorkbookFile): ImportProgress | null {
  const progress = running.get(file);
  return progress ? { ...progress } : null;
}

/** A path the person chose: a file, not too large; otherwise a UserError saying so. */
function checkChosen(path: string): void {
  let size: number;
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new UserError(`${basename(path)} 不是文件（是文件夹或设备）。请选择要导入的 .xlsx 或 .csv 文件`);
    size = info.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`无法读取 ${basename(path)}：${fileProblem((e as NodeJS.ErrnoException).code) ?? '读取出错。请检查文件是否可以打开'}`);
  }
  if (size > MAX_IMPORT_FILE_BYTES) throw new UserError(tooLargeToImport(basename(path)));
}

/** Writes the bytes the screen sent to a private folder under the file's own name (messages name it). */
function writeUpload(upload: ImportFileUpload): { path: string; remove(): void } {
  const bytes = Buffer.from(upload.data, 'base64');
  if (bytes.length > MAX_IMPORT_FILE_BYTES) throw new UserError(tooLargeToImport(upload.name));
  const name = basename(upload.name);
  if (name !== upload.name || /^\.+$/.test(name)) throw new UserError(`文件名“${upload.name.slice(0, 100)}”无效，请给文件改一个名字后重试`);
  const dir = mkdtempSync(join(tmpdir(), 'budget-import-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** How many lines carry a code of `kind` that the workbook's catalogs do not know (after a catalog import). */
function unknownCodeLines(file: WorkbookFile, kind: 'function' | 'economic'): number {
  const wb = file.workbook();
  const catalog = workbookCatalogs(wb)[kind];
  const field = kind === 'function' ? 'functionCode' : 'economicCode';
  const status = new Map<string, boolean>();
  let count = 0;
  for (const line of wb.lines) {
    const code = line[field];
    let unknown = status.get(code);
    if (unknown === undefined) status.set(code, (unknown = lookupCode(catalog, code).status === 'unknown'));
    if (unknown) count++;
  }
  return count;
}

async function apply(file: WorkbookFile, request: ImportRequest, path: string, progress: ImportProgress): Promise<ImportOutcome> {
  const onProgress = (rows: number) => {
    progress.rows = rows;
  };
  switch (request.kind) {
    case 'lines': {
      const read = await importLinesFile(file, path, { onProgress });
      const count = read.lines.length;
      return {
        status: 'imported',
        source: read.source,
        count,
        summary: `已从 ${read.source} 导入 ${count} 条明细（加在原有明细之后）`,
        warnings: read.warnings.map((w) => ({ row: w.row, column: w.column, ...splitFix(w.message) })),
        result: read.result,
      };
    }
    case 'baseline': {
      const { baseline, warnings, result } = await importBaselineFile(file, path);
      const count = Object.keys(baseline.figures).length;
      return {
        status: 'imported',
        source: basename(path),
        count,
        summary: `已从 ${basename(path)} 导入 ${baseline.year} 年上年基数 ${count} 项，取代原来的上年基数；各表的上年数与编制说明的增减随之更新`,
        warnings: warnings.map((w) => splitFix(w)),
        result,
      };
    }
    case 'catalog': {
      const { rows, result } = await importCatalogFile(file, path, request.catalog, request.edition, onProgress);
      const label = CATALOG_LABELS[request.catalog];
      const unknown = unknownCodeLines(file, request.catalog);
      return {
        status: 'imported',
        source: basename(path),
        count: rows,
        summary:
          `已导入 ${request.edition} 年${label}科目表（${rows} 个科目），在本工作簿中取代内置科目表；` +
          (unknown > 0 ? `明细中有 ${unknown} 行的${label}编码不在这份科目表中，已列入“审核”` : `明细的${label}编码都在这份科目表中`),
        warnings: [],
        result,
      };
    }
  }
}

/**
 * 导入 from the screen: the file the screen sent (browser mode) or the one chosen in the open
 * dialog (Electron), read and checked by the same readers as the command line, then applied whole
 * as one edit. A file with any bad row is refused with every problem listed, and nothing changes.
 */
export async function runImport(file: WorkbookFile, request: ImportRequest, pick?: PickImportFile): Promise<ImportOutcome> {
  if (running.has(file)) throw new UserError('另一个导入正在进行，请等它完成后再导入');
  const progress: ImportProgress = { rows: 0 };
  running.set(file, progress);
  let upload: { path: string; remove(): void } | undefined;
  let name = request.file?.name ?? '';
  try {
    let path: string;
    if (request.file) {
      upload = writeUpload(request.file);
      path = upload.path;
    } else {
      if (!pick) throw new UserError('请先选择要导入的文件');
      const chosen = await pick(request.kind);
      if (!chosen) return { status: 'cancelled' };
      name = basename(chosen);
      checkChosen(chosen);
      path = chosen;
    }
    return await apply(file, request, path, progress);
  } catch (e) {
    if (e instanceof RefusedFile) return { status: 'refused', source: e.source, problems: e.problems };
    if (e instanceof UserError) return { status: 'refused', source: name, problems: e.message.split('\n').map((m): ImportProblem => splitFix(m)) };
    throw e;
  } finally {
    running.delete(file);
    upload?.remove();
  }
}
