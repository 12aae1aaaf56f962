import { isAbsolute, resolve } from 'node:path';
import { FILE_EXTENSION } from '../workbook/schema';

/**
 * The workbooks named on a command line (the OS passes a double-clicked .budget file this way on
 * Windows and Linux), as absolute paths. Switches and anything else are ignored.
 */
export function workbookPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv.filter((a) => !a.startsWith('-') && a.toLowerCase().endsWith(FILE_EXTENSION)).map((a) => (isAbsolute(a) ? a : resolve(cwd, a)));
}
