import { basename } from 'node:path';
import { readCsvTable } from '../../shared/core/csv';
import { readTextFile } from './textFile';
import { UserError } from './userError';

/** The rows of a CSV file, every one as wide as its header; otherwise a UserError naming the row. */
export function readCsvFile(path: string, onProgress?: (rows: number) => void): string[][] {
  const table = readCsvTable(readTextFile(path));
  if (!table.ok) throw new UserError(`${basename(path)} ${table.message}。未导入任何数据。`);
  onProgress?.(table.rows.length);
  return table.rows;
}
