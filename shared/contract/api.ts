import type { Edit, LineFields } from '../core/edits';
import type { Workbook } from '../core/model';

/** An edit as the screen asks for it: new lines have no ids yet; the file assigns them. */
export type EditRequest =
  | Exclude<Edit, { op: 'insertLines' } | { op: 'batch' }>
  | { op: 'insertLines'; lines: LineFields[] }
  | { op: 'batch'; edits: EditRequest[] };

/** What an edit, an undo or a redo did, with concrete ids, for the screen to apply to its copy. */
export interface EditResult {
  applied: Edit;
  revision: number;
  canUndo: boolean;
  canRedo: boolean;
}

export interface WorkbookSnapshot {
  /** The file's name as shown in the title bar. */
  fileName: string;
  workbook: Workbook;
  revision: number;
  canUndo: boolean;
  canRedo: boolean;
}

export interface Version {
  id: number;
  label: string;
  /** ISO 8601, local time of marking. */
  createdAt: string;
}
