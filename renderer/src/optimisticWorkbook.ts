import type { EditRequest } from '../../shared/contract/api';
import { applyEdit, type Edit } from '../../shared/core/edits';
import type { Workbook } from '../../shared/core/model';

/** An edit the screen can show before the file answers: one whose ids are all known (no new lines, whose ids the file gives). */
export function showableAhead(request: EditRequest): request is Edit & EditRequest {
  if (request.op === 'insertLines') return false;
  if (request.op === 'batch') return request.edits.every(showableAhead);
  return true;
}

/** Plain data compared by value, whatever the order of an object's keys (the file's copy of an edit comes through its schema). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameData(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The workbook as the file has it (`confirmed`) and as the screen shows it (`shown`): the confirmed
 * one with the edits sent but not yet answered applied on top, in the order sent. An edit is shown
 * at once; when the file applies it as shown, nothing on screen changes; when the file refuses it
 * (or applies it otherwise), the screen goes back to the file's workbook with the later edits still
 * waiting applied again.
 */
export class OptimisticWorkbook {
  /** Edits sent and not yet answered, in order; `onScreen` false when one no longer applied to what is shown. */
  private pending: { edit: Edit; onScreen: boolean }[] = [];
  shown: Workbook;

  constructor(public confirmed: Workbook) {
    this.shown = confirmed;
  }

  /** Whether edits are waiting for the file's answer. */
  get waiting(): boolean {
    return this.pending.length > 0;
  }

  /** Shows an edit ahead of the file; false (nothing shown) when it does not apply here, so the file's answer decides. */
  show(edit: Edit): boolean {
    try {
      this.shown = applyEdit(this.shown, edit).workbook;
    } catch {
      return false;
    }
    this.pending.push({ edit, onScreen: true });
    return true;
  }

  /** The file applied the oldest edit shown ahead, as `applied`. Returns whether the screen must be redrawn from `shown`. */
  confirm(applied: Edit): boolean {
    const ahead = this.pending.shift();
    this.confirmed = applyEdit(this.confirmed, applied).workbook;
    if (ahead?.onScreen && sameData(ahead.edit, applied)) return false;
    this.rebuild();
    return true;
  }

  /** The file refused the oldest edit shown ahead: it is taken back. */
  refuse(): void {
    this.pending.shift();
    this.rebuild();
  }

  /**
   * The file applied an edit that was not shown ahead (undo, redo, new lines). Returns 'edit' when
   * the screen can apply it as it is (nothing waits), 'redraw' when `shown` was made anew.
   */
  applied(edit: Edit): 'edit' | 'redraw' {
    this.confirmed = applyEdit(this.confirmed, edit).workbook;
    if (this.pending.length === 0) {
      this.shown = this.confirmed;
      return 'edit';
    }
    this.rebuild();
    return 'redraw';
  }

  private rebuild(): void {
    let wb = this.confirmed;
    for (const p of this.pending) {
      try {
        wb = applyEdit(wb, p.edit).workbook;
        p.onScreen = true;
      } catch {
        // No longer applies (its line is gone): the file will most likely refuse it too.
        p.onScreen = false;
      }
    }
    this.shown = wb;
  }
}
