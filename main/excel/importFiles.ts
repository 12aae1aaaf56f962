import type { CatalogKind } from '../../shared/core/catalog/catalog';
import { importCatalogEdition } from '../../shared/core/catalog/edition';
import { UserError } from '../io/userError';
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
 * Every row is read and checked first; on any bad row a UserError lists them all and the file is
 * not touched.
 */
export async function importLinesFile(file: WorkbookFile, path: string, opts: Omit<ReadLinesOptions, 'firstId'> = {}): Promise<ReadLinesResult & { revision: number }> {
  const wb = file.workbook();
  const read = await readLinesFile(path, { catalogs: workbookCatalogs(wb), existingTotal: absoluteTotal(wb.lines), ...opts });
  const result = file.edit({ op: 'insertLines', lines: read.lines.map(({ id: _id, ...fields }) => fields) });
  return { ...read, revision: result.revision };
}

/**
 * Reads last year's published tables (.xlsx) and sets them as the workbook's prior-year baseline,
 * as one edit. Nothing changes when the file cannot be read or holds a malformed amount.
 */
export async function importBaselineFile(file: WorkbookFile, path: string): Promise<{ baseline: Baseline; warnings: string[]; revision: number }> {
  const { baseline, warnings } = baselineFromPublication(await readPublicationFile(path), basename(path), workbookCatalogs(file.workbook()));
  const result = file.edit({ op: 'setBaseline', baseline });
  return { baseline, warnings, revision: result.revision };
}

/**
 * Reads an official catalog edition (a `code,name` CSV, or the first sheet of an .xlsx) and puts it in
 * use for its kind, as one edit. Every bad row is reported and then nothing changes.
 */
export async function importCatalogFile(file: WorkbookFile, path: string, kind: CatalogKind, edition: number): Promise<{ rows: number; revision: number }> {
  const { rows, source } = await readRowsFile(path, { sheet: '' });
  const read = importCatalogEdition(kind, rows, edition);
  if (!read.ok) {
    throw new UserError(`科目表 ${source} 有 ${read.problems.length} 处问题，未导入：\n${read.problems.map((p) => `${source} ${p.message}`).join('\n')}`);
  }
  const entries = [...read.catalog.entries.values()].map(({ code, name }) => ({ code, name }));
  const result = file.edit({ op: 'setCatalogEdition', kind, edition: { edition, rows: entries } });
  return { rows: entries.length, revision: result.revision };
}
