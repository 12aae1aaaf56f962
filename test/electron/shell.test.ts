import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMain } from '../../build/scripts/build-main';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';
import { NATIVE_FILE, NATIVE_HASH, nativeDir, sha256 } from '../../main/electron/nativeBinding';
import { WorkbookFile } from '../../main/workbook/file';

// The bundled main process, run under Node with a fake 'electron' (test/electron/shell/). Under
// Node, the "addon built for Electron" it loads is node_modules' build for Node, copied to where the
// app looks for it: so this also runs the path by which main finds better-sqlite3's addon.
const base = mkdtempSync(join(tmpdir(), 'budget-shell-'));
const appPath = join(base, 'app');
const userData = join(base, 'userData');
const documents = join(base, 'documents');
const workbook = join(documents, '区财政局.budget');
const goodCsv = join(documents, '明细.csv');
const badCsv = join(documents, '有错的明细.csv');
const nodeAddon = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', NATIVE_FILE);
let mainPath = '';

beforeAll(async () => {
  mainPath = join(await buildMain(join(base, 'main')), 'main.cjs');
  mkdirSync(join(appPath, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>预算编制工作台</title>');
  const native = nativeDir(appPath, process.platform, process.arch);
  mkdirSync(native, { recursive: true });
  copyFileSync(nodeAddon, join(native, NATIVE_FILE));
  writeFileSync(join(native, NATIVE_HASH), `${sha256(nodeAddon)}\n`);
  mkdirSync(documents, { recursive: true });
  WorkbookFile.create(workbook, { department: '区财政局', year: 2026 }).close();
  const seed = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'reference', 'seed-2024-line-items.csv'), 'utf8');
  writeFileSync(goodCsv, seed);
  writeFileSync(badCsv, `${seed.trimEnd()}\n某单位,2080505,30108,基本支出,不存在的资金来源,,12.00\n`);
}, 60_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

function drive(scenario: string, args: string[] = [], env: Record<string, string> = {}): any {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'shell', 'drive.ts'), scenario, mainPath, appPath, userData, documents, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return JSON.parse(output.trim().split('\n').at(-1)!);
}

