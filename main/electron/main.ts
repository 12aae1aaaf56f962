import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type BaseWindow } from 'electron';
import { basename, join } from 'node:path';
import type { MenuCommand } from '../../shared/contract/calls';
import { WorkbookFile } from '../workbook/file';
import type { CallTarget } from '../workbookCalls';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './appOrigin';
import { serveAppRequest } from './appProtocol';
import { MENU_CHANNEL, CALL_CHANNEL } from './channels';
import { Documents, type Document } from './documents';
import { exportExcel, pickImportFile } from './excelTransfer';
import { exportUnitFile } from './unitTransfer';
import { guardContents, guardRequests, guardSession } from './guards';
import { createCallHandler } from './ipc';
import { workbookPathsFromArgv } from './launchArgs';
import { menuTemplate } from './menu';
import { APP_ID, WORKBOOK_FILTER } from './product';
import { readRecent, withRecent, writeRecent } from './recent';
import { checkSqliteAddon } from './sqliteAddon';
import { createWorkbookWindow, holdCloseUntilCommitted } from './window';
import { copyWorkbook, createWorkbookAt } from './workbookFiles';

type Doc = Document<BrowserWindow, WorkbookFile>;

const devTools = !app.isPackaged;
const rendererRoot = join(app.getAppPath(), 'dist', 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');
const recentFile = () => join(app.getPath('userData'), 'recent.json');
const documents = new Documents<BrowserWindow, WorkbookFile>(process.platform !== 'linux');
/** Files the OS asked to open before the app was ready (macOS open-file). */
const pending: string[] = [];
let ready = false;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const paths = workbookPathsFromArgv(argv.slice(1), workingDirectory);
    if (paths.length > 0) paths.forEach((p) => void openPath(p));
    else focusAny();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (ready) void openPath(path);
    else pending.push(path);
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(start, (error: unknown) => fail('启动失败', error));
}

async function start(): Promise<void> {
  try {
    checkSqliteAddon();
  } catch (error) {
    return fail('预算编制工作台无法启动', error);
  }
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  guardSession(session.defaultSession);
  guardRequests(session.defaultSession.webRequest);
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererRoot, request));
  ipcMain.handle(CALL_CHANNEL, createCallHandler((id) => {
    const doc = documents.ofContents(id);
    return doc && callTarget(doc);
  }));
  app.on('activate', () => {
    if (documents.size === 0) void welcome();
  });
  ready = true;
  refreshMenu();
  const paths = [...workbookPathsFromArgv(process.argv.slice(1), process.cwd()), ...pending.splice(0)];
  if (paths.length === 0) await welcome();
  else for (const p of paths) await openPath(p);
}

function callTarget(doc: Doc): CallTarget {
  return {
    file: doc.file,
    exportExcel: (request) => exportExcel(doc, request.unit, app.getPath('documents')),
    exportUnitFile: (unit) => exportUnitFile(doc, unit, app.getPath('documents')),
    pickImportFile: (kind) => pickImportFile(doc, kind, app.getPath('documents')),
  };
}

/** No workbook named at start: offer to create or open one. */
async function welcome(): Promise<void> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    title: app.getName(),
    message: '新建一个预算工作簿，或打开已有的工作簿。',
    buttons: ['新建…', '打开…', '退出'],
    defaultId: 1,
    cancelId: 2,
    noLink: true,
  });
  if (response === 0) await newWorkbook();
  else if (response === 1) await openWorkbook();
  if (documents.size === 0 && process.platform !== 'darwin') app.quit();
}

async function newWorkbook(parent?: BrowserWindow): Promise<void> {
  const options = { title: '新建预算工作簿', defaultPath: join(app.getPath('documents'), `部门预算${new Date().getFullYear() + 1}.budget`), filters: [WORKBOOK_FILTER] };
  const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return;
  if (documents.find(filePath)) return showError('无法新建工作簿', `“${basename(filePath)}”正在另一个窗口中打开，请换一个文件名。`);
  const init = { department: '未命名部门', year: new Date().getFullYear() + 1 };
  try {
    await createWorkbookAt(filePath, init);
    show(filePath, WorkbookFile.open(filePath));
  } catch (error) {
    showError('无法新建工作簿', messageOf(error));
  }
}

