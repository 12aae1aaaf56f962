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
