import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/contract/calls';
import { menuTemplate, type MenuActions } from '../../main/electron/menu';

function setup(platform: NodeJS.Platform, recent: string[] = [], devTools = false) {
  const calls: unknown[][] = [];
  const actions: MenuActions = {
    newWorkbook: () => calls.push(['new']),
    openWorkbook: () => calls.push(['open']),
    openRecent: (path) => calls.push(['recent', path]),
    clearRecent: () => calls.push(['clearRecent']),
    saveAs: (window) => calls.push(['saveAs', window]),
    send: (window, command: MenuCommand) => calls.push(['send', window, command]),
    about: () => calls.push(['about']),
  };
  const template = menuTemplate(actions, { appName: '预算编制工作台', platform, recent, devTools });
  const menu = (label: string) => {
    const m = template.find((t) => t.label === label);
    if (!m) throw new Error(`没有菜单 ${label}`);
    return m.submenu as MenuItemConstructorOptions[];
  };
  const item = (menuLabel: string, label: string) => {
    const i = menu(menuLabel).find((t) => t.label === label);
    if (!i) throw new Error(`没有菜单项 ${menuLabel} › ${label}`);
    return i;
  };
  const click = (menuLabel: string, label: string, window?: unknown) => {
    (item(menuLabel, label).click as (...a: unknown[]) => void)({}, window, {});
    return calls.at(-1);
  };
  return { template, menu, item, click, calls };
}

