import type { CatalogKind } from '../../shared/core/catalog/catalog';
import { importCatalogEdition } from '../../shared/core/catalog/edition';
import type { EditResult } from '../../shared/contract/api';
import { splitFix } from '../io/problemText';
import { RefusedFile } from '../io/userError';
import type { WorkbookFile } from '../workbook/file';
import { workbookCatalogs } from '../../shared/core/catalog/workbookCatalogs';
import { absoluteTotal } from '../../shared/core/limits';
import type { Baseline } from '../../shared/core/model';
import { basename } from 'node:path';
import { baselineFromPublication } from './baseline';
import { readLinesFile, readRowsFile, type ReadLinesOptions, type ReadLinesResult } from './readLines';
import { readPublicationFile } from './readPublication';

/**
 * Imports the line items of an .xlsx or .csv into a workbook file as one edit (one undo step).
 * Every row is read and checked first; on any bad row a RefusedFile lists them all and the file is
 * not touched.
 */
export async function importLinesFile(file: WorkbookFile, path: string, opts: Omit<ReadLinesOptions, 'firstId'> = {}): Promise<ReadLinesResult & { result: EditResult }> {
  const wb = file.workbook();
  const read = await readLinesFile(path, { catalogs: workbookCatalogs(wb), existingTotal: absoluteTotal(wb.lines), ...opts });
  const result = file.edit({ op: 'insertLines', lines: read.lines.map(({ id: _id, ...fields }) => fields) });
  return { ...read, result };
}

/**
 * Reads last year's published tables (.xlsx) and sets them as the workbook's prior-year baseline,
 * as one edit. Nothing changes when the file cannot be read or holds a malformed amount.
 */
export async function importBaselineFile(file: WorkbookFile, path: string): Promise<{ baseline: Baseline; warnings: string[]; result: EditResult }> {
  const name = basename(path);
  const wb = file.workbook();
  const { baseline, warnings } = baselineFromPublication(await readPublicationFile(path), name, workbookCatalogs(wb));
  if (baseline.year !== wb.year - 1) warnings.push(`${name} 是 ${baseline.year} 年的公开表，而工作簿是 ${wb.year} 年预算（上年应为 ${wb.year - 1} 年）`);
  const result = file.edit({ op: 'setBaseline', baseline });
  return { baseline, warnings, result };
}

/**
 * Reads an official catalog edition (a `code,name` CSV, or the first sheet of an .xlsx) and puts it in
 * use for its kind, as one edit. Every bad row is reported and then nothing changes.
 */
export async function importCatalogFile(
  file: WorkbookFile,
  path: string,
  kind: CatalogKind,
  edition: number,
  onProgress?: (rows: number) => void,
): Promise<{ rows: number; result: EditResult }> {
  const { rows, source } = await readRowsFile(path, { sheet: '', onProgress });
  const read = importCatalogEdition(kind, rows, edition);
  if (!read.ok) {
    throw new RefusedFile(
      `科目表 ${source} 有 ${read.problems.length} 处问题，未导入：\n${read.problems.map((p) => `${source} ${p.message}`).join('\n')}`,
      source,
      read.problems.map((p) => ({ row: p.row, ...splitFix(p.row === undefined ? p.message : p.message.replace(`第 ${p.row} 行：`, '')) })),
    );
  }
  const entries = [...read.catalog.entries.values()].map(({ code, name }) => ({ code, name }));
  const result = file.edit({ op: 'setCatalogEdition', kind, edition: { edition, rows: entries } });
  return { rows: entries.length, result };
}
