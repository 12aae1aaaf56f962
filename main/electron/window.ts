import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowSettings {
  /** The preload script (the only code with access to IPC). */
  preload: string;
  /** The title bar: the workbook file's name. */
  title: string;
  /** Developer tools: development runs only, never the packaged app. */
  devTools: boolean;
}

/**
 * Makes a workbook's window, isolated and sandboxed, without Node and without any relaxed web
 * security. The options are written out here, in the `new BrowserWindow` call itself, so that
 * Electronegativity reads them; the constructor is a parameter so that tests can read them too.
 */
export function createWorkbookWindow<W>(BrowserWindow: new (options: BrowserWindowConstructorOptions) => W, settings: WindowSettings): W {
  return new BrowserWindow({
    title: settings.title,
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      // Reviewed: the preload exposes nothing but the typed bridge of shared/contract (bridge.ts).
      preload: settings.preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: settings.devTools,
    },
  });
}

/** What `holdCloseUntilCommitted` needs of a window (a BrowserWindow; a fake in tests). */
export interface ClosingWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  webContents: { executeJavaScript(code: string): Promise<unknown> };
}

/** The screen's hook that commits what is being typed and resolves once the file has every edit (renderer/src/App.tsx). */
export const COMMIT_BEFORE_CLOSE = 'window.budgetCommitBeforeClose?.()';

/**
 * Holds a window's close until the screen has committed what is typed in an open editor or text box
 * and the file has taken it; then closes it. A screen that does not answer within `waitMs` does not
 * keep the window open.
 */
export function holdCloseUntilCommitted(window: ClosingWindow, waitMs = 3000): void {
  let committed = false;
  window.on('close', (event) => {
    if (committed) return;
    event.preventDefault();
    const timeout = new Promise((resolve) => setTimeout(resolve, waitMs));
    void Promise.race([window.webContents.executeJavaScript(COMMIT_BEFORE_CLOSE).catch(() => undefined), timeout]).then(() => {
      committed = true;
      window.close();
    });
  });
}
