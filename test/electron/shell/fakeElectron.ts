// A stand-in for the 'electron' module, enough for the bundled main process (dist/main/electron/main.cjs)
// to run under plain Node: it records what main does with windows, menus, dialogs, IPC and the
// protocol, and answers dialogs from a script. Electron itself cannot run on the test machines.
type Listener = (...args: any[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    const wrapped: Listener = (...args) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}

export interface Place {
  appPath: string;
  userData: string;
  documents: string;
}

export function fakeElectron(place: Place) {
  const log: unknown[][] = [];
  const answers: Record<'message' | 'save' | 'open', unknown[]> = { message: [], save: [], open: [] };
  const answer = (kind: keyof typeof answers, args: unknown[]) => {
    log.push([`dialog.${kind}`, ...args.filter((a) => !(a instanceof BrowserWindow))]);
    if (answers[kind].length === 0) throw new Error(`no scripted answer for a ${kind} dialog`);
    return answers[kind].shift();
  };
  const windows: BrowserWindow[] = [];
  let nextId = 1;
  let focusedWindow: BrowserWindow | null = null;

  class BrowserWindow extends Emitter {
    readonly id = nextId++;
    readonly webContents = {
      id: 100 + this.id,
      sent: [] as unknown[][],
      reloads: 0,
      send: (channel: string, payload: unknown) => this.webContents.sent.push([channel, payload]),
      reload: () => this.webContents.reloads++,
    };
    progress: number[] = [];
    title: string;
    url = '';
    visible = false;
    focusCount = 0;
    constructor(readonly options: { title: string; webPreferences: Record<string, unknown> }) {
      super();
      this.title = options.title;
      windows.push(this);
      focusedWindow = this;
    }
    async loadURL(url: string) {
      this.url = url;
      setImmediate(() => this.emit('ready-to-show'));
    }
    show() {
      this.visible = true;
    }
    focus() {
      this.focusCount++;
      focusedWindow = this;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    setProgressBar(value: number) {
      this.progress.push(value);
    }
    setTitle(title: string) {
      this.title = title;
    }
    close() {
      windows.splice(windows.indexOf(this), 1);
      if (focusedWindow === this) focusedWindow = windows.at(-1) ?? null;
      this.emit('closed');
    }
    static getAllWindows() {
      return [...windows];
    }
    static getFocusedWindow() {
      return focusedWindow;
    }
  }

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    getAppPath: () => place.appPath,
    getPath: (name: string) => (name === 'userData' ? place.userData : place.documents),
    getName: () => '预算编制工作台',
    getVersion: () => '0.1.0',
    /** Another instance holds the lock when the driver says so. */
    requestSingleInstanceLock: () => process.env.ANOTHER_INSTANCE !== '1',
    whenReady: () => Promise.resolve(),
    quit: () => log.push(['app.quit']),
    exit: (code: number) => log.push(['app.exit', code]),
    addRecentDocument: (path: string) => log.push(['app.addRecentDocument', path]),
    clearRecentDocuments: () => log.push(['app.clearRecentDocuments']),
  });

  const handlers = { ipc: new Map<string, Listener>(), protocol: new Map<string, Listener>(), privileged: [] as unknown[] };
  let menu: any[] = [];
  const electron = {
    app,
    BrowserWindow,
    dialog: {
      showMessageBox: async (...args: unknown[]) => ({ response: answer('message', args) }),
      showSaveDialog: async (...args: unknown[]) => answer('save', args),
      showOpenDialog: async (...args: unknown[]) => answer('open', args),
      showErrorBox: (title: string, message: string) => log.push(['dialog.error', title, message]),
    },
    ipcMain: { handle: (channel: string, handler: Listener) => handlers.ipc.set(channel, handler) },
    Menu: { buildFromTemplate: (template: any[]) => template, setApplicationMenu: (m: any[]) => (menu = m) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => handlers.privileged.push(...schemes),
      handle: (scheme: string, handler: Listener) => handlers.protocol.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => log.push(['session.permissionRequestHandler']),
        setPermissionCheckHandler: () => log.push(['session.permissionCheckHandler']),
        setDevicePermissionHandler: () => log.push(['session.devicePermissionHandler']),
        webRequest: { onBeforeRequest: () => log.push(['session.onBeforeRequest']), onHeadersReceived: () => log.push(['session.onHeadersReceived']) },
      },
    },
    shell: { showItemInFolder: (path: string) => log.push(['shell.showItemInFolder', path]) },
  };

  /** The item of the current application menu under `menuLabel` › `label`. */
  const menuItem = (menuLabel: string, label: string) => {
    const item = menu.find((m) => m.label === menuLabel)?.submenu.find((i: { label?: string }) => i.label === label);
    if (!item) throw new Error(`no menu item ${menuLabel} › ${label}`);
    return item;
  };
  return { electron, app, windows, log, answers, handlers, menu: () => menu, menuItem };
}
