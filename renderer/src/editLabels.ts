import type { Edit } from '../../shared/core/edits';

/**
 * What an undo undid (`applied` is then the inverse the file applied) or a redo redid, said from
 * the edit itself, for when the screen has no words of its own for it (an edit from before the
 * workbook was opened, a form's edit).
 */
export function describeApplied(applied: Edit, undoing: boolean): string {
  switch (applied.op) {
    case 'insertLines':
      return `${undoing ? '删除' : '新增'} ${applied.lines.length} 行`;
    case 'deleteLines':
      return `${undoing ? '新增' : '删除'} ${applied.ids.length} 行`;
    case 'updateLines':
      return `修改 ${applied.changes.length} 行`;
    case 'batch': {
      const parts = applied.edits.map((e) => describeApplied(e, undoing));
      return parts.length > 0 ? parts.join('、') : '一次修改';
    }
    default:
      return '一次修改';
  }
}

/**
 * The screen's words for the edits it sent, in the file's undo order: undo takes the last, redo
 * puts it back, a new edit clears what could be redone.
 */
export class EditLabels {
  private done: (string | undefined)[] = [];
  private undone: (string | undefined)[] = [];

  sent(label: string | undefined): void {
    this.done.push(label);
    this.undone = [];
  }

  undo(applied: Edit): string {
    const label = this.done.pop();
    this.undone.push(label);
    return label ?? describeApplied(applied, true);
  }

  redo(applied: Edit): string {
    const label = this.undone.pop();
    this.done.push(label);
    return label ?? describeApplied(applied, false);
  }
}
