import type { Edit } from '../../shared/core/edits';
import { LiveWorkbook } from '../../shared/core/live/liveWorkbook';
import type { WorkbookChange } from './useWorkbook';

/**
 * An edit of more lines than this (an import, a merge, the undo of either) is taken by building the
 * tables and findings afresh (≈ 40 ms at 100,000 lines) rather than line by line (≈ 0.1–0.3 ms a
 * line: an undo of a 20,000-line import took 14 s on the screen's thread).
 */
export const BULK_LINES = 2_000;

export function linesTouched(edit: Edit): number {
  switch (edit.op) {
    case 'insertLines':
      return edit.lines.length;
    case 'deleteLines':
      return edit.ids.length;
    case 'updateLines':
      return edit.changes.length;
    case 'batch':
      return edit.edits.reduce((n, e) => n + linesTouched(e), 0);
    default:
      return 0;
  }
}

/** The LiveWorkbook after a change: the same one brought up to date, or a new one for a load or a bulk edit. */
export function followChange(live: LiveWorkbook | null, change: WorkbookChange): LiveWorkbook | null {
  if (change.kind === 'load' || linesTouched(change.edit) > BULK_LINES) return new LiveWorkbook(change.workbook);
  live?.apply(change.edit);
  return live;
}
