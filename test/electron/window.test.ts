import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createWorkbookWindow } from '../../main/electron/window';

class FakeWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

function made(devTools: boolean) {
  return createWorkbookWindow(FakeWindow, { preload: '/app/dist/main/electron/preload.cjs', title: '部门预算.budget - 预算编制工作台', devTools }).options;
}

describe('the workbook window', () => {
  it('is isolated and sandboxed, with no Node and no relaxed web security', () => {
    const prefs = made(false).webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.preload).toBe('/app/dist/main/electron/preload.cjs');
  });

  it('sets nothing else that could loosen it', () => {
    const prefs = made(false).webPreferences!;
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'disableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('offers developer tools only when asked (development runs)', () => {
    expect(made(false).webPreferences!.devTools).toBe(false);
    expect(made(true).webPreferences!.devTools).toBe(true);
  });

  it('is titled with the file name and shown only once painted', () => {
    const options = made(false);
    expect(options.title).toBe('部门预算.budget - 预算编制工作台');
    expect(options.show).toBe(false);
  });
});

describe('closing a workbook window', () => {
  it('is held until the screen has committed what is being typed and the file has answered, then goes ahead', async () => {
    const { holdCloseUntilCommitted, COMMIT_BEFORE_CLOSE } = await import('../../main/electron/window');
    let onClose: ((e: { preventDefault(): void }) => void) | undefined;
    let answer: (() => void) | undefined;
    const calls: string[] = [];
    const window = {
      on: (_event: 'close', listener: (e: { preventDefault(): void }) => void) => (onClose = listener),
      close: () => {
        calls.push('close');
        onClose!({ preventDefault: () => calls.push('held again') });
      },
      webContents: {
        executeJavaScript: (code: string) => {
          calls.push(code);
          return new Promise<void>((resolve) => (answer = resolve));
        },
      },
    };
    holdCloseUntilCommitted(window, 60_000);
    onClose!({ preventDefault: () => calls.push('held') });
    expect(calls).toEqual(['held', COMMIT_BEFORE_CLOSE]);
    answer!();
    await expect.poll(() => calls).toEqual(['held', COMMIT_BEFORE_CLOSE, 'close']);
  });
});
