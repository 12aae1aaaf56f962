import { MAX_IMPORT_FILE_BYTES } from '../core/limits';
import type { EditResult } from './api';

/** What the screen can import: 明细 (added to the lines), 上年公开表 (the baseline), an official 科目表. */
export const IMPORT_KINDS = ['lines', 'baseline', 'catalog'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One thing wrong in an imported file: where (row, column), what, and how to put it right, in Chinese. */
export interface ImportProblem {
  /** The sheet of an xlsx with several (上年公开表). */
  sheet?: string;
  /** 1-based row in the file (the header is row 1); absent when the whole file is at fault. */
  row?: number;
  column?: string;
  message: string;
  fix?: string;
}

export type ImportOutcome =
  /** The open dialog was closed without a file (Electron). */
  | { status: 'cancelled' }
  /** Nothing was applied: every problem of the file is listed. */
  | { status: 'refused'; source: string; problems: ImportProblem[] }
  /** Applied as one edit (one undo step); `summary` says what changed, `warnings` what to look at. */
  | { status: 'imported'; source: string; count: number; summary: string; warnings: ImportProblem[]; result: EditResult };

/** How far the import running on a workbook has come, for the screen's progress bar. */
export interface ImportProgress {
  /** Rows read so far (an xlsx is read as a stream; a CSV at once). */
  rows: number;
}

/** Why a file is not imported at all: larger than MAX_IMPORT_FILE_BYTES (said alike by the screen, the contract and main). */
export function tooLargeToImport(name?: string): string {
  return `文件${name ? ` ${name} ` : ''}过大：最大 ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB。请分成几个文件导入`;
}
