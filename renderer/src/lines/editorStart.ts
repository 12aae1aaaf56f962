/** The key AG Grid and the browser report for a key an input method is composing (keyCode 229). */
export const IME_KEY = 'Process';

export function isImeKey(e: Pick<KeyboardEvent, 'key' | 'keyCode' | 'isComposing'>): boolean {
  return e.key === IME_KEY || e.keyCode === 229 || e.isComposing;
}

/**
 * The text an editor starts with, as in Excel: a printable key replaces the cell with that key, an
 * input method's first key (its text follows as it is composed) or Backspace / Delete start empty,
 * and F2, Enter or a double click keep what the cell holds.
 */
export function startText(eventKey: string | null | undefined, value: string): string {
  if (eventKey == null) return value;
  if (eventKey.length === 1) return eventKey;
  if (eventKey === IME_KEY || eventKey === 'Backspace' || eventKey === 'Delete') return '';
  return value;
}
