import type { RowDataTransaction } from 'ag-grid-community';
import type { Edit } from '../../../shared/core/edits';
import type { LineItem, Workbook } from '../../../shared/core/model';
import type { GridRow } from './gridRows';

/** Above this many changed lines, the lines are looked up through one index rather than one scan each. */
const SCANS = 8;

/**
 * What an edit changes among the grid's rows, as a transaction (the rows it touches, not all of
 * them: giving the grid every line anew costs it a pass over all of them per edit). `workbook` is the
 * workbook after the edit. 'none' when no line changed; null when the rows are best given anew (a
 * batch, lines put back at their places).
 */
export function rowTransaction(edit: Edit, workbook: Workbook): RowDataTransaction<GridRow> | 'none' | null {
  switch (edit.op) {
    case 'updateLines': {
      const ids = edit.changes.map((c) => c.id);
      let lookup: (id: number) => LineItem | undefined;
      if (ids.length <= SCANS) lookup = (id) => workbook.lines.find((l) => l.id === id);
      else {
        const byId = new Map(workbook.lines.map((l) => [l.id, l]));
        lookup = (id) => byId.get(id);
      }
      const update: GridRow[] = [];
      for (const id of ids) {
        const line = lookup(id);
        if (!line) return null;
        update.push(line);
      }
      return { update };
    }
    case 'deleteLines':
      return { remove: edit.ids.map((id) => ({ id }) as GridRow) };
    case 'insertLines':
      return edit.at ? null : { add: edit.lines };
    case 'batch':
      return null;
    default:
      return 'none';
  }
}
