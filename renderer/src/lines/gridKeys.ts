import { isImeKey } from './editorStart';

/** What a key means to the line grid beyond AG Grid's own handling. */
export type GridKeyAction =
  | { kind: 'ime' }
  | { kind: 'help' }
  | { kind: 'rowStart' }
  | { kind: 'rowEnd' }
  | { kind: 'firstCell' }
  | { kind: 'lastCell' }
  | { kind: 'extend'; rows: number; cols: number }
  | { kind: 'selectAll' }
  | { kind: 'fillDown' }
  | { kind: 'fillRight' }
  | { kind: 'clear' }
  | { kind: 'enter' }
  | { kind: 'tab' };

type Key = Pick<KeyboardEvent, 'key' | 'keyCode' | 'isComposing' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/**
 * The grid's keys as a spreadsheet user expects them, for a key pressed on a cell (`editing`: its
 * editor is open, which keeps Home, End, arrows and Delete for the text).
 */
export function gridKeyAction(e: Key, editing: boolean): GridKeyAction | null {
  const ctrl = e.ctrlKey || e.metaKey;
  if (e.key === 'F1') return { kind: 'help' };
  if (e.key === 'Enter' && !ctrl && !e.altKey && !e.shiftKey && !e.isComposing) return { kind: 'enter' };
  if (e.key === 'Tab' && !ctrl && !e.altKey && !e.shiftKey) return { kind: 'tab' };
  if (editing) return null;
  if (isImeKey(e)) return { kind: 'ime' };
  if (e.altKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (ctrl && !e.shiftKey) {
    if (key === 'Home') return { kind: 'firstCell' };
    if (key === 'End') return { kind: 'lastCell' };
    if (key === 'a') return { kind: 'selectAll' };
    if (key === 'd') return { kind: 'fillDown' };
    if (key === 'r') return { kind: 'fillRight' };
    return null;
  }
  if (ctrl) return null;
  if (e.shiftKey && ARROWS[key]) return { kind: 'extend', rows: ARROWS[key][0], cols: ARROWS[key][1] };
  if (e.shiftKey) return null;
  if (key === 'Home') return { kind: 'rowStart' };
  if (key === 'End') return { kind: 'rowEnd' };
  if (key === 'Delete' || key === 'Backspace') return { kind: 'clear' };
  return null;
}