const labels = (items: MenuItemConstructorOptions[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label);

describe('the menu on Windows and Linux', () => {
  const m = setup('win32');

  it('has 文件, 编辑, 视图 and 帮助, in that order', () => {
    expect(m.template.map((t) => t.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('文件 has 新建, 打开, 最近打开, 另存为, 导入, 导出 Excel and 退出, with their shortcuts', () => {
    expect(labels(m.menu('文件'))).toEqual(['新建…', '打开…', '最近打开', '另存为…', '导入明细…', '导入上年公开表…', '导入科目表…', '导出 Excel…', '导出单位工作簿…', '合并单位工作簿…', '退出']);
    expect(m.item('文件', '新建…').accelerator).toBe('CmdOrCtrl+N');
    expect(m.item('文件', '打开…').accelerator).toBe('CmdOrCtrl+O');
    expect(m.item('文件', '另存为…').accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(m.item('文件', '导入明细…').accelerator).toBe('CmdOrCtrl+I');
    expect(m.item('文件', '导出 Excel…').accelerator).toBe('CmdOrCtrl+E');
    expect(m.item('文件', '退出')).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' });
  });

  it('编辑 has 撤销, 重做 and 查找 (with the usual editing commands in Chinese)', () => {
    expect(labels(m.menu('编辑'))).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选', '查找…']);
    expect(m.item('编辑', '撤销').accelerator).toBe('CmdOrCtrl+Z');
    expect(m.item('编辑', '重做').accelerator).toBe('CmdOrCtrl+Y');
    // The page handles these keys itself (text fields included); the menu only shows them.
    expect(m.item('编辑', '撤销').registerAccelerator).toBe(false);
    expect(m.item('编辑', '重做').registerAccelerator).toBe(false);
    expect(m.item('编辑', '查找…').accelerator).toBe('CmdOrCtrl+F');
    expect(m.item('编辑', '复制').role).toBe('copy');
  });

  it('视图 switches the screens, zooms and goes full screen; no developer tools unless asked', () => {
    expect(labels(m.menu('视图'))).toEqual(['明细', '公开表', '审核', '变动分析', '编制说明', '导出', '基本信息', '人员与标准', '附表', '实际大小', '放大', '缩小', '全屏']);
    const window = { id: 3 };
    expect(m.click('视图', '审核', window)).toEqual(['send', window, { command: 'showTab', tab: '审核' }]);
    expect(m.menu('视图')[0].accelerator).toBe('CmdOrCtrl+1');
    expect(labels(setup('win32', [], true).menu('视图'))).toContain('开发者工具');
  });

  it('帮助 has the shortcuts (F1, shown by the screen) and 关于', () => {
    expect(labels(m.menu('帮助'))).toEqual(['快捷键与金额写法', '关于预算编制工作台']);
    const window = { id: 7 };
    expect(m.click('帮助', '快捷键与金额写法', window)).toEqual(['send', window, { command: 'help' }]);
    expect(m.click('帮助', '关于预算编制工作台')).toEqual(['about']);
  });

  it('passes 撤销, 重做, 查找 and 导出 to the focused window’s screen', () => {
    const window = { id: 7 };
    expect(m.click('编辑', '撤销', window)).toEqual(['send', window, { command: 'undo' }]);
    expect(m.click('编辑', '重做', window)).toEqual(['send', window, { command: 'redo' }]);
    expect(m.click('编辑', '查找…', window)).toEqual(['send', window, { command: 'find' }]);
    expect(m.click('文件', '导出 Excel…', window)).toEqual(['send', window, { command: 'exportExcel' }]);
    expect(m.click('文件', '导出单位工作簿…', window)).toEqual(['send', window, { command: 'exportUnitFile' }]);
    expect(m.click('文件', '合并单位工作簿…', window)).toEqual(['send', window, { command: 'mergeUnitFiles' }]);
    // the screen's import dialog opens; it asks main for the file (the open dialog) when the person chooses one
    expect(m.click('文件', '导入明细…', window)).toEqual(['send', window, { command: 'import', kind: 'lines' }]);
    expect(m.click('文件', '导入上年公开表…', window)).toEqual(['send', window, { command: 'import', kind: 'baseline' }]);
    expect(m.click('文件', '导入科目表…', window)).toEqual(['send', window, { command: 'import', kind: 'catalog' }]);
  });

  it('runs 新建, 打开 and 另存为 in main', () => {
    const window = { id: 3 };
    expect(m.click('文件', '新建…')).toEqual(['new']);
    expect(m.click('文件', '打开…')).toEqual(['open']);
    expect(m.click('文件', '另存为…', window)).toEqual(['saveAs', window]);
  });

  it('every label is Chinese', () => {
    const all: string[] = [];
    const walk = (items: MenuItemConstructorOptions[]) =>
      items.forEach((i) => {
        if (i.label) all.push(i.label);
        if (Array.isArray(i.submenu)) walk(i.submenu);
      });
    walk(setup('win32', [], true).template);
    walk(setup('darwin', [], true).template);
    for (const label of all) expect(label, label).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('最近打开', () => {
  it('lists the recent workbooks, newest first, and opens the one chosen', () => {
    const m = setup('linux', ['/home/a/二〇二六.budget', '/home/a/旧.budget']);
    const recent = m.item('文件', '最近打开').submenu as MenuItemConstructorOptions[];
    expect(labels(recent)).toEqual(['/home/a/二〇二六.budget', '/home/a/旧.budget', '清除列表']);
    (recent[1].click as () => void)();
    expect(m.calls.at(-1)).toEqual(['recent', '/home/a/旧.budget']);
    (recent.at(-1)!.click as () => void)();
    expect(m.calls.at(-1)).toEqual(['clearRecent']);
  });

  it('says so when there is none', () => {
    const recent = setup('linux').item('文件', '最近打开').submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([{ label: '（无）', enabled: false }]);
  });
});

describe('the menu on macOS', () => {
  const m = setup('darwin');

  it('starts with the application menu (关于, 退出) and has 窗口', () => {
    expect(m.template.map((t) => t.label)).toEqual(['预算编制工作台', '文件', '编辑', '视图', '窗口', '帮助']);
    expect(labels(m.menu('预算编制工作台'))).toEqual(['关于预算编制工作台', '隐藏预算编制工作台', '隐藏其他', '全部显示', '退出']);
    expect(labels(m.menu('文件'))).not.toContain('退出');
  });

  it('redoes with Shift+Cmd+Z, the menu taking the keys', () => {
    expect(m.item('编辑', '重做').accelerator).toBe('Shift+CmdOrCtrl+Z');
    expect(m.item('编辑', '撤销').registerAccelerator).toBe(true);
  });
});
