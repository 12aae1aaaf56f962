import type { WorkbookFile } from '../workbook/file';
import type { Baseline } from '../../shared/core/model';
import { basename } from 'node:path';
import { baselineFromPublication } from './baseline';
import { readLinesFile, type ReadLinesOptions, type ReadLinesResult } from './readLines';
import { readPublicationFile } from './readPublication';

/**
 * Imports the line items of an .xlsx or .csv into a workbook file as one edit (one undo step).
 * Every row is read and checked first; on any bad row a UserError lists them all and the file is
 * not touched.
 */
export async function importLinesFile(file: WorkbookFile, path: string, opts: Omit<ReadLinesOptions, 'firstId'> = {}): Promise<ReadLinesResult & { revision: number }> {
  const read = await readLinesFile(path, opts);
  const result = file.edit({ op: 'insertLines', lines: read.lines.map(({ id: _id, ...fields }) => fields) });
  return { ...read, revision: result.revision };
}

/**
 * Reads last year's published tables (.xlsx) and sets them as the workbook's prior-year baseline,
 * as one edit. Nothing changes when the file cannot be read or holds a malformed amount.
 */
export async function importBaselineFile(file: WorkbookFile, path: string): Promise<{ baseline: Baseline; warnings: string[]; revision: number }> {
  const { baseline, warnings } = baselineFromPublication(await readPublicationFile(path), basename(path));
  const result = file.edit({ op: 'setBaseline', baseline });
  return { baseline, warnings, revision: result.revision };
}
