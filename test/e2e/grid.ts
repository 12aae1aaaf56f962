import type { Page, Route } from 'playwright-core';

/** Helpers for the 明细 grid in the browser tests. */
export function cell(page: Page, lineId: number | string, column: string) {
  return page.locator(`[row-id="${lineId}"] [col-id="${column}"]`);
}

/** The focused cell as `rowId/column`, or where the keys are when not on a cell of the grid. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    const cellEl = active?.closest('.ag-cell');
    if (!cellEl) return `not in a cell: ${active?.tagName.toLowerCase()}.${active?.className}`;
    return `${cellEl.closest('[row-id]')!.getAttribute('row-id')}/${cellEl.getAttribute('col-id')}`;
  });
}

export function lineCount(page: Page) {
  return page.locator('.status-lines').textContent();
}

export function message(page: Page) {
  return page.locator('.message-area').textContent();
}

/**
 * Text typed as a pinyin input method sends it: a key the browser reports as `Process` (229), the
 * composition as it is typed, then the chosen characters committed.
 */
export async function imeType(page: Page, pinyin: string, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code: 'KeyA', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    for (let i = 1; i <= pinyin.length; i++) await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i });
    await cdp.send('Input.insertText', { text });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Process', code: 'KeyA', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  } finally {
    await cdp.detach();
  }
}

/**
 * Holds the file's answer to the next call whose body names `op` until `release()`: the moment the
 * answer comes is the test's to choose, not the machine's.
 */
export async function holdNextCall(page: Page, op: string): Promise<{ seen: Promise<void>; release(): void; stop(): Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let seen!: () => void;
  const seenP = new Promise<void>((r) => (seen = r));
  let held = false;
  /** The held call, sent on once released: stop() waits for it (unrouting under it would handle it twice). */
  let sentOn = Promise.resolve();
  const handler = async (route: Route) => {
    if (!held && route.request().postData()?.includes(`"op":"${op}"`)) {
      held = true;
      seen();
      sentOn = released.then(() => route.continue());
      return sentOn;
    }
    await route.continue();
  };
  await page.route('**/api/call', handler);
  return {
    seen: seenP,
    release,
    stop: async () => {
      await sentOn;
      await page.unroute('**/api/call', handler);
    },
  };
}