async function openWorkbook(parent?: BrowserWindow): Promise<void> {
  const options = { title: '打开预算工作簿', properties: ['openFile' as const], filters: [WORKBOOK_FILTER] };
  const { canceled, filePaths } = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  if (!canceled && filePaths[0]) await openPath(filePaths[0]);
}

/** Opens a workbook in a window of its own, or brings forward the window that already shows it. */
async function openPath(path: string): Promise<void> {
  const open = documents.find(path);
  if (open) return focus(open.window);
  try {
    show(path, WorkbookFile.open(path));
  } catch (error) {
    showError('无法打开工作簿', messageOf(error));
  }
}

function show(path: string, file: WorkbookFile): void {
  const window = createWorkbookWindow(BrowserWindow, { preload: preloadPath, title: windowTitle(path), devTools });
  const doc: Doc = { path, window, file };
  documents.add(doc);
  remember(path);
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  holdCloseUntilCommitted(window);
  window.on('closed', () => {
    const current = documents.ofWindow(window);
    if (!current) return;
    documents.remove(current);
    current.file.close();
  });
  void window.loadURL(APP_ENTRY_URL);
}

function windowTitle(path: string): string {
  return `${basename(path)} - ${app.getName()}`;
}

/**
 * 另存为: the window goes on with a copy of its workbook under the new name. Closing the file
 * completes it (SQLite checkpoints its log into it), so a byte copy is the whole workbook; the copy
 * is written beside the target and renamed over it. The original is reopened if anything fails.
 */
async function saveAs(window: BaseWindow | undefined): Promise<void> {
  const doc = documents.ofWindow(window);
  if (!doc) return;
  const { canceled, filePath } = await dialog.showSaveDialog(doc.window, { title: '另存为', defaultPath: doc.path, filters: [WORKBOOK_FILTER] });
  if (canceled || !filePath || documents.find(filePath) === doc) return;
  if (documents.find(filePath)) return showError('无法另存为', `“${basename(filePath)}”正在另一个窗口中打开。`);
  documents.remove(doc);
  doc.file.close();
  let path = doc.path;
  try {
    await copyWorkbook(doc.path, filePath);
    path = filePath;
  } catch (error) {
    showError('无法另存为', messageOf(error));
  }
  try {
    documents.add({ path, window: doc.window, file: WorkbookFile.open(path) });
    doc.window.setTitle(windowTitle(path));
    if (path !== doc.path) remember(path);
  } catch (error) {
    showError('无法打开工作簿', messageOf(error));
    doc.window.close();
  }
}

function send(window: BaseWindow | undefined, command: MenuCommand): void {
  documents.ofWindow(window)?.window.webContents.send(MENU_CHANNEL, command);
}

function remember(path: string): void {
  app.addRecentDocument(path);
  writeRecent(recentFile(), withRecent(readRecent(recentFile()), path));
  refreshMenu();
}

function refreshMenu(): void {
  const focused = () => BrowserWindow.getFocusedWindow() ?? undefined;
  const template = menuTemplate(
    {
      newWorkbook: () => void newWorkbook(focused()),
      openWorkbook: () => void openWorkbook(focused()),
      openRecent: (path) => void openPath(path),
      clearRecent: () => {
        app.clearRecentDocuments();
        writeRecent(recentFile(), []);
        refreshMenu();
      },
      saveAs: (window) => void saveAs(window),
      send,
      about: () => void about(),
    },
    { appName: app.getName(), platform: process.platform, recent: readRecent(recentFile()), devTools },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function about(): Promise<void> {
  const options = {
    type: 'info' as const,
    title: `关于${app.getName()}`,
    message: app.getName(),
    detail: `版本 ${app.getVersion()}\n部门预算编制：明细录入、九张公开表、编制说明、审核与 Excel 导出。\nElectron ${process.versions.electron}，Chromium ${process.versions.chrome}，Node.js ${process.versions.node}`,
    buttons: ['确定'],
  };
  const parent = BrowserWindow.getFocusedWindow();
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

function focusAny(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (window) focus(window);
  else void welcome();
}

function focus(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function showError(title: string, message: string): void {
  dialog.showErrorBox(title, message);
}

function fail(title: string, error: unknown): void {
  showError(title, messageOf(error));
  app.exit(1);
}
