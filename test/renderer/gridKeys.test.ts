import { describe, expect, it } from 'vitest';
import { gridKeyAction } from '../../renderer/src/lines/gridKeys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; altKey: boolean; metaKey: boolean; keyCode: number; isComposing: boolean }> = {}) => ({
  key: k,
  keyCode: 0,
  isComposing: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('the grid keys as a spreadsheet user expects them', () => {
  it('Home / End stay in the row; Ctrl+Home / Ctrl+End go to the first / last cell', () => {
    expect(gridKeyAction(key('Home'), false)).toEqual({ kind: 'rowStart' });
    expect(gridKeyAction(key('End'), false)).toEqual({ kind: 'rowEnd' });
    expect(gridKeyAction(key('Home', { ctrlKey: true }), false)).toEqual({ kind: 'firstCell' });
    expect(gridKeyAction(key('End', { metaKey: true }), false)).toEqual({ kind: 'lastCell' });
  });

  it('leaves Home, End, arrows and Delete to an open editor', () => {
    for (const k of ['Home', 'End', 'Delete', 'Backspace']) expect(gridKeyAction(key(k), true)).toBeNull();
    expect(gridKeyAction(key('ArrowDown', { shiftKey: true }), true)).toBeNull();
  });

  it('an input method key opens the editor; its Enter is its own', () => {
    expect(gridKeyAction(key('Process', { keyCode: 229 }), false)).toEqual({ kind: 'ime' });
    expect(gridKeyAction(key('n', { keyCode: 229 }), false)).toEqual({ kind: 'ime' });
    expect(gridKeyAction(key('Enter', { isComposing: true }), true)).toBeNull();
  });

  it('ranges, fills, clear', () => {
    expect(gridKeyAction(key('ArrowDown', { shiftKey: true }), false)).toEqual({ kind: 'extend', rows: 1, cols: 0 });
    expect(gridKeyAction(key('ArrowLeft', { shiftKey: true }), false)).toEqual({ kind: 'extend', rows: 0, cols: -1 });
    expect(gridKeyAction(key('a', { ctrlKey: true }), false)).toEqual({ kind: 'selectAll' });
    expect(gridKeyAction(key('D', { ctrlKey: true }), false)).toEqual({ kind: 'fillDown' });
    expect(gridKeyAction(key('r', { ctrlKey: true }), false)).toEqual({ kind: 'fillRight' });
    expect(gridKeyAction(key('Delete'), false)).toEqual({ kind: 'clear' });
    expect(gridKeyAction(key('c', { ctrlKey: true }), false)).toBeNull();
    expect(gridKeyAction(key('F1'), true)).toEqual({ kind: 'help' });
    expect(gridKeyAction(key('Tab'), true)).toEqual({ kind: 'tab' });
    expect(gridKeyAction(key('Enter'), false)).toEqual({ kind: 'enter' });
  });
});
