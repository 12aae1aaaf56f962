import type { EditRequest } from '../../../shared/contract/api';
import type { Edit, LineFields } from '../../../shared/core/edits';
import type { Workbook } from '../../../shared/core/model';
import { blankLine } from './lineCells';

/** The session's `send`: an edit (or one made when its turn comes), its label, and what the file applied. */
export type SendEdit = (
  edit: EditRequest | ((workbook: Workbook) => EditRequest | null),
  label?: string | ((request: EditRequest) => string),
  onApplied?: (applied: Edit) => void,
) => Promise<boolean>;

/**
 * The line being typed into the empty row, from its first value until the entry ends (Enter, an
 * arrow, a click). The first value creates the line; every later one updates that line, also a
 * value committed before the file has said which id the line got: each value is sent in the order
 * of the keys and becomes a request only when its turn comes, after the file has answered the
 * creation. So however the file's answers, the focus and the keys interleave, the row makes one
 * line. A line gone by then (undone) is made anew from the value.
 */
export class DraftLine {
  private id: number | null = null;
  private committed = false;

  /** Whether a value has been committed to this draft (the next one is not its first). */
  get started(): boolean {
    return this.committed;
  }

  /** The id the file gave the line, once it has answered. */
  get lineId(): number | null {
    return this.id;
  }

  /** `what` names the value for undo (the column's header). */
  commit(send: SendEdit, set: Partial<LineFields>, what: string): Promise<boolean> {
    this.committed = true;
    return send(
      (wb) => {
        const id = this.id;
        if (id !== null && wb.lines.some((l) => l.id === id)) return { op: 'updateLines', changes: [{ id, set }] };
        return { op: 'insertLines', lines: [{ ...blankLine(wb), ...set }] };
      },
      (request) => (request.op === 'updateLines' ? `修改第 ${request.changes[0].id} 行“${what}”` : '新增 1 行'),
      (applied) => {
        if (applied.op === 'insertLines' && applied.lines.length === 1) this.id = applied.lines[0].id;
      },
    );
  }
}
