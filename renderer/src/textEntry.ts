/** Whether a key or clipboard event is meant for a text field (an open cell editor, a search box, a textarea): those keep their own undo, copy and paste. */
export function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