describe('the main process', () => {
  let run: any;
  beforeAll(() => {
    run = drive('session', [workbook, goodCsv, badCsv]);
  }, 90_000);

  it('registers app:// as a privileged, secure scheme and serves the screen with the CSP', () => {
    expect(run.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(run.page).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, body: '<!doctype html><title>预算编制工作台</title>' });
  });

  it('guards the session before any window opens', () => {
    const names = run.log.map((l: unknown[]) => l[0]);
    for (const guard of ['session.permissionRequestHandler', 'session.permissionCheckHandler', 'session.devicePermissionHandler', 'session.onBeforeRequest', 'session.onHeadersReceived']) {
      expect(names).toContain(guard);
    }
  });

  it('opens the workbook named on the command line in a sandboxed window titled with its name', () => {
    expect(run.window.title).toBe('区财政局.budget - 预算编制工作台');
    expect(run.window.url).toBe('app://budget/index.html');
    expect(run.window.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(run.window.webPreferences.preload).toMatch(/preload\.cjs$/);
    expect(run.snapshot).toBe('区财政局');
  });

  it('answers the screen’s calls on its workbook and refuses bad ones', () => {
    expect(run.edit).toMatchObject({ ok: true, value: { revision: 1 } });
    expect(run.refused.ok).toBe(false);
    expect(run.refused.message).toMatch(/参数无效/);
    expect(run.foreign).toEqual({ ok: false, message: '拒绝来自应用以外页面的调用' });
  });

  it('brings the window forward when the OS opens the same file again', () => {
    expect(run.windowsAfterSecondInstance).toBe(1);
  });

  it('passes 撤销 from the menu to the screen', () => {
    expect(run.sent).toEqual([['budget:menu', { command: 'undo' }]]);
  });

  it('导入明细 asks for the file with the open dialog, then adds every line as one edit', () => {
    expect(run.linesAfterImport).toBe(30);
    expect(run.importGood).toMatchObject({ status: 'imported', source: '明细.csv', count: 30, summary: '已从 明细.csv 导入 30 条明细（加在原有明细之后）', result: { revision: 2, inserted: 30 } });
    const open = run.log.find((l: unknown[]) => l[0] === 'dialog.open');
    expect(open[1]).toMatchObject({ title: '导入明细', properties: ['openFile'], filters: [{ extensions: ['xlsx', 'csv'] }] });
  });

  it('导入明细 of a file with a bad row imports nothing and lists the row; a cancelled dialog or a folder changes nothing either', () => {
    expect(run.linesAfterBadImport).toBe(30);
    expect(run.importBad).toMatchObject({ status: 'refused', source: '有错的明细.csv', problems: [{ row: 32, column: '资金来源', message: '资金来源“不存在的资金来源”无效' }] });
    expect(run.importBad.problems[0].fix).toMatch(/^应为：一般公共预算财政拨款/);
    expect(run.importCancelled).toEqual({ status: 'cancelled' });
    expect(run.importFolder).toMatchObject({ status: 'refused', problems: [{ message: 'documents 不是文件（是文件夹或设备）', fix: '请选择要导入的 .xlsx 或 .csv 文件' }] });
  });

  it('the 文件 menu’s imports open the screen’s import dialog', () => {
    expect(run.importMenu).toEqual(['budget:menu', { command: 'import', kind: 'baseline' }]);
  });

  it('exports Excel where the user chose, then offers to show the file', () => {
    expect(run.exported).toEqual({ ok: true, value: { savedTo: join(documents, '导出.xlsx') } });
    expect(run.xlsxWritten).toBe(true);
    expect(run.log).toContainEqual(['shell.showItemInFolder', join(documents, '导出.xlsx')]);
    const save = run.log.find((l: unknown[]) => l[0] === 'dialog.save');
    expect(save[1]).toMatchObject({ title: '导出 Excel', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
    expect(save[1].defaultPath).toMatch(/区教育局2027年部门预算公开表\.xlsx$/);
  });

  it('另存为 goes on with a copy that has every change, and remembers it', () => {
    expect(run.titleAfterSaveAs).toBe('副本.budget - 预算编制工作台');
    expect(run.copyDepartment).toBe('区教育局');
    expect(run.recent).toEqual([join(documents, '副本.budget'), workbook]);
    expect(run.recentMenu.slice(0, 2)).toEqual([join(documents, '副本.budget'), workbook]);
    expect(run.log).toContainEqual(['app.addRecentDocument', join(documents, '副本.budget')]);
  });

  it('takes a file from macOS’s open-file event, bringing forward the window that has it', () => {
    expect(run.openFileFocused).toBe(true);
    expect(run.log).toContainEqual(['open-file prevented']);
  });

  it('opens another file in a window of its own, and again after its window closed', () => {
    expect(run.secondTitle).toBe('区财政局.budget - 预算编制工作台');
    expect(run.reopened).toBe(true);
    expect(run.errors).toEqual([]);
  });
});

describe('started while another instance runs', () => {
  it('quits at once without a window or a handler (the running instance gets the file)', () => {
    const run = drive('second', [workbook], { ANOTHER_INSTANCE: '1' });
    expect(run.log).toEqual([['app.quit']]);
    expect(run.windows).toBe(0);
    expect(run.ipcHandlers).toBe(0);
  }, 60_000);
});

describe('started without a workbook', () => {
  it('offers 新建 or 打开, and quits when the user declines', () => {
    const run = drive('welcome');
    const box = run.log.find((l: unknown[]) => l[0] === 'dialog.message');
    expect(box[1]).toMatchObject({ message: '新建一个预算工作簿，或打开已有的工作簿。', buttons: ['新建…', '打开…', '退出'] });
    expect(run.windows).toBe(0);
    expect(run.log).toContainEqual(['app.quit']);
  }, 60_000);
});

describe('新建', () => {
  it('makes an empty workbook for next year under the chosen name, replacing the file there', () => {
    const path = join(documents, '替换.budget');
    writeFileSync(path, 'an old file the user chose to replace');
    const run = drive('new', [], { NEW_WORKBOOK: path });
    expect(run.errors).toEqual([]);
    expect(run.title).toBe('替换.budget - 预算编制工作台');
    expect(run.snapshot).toMatchObject({ department: '未命名部门', year: new Date().getFullYear() + 1, lines: [] });
    expect(readFileSync(path).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(readdirSync(documents).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 60_000);
});

describe('the SQLite addon outside the asar', () => {
  it('is checked against the hash written when it was built: a changed addon stops the start, said in Chinese', () => {
    const tampered = join(base, 'tampered');
    mkdirSync(join(tampered, 'dist', 'renderer'), { recursive: true });
    const native = nativeDir(tampered, process.platform, process.arch);
    mkdirSync(native, { recursive: true });
    const addon = readFileSync(nodeAddon);
    writeFileSync(join(native, NATIVE_HASH), `${sha256(nodeAddon)}\n`);
    addon[addon.length - 1] ^= 1; // one byte changed
    writeFileSync(join(native, NATIVE_FILE), addon);
    const output = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'shell', 'drive.ts'), 'refused', mainPath, tampered, join(base, 'userData2'), documents], { encoding: 'utf8', timeout: 60_000 });
    const run = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(run.windows).toBe(0);
    expect(run.log).toContainEqual(['app.exit', 1]);
    const error = run.log.find((l: unknown[]) => l[0] === 'dialog.error');
    expect(error[1]).toBe('预算编制工作台无法启动');
    expect(error[2]).toMatch(/^程序所需的数据库组件（.+better_sqlite3\.node）与安装时的不一致（可能被改动或已损坏），为保护工作簿，预算编制工作台不再启动。/);
  }, 90_000);
});
