import { describe, expect, it } from 'vitest';
import { isImeKey, startText } from '../../renderer/src/lines/editorStart';

describe('what a cell editor starts with', () => {
  it('a printable key replaces the cell; an input method or Backspace starts empty; F2 and Enter keep it', () => {
    expect(startText('8', '1,200.00')).toBe('8');
    expect(startText('Process', '基本支出')).toBe('');
    expect(startText('Backspace', 'x')).toBe('');
    expect(startText('F2', '说明')).toBe('说明');
    expect(startText('Enter', '说明')).toBe('说明');
    expect(startText(null, '说明')).toBe('说明');
  });

  it('knows an input method key by its name, its key code 229, or a composition under way', () => {
    expect(isImeKey({ key: 'Process', keyCode: 0, isComposing: false })).toBe(true);
    expect(isImeKey({ key: 'n', keyCode: 229, isComposing: false })).toBe(true);
    expect(isImeKey({ key: 'a', keyCode: 65, isComposing: true })).toBe(true);
    expect(isImeKey({ key: 'a', keyCode: 65, isComposing: false })).toBe(false);
  });
});
