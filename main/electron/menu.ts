import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import { SCREEN_TABS, type MenuCommand } from '../../shared/contract/calls';

/** What the menu's items do; main.ts supplies these, tests supply fakes. */
export interface MenuActions {
  newWorkbook(): void;
  openWorkbook(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  saveAs(window: BaseWindow | undefined): void;
  /** Passes a command to the screen of the given (focused) window. */
  send(window: BaseWindow | undefined, command: MenuCommand): void;
  about(): void;
}

export interface MenuOptions {
  /** The product's name (package.json productName, as Electron reports it). */
  appName: string;
  platform: NodeJS.Platform;
  /** Recently opened workbooks, newest first. */
  recent: readonly string[];
  /** Offer the developer tools (development runs only). */
  devTools: boolean;
}

/** The application menu, in Chinese, as data. */
export function menuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const command = (c: MenuCommand) => (_item: unknown, window: BaseWindow | undefined) => actions.send(window, c);

  const recentItems: MenuItemConstructorOptions[] =
    options.recent.length === 0
      ? [{ label: '（无）', enabled: false }]
      : [...options.recent.map((path) => ({ label: path, click: () => actions.openRecent(path) })), { type: 'separator' }, { label: '清除列表', click: () => actions.clearRecent() }];

  const about: MenuItemConstructorOptions = { label: `关于${options.appName}`, click: () => actions.about() };
  const quit: MenuItemConstructorOptions = { label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' };

  const file: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [
      { label: '新建…', accelerator: 'CmdOrCtrl+N', click: () => actions.newWorkbook() },
      { label: '打开…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkbook() },
      { label: '最近打开', submenu: recentItems },
      { type: 'separator' },
      { label: '另存为…', accelerator: 'CmdOrCtrl+Shift+S', click: (_item, window) => actions.saveAs(window) },
      { type: 'separator' },
      { label: '导入明细…', accelerator: 'CmdOrCtrl+I', click: command({ command: 'import', kind: 'lines' }) },
      { label: '导入上年公开表…', click: command({ command: 'import', kind: 'baseline' }) },
      { label: '导入科目表…', click: command({ command: 'import', kind: 'catalog' }) },
      { label: '导出 Excel…', accelerator: 'CmdOrCtrl+E', click: command({ command: 'exportExcel' }) },
      { type: 'separator' },
      { label: '导出单位工作簿…', click: command({ command: 'exportUnitFile' }) },
      { label: '合并单位工作簿…', click: command({ command: 'mergeUnitFiles' }) },
      ...(mac ? [] : [{ type: 'separator' } as const, quit]),
    ],
  };

  // On Windows and Linux the page sees Ctrl+Z and Ctrl+Y first and handles them itself (a text
  // field undoes its typing, elsewhere the workbook undoes); a registered accelerator would then
  // undo the workbook as well. So the shortcut is only shown there. macOS gives Cmd+Z to the menu.
  const registerAccelerator = mac;
  const edit: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { label: '撤销', accelerator: 'CmdOrCtrl+Z', registerAccelerator, click: command({ command: 'undo' }) },
      { label: '重做', accelerator: mac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y', registerAccelerator, click: command({ command: 'redo' }) },
      { type: 'separator' },
      { label: '剪切', role: 'cut' },
      { label: '复制', role: 'copy' },
      { label: '粘贴', role: 'paste' },
      { label: '全选', role: 'selectAll' },
      { type: 'separator' },
      { label: '查找…', accelerator: 'CmdOrCtrl+F', click: command({ command: 'find' }) },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      ...SCREEN_TABS.map((tab, i): MenuItemConstructorOptions => ({ label: tab, accelerator: `CmdOrCtrl+${i + 1}`, click: command({ command: 'showTab', tab }) })),
      { type: 'separator' },
      { label: '实际大小', role: 'resetZoom' },
      { label: '放大', role: 'zoomIn' },
      { label: '缩小', role: 'zoomOut' },
      { type: 'separator' },
      { label: '全屏', role: 'togglefullscreen' },
      ...(options.devTools ? [{ type: 'separator' } as const, { label: '开发者工具', role: 'toggleDevTools' } as const] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '帮助',
    role: 'help',
    submenu: [{ label: '快捷键与金额写法', accelerator: 'F1', click: command({ command: 'help' }) }, { type: 'separator' }, about],
  };

  if (!mac) return [file, edit, view, help];
  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [about, { type: 'separator' }, { label: `隐藏${options.appName}`, role: 'hide' }, { label: '隐藏其他', role: 'hideOthers' }, { label: '全部显示', role: 'unhide' }, { type: 'separator' }, quit],
  };
  const windowMenu: MenuItemConstructorOptions = { label: '窗口', role: 'windowMenu' };
  return [appMenu, file, edit, view, windowMenu, help];
}
