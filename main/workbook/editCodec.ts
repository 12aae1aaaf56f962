import type { Edit, LineFields } from '../../shared/core/edits';
import { upgradeTexts } from '../../shared/core/reasons';

/**
 * An edit as JSON for the edit log. JSON has no undefined, and `updateLines` uses an undefined
 * field to clear it (an undo often does), so those fields travel as a list of names to clear.
 */
type StoredEdit = Exclude<Edit, { op: 'updateLines' } | { op: 'batch' }> | { op: 'updateLines'; changes: { id: number; set: Partial<LineFields>; clear?: string[] }[] } | { op: 'batch'; edits: StoredEdit[] };

function toStored(edit: Edit): StoredEdit {
  if (edit.op === 'batch') return { op: 'batch', edits: edit.edits.map(toStored) };
  if (edit.op !== 'updateLines') return edit;
  return {
    op: 'updateLines',
    changes: edit.changes.map(({ id, set }) => {
      const clear = Object.keys(set).filter((k) => set[k as keyof LineFields] === undefined);
      return clear.length > 0 ? { id, set, clear } : { id, set };
    }),
  };
}

function fromStored(edit: StoredEdit): Edit {
  if (edit.op === 'batch') return { op: 'batch', edits: edit.edits.map(fromStored) };
  // a file written before reasons kept their figures logs them as strings
  if (edit.op === 'setTexts') return { op: 'setTexts', texts: upgradeTexts(edit.texts) };
  if (edit.op !== 'updateLines') return edit;
  return {
    op: 'updateLines',
    changes: edit.changes.map(({ id, set, clear }) => {
      const full: Record<string, unknown> = { ...set };
      for (const k of clear ?? []) full[k] = undefined;
      return { id, set: full as Partial<LineFields> };
    }),
  };
}

export function encodeEdit(edit: Edit): string {
  return JSON.stringify(toStored(edit));
}

export function decodeEdit(json: string): Edit {
  return fromStored(JSON.parse(json) as StoredEdit);
}
