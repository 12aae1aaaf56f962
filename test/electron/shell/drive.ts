// Runs the bundled main process under plain Node with the fake 'electron', drives it through a
// session (as test/electron/shell.test.ts asks) and prints what happened as JSON.
//   node --import tsx drive.ts <scenario> <main.cjs> <appPath> <userData> <documents> [workbook.budget good.csv bad.csv]
import Module, { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeElectron } from './fakeElectron';

const [scenario, mainPath, appPath, userData, documents] = process.argv.slice(2);
const fake = fakeElectron({ appPath, userData, documents });
const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: typeof load })._load = (request, ...rest) => (request === 'electron' ? fake.electron : load(request, ...rest));

const until = async (what: string, condition: () => boolean) => {
  for (let i = 0; i < 3000; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}; log: ${JSON.stringify(fake.log)}`);
};
const APP_FRAME = { url: 'app://budget/index.html', parent: null };
const call = (window: { webContents: { id: number } }, name: string, ...args: unknown[]) =>
  fake.handlers.ipc.get('budget:call')!({ sender: { id: window.webContents.id }, senderFrame: APP_FRAME }, name, args) as Promise<{ ok: boolean; value?: any; message?: string }>;

const out: Record<string, unknown> = {};
createRequire(import.meta.url)(mainPath);

if (scenario === 'second') {
  // Another instance runs already: this one hands over (Electron passes its argv on) and quits.
  await new Promise((r) => setTimeout(r, 200));
  out.log = fake.log;
  out.windows = fake.windows.length;
  out.ipcHandlers = fake.handlers.ipc.size;
} else if (scenario === 'refused') {
  // The start is refused before anything else (the SQLite addon does not match its hash).
  await until('exit', () => fake.log.some((l) => l[0] === 'app.exit'));
  out.log = fake.log;
  out.windows = fake.windows.length;
} else if (scenario === 'welcome') {
  // Started with no workbook: the welcome box; the user chooses 退出.
  fake.answers.message.push(2);
  await until('quit', () => fake.log.some((l) => l[0] === 'app.quit'));
  out.log = fake.log;
  out.windows = fake.windows.length;
} else if (scenario === 'new') {
  // Started with no workbook: the user chooses 新建… and a name (that of an existing file, to replace).
  // The name comes in the environment: on the command line, main would open it.
  fake.answers.message.push(0);
  fake.answers.save.push({ canceled: false, filePath: process.env.NEW_WORKBOOK });
  await until('the new window', () => fake.windows.length === 1 && fake.windows[0].visible);
  out.title = fake.windows[0].title;
  out.snapshot = (await call(fake.windows[0], 'workbook.snapshot')).value.workbook;
  out.errors = fake.log.filter((l) => l[0] === 'dialog.error');
} else {
  const first = process.argv[7];
  await until('the first window', () => fake.windows.length === 1 && fake.windows[0].visible);
  const [w] = fake.windows;
  out.privileged = fake.handlers.privileged;
  out.window = { title: w.title, url: w.url, webPreferences: w.options.webPreferences };
  out.snapshot = (await call(w, 'workbook.snapshot')).value.workbook.department;
  out.edit = await call(w, 'workbook.edit', { op: 'setMeta', department: '区教育局', year: 2027 });
  out.refused = await call(w, 'workbook.edit', { op: 'setMeta', department: '', year: 2027 });
  out.foreign = await fake.handlers.ipc.get('budget:call')!({ sender: { id: w.webContents.id }, senderFrame: { url: 'https://example.com/', parent: null } }, 'workbook.snapshot', []);
  const page = (await fake.handlers.protocol.get('app')!({ url: 'app://budget/index.html', method: 'GET' })) as Response;
  out.page = { status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() };

  // The OS opens the same file again (a second instance): the window comes forward, no new one.
  const focusBefore = w.focusCount;
  fake.app.emit('second-instance', {}, ['/opt/budget/budget-workbench', first], '/');
  await until('focus', () => w.focusCount > focusBefore);
  out.windowsAfterSecondInstance = fake.windows.length;

  // 编辑 › 撤销 goes to the screen of the window it was chosen in.
  fake.menuItem('编辑', '撤销').click({}, w, {});
  out.sent = [...w.webContents.sent];

  // 导入明细 from the screen's dialog: main asks for the file with the open dialog, reads it with the
  // command line's reader, applies it as one edit; a bad file changes nothing.
  const importChosen = async (answer: { canceled: boolean; filePaths: string[] }) => {
    fake.answers.open.push(answer);
    const reply = await call(w, 'imports.run', { kind: 'lines', file: null });
    return reply.ok ? { ...reply.value, result: reply.value.result && { revision: reply.value.result.revision, inserted: reply.value.result.applied.lines.length } } : reply;
  };
  out.importGood = await importChosen({ canceled: false, filePaths: [process.argv[8]] });
  out.linesAfterImport = (await call(w, 'workbook.snapshot')).value.workbook.lines.length;
  out.importBad = await importChosen({ canceled: false, filePaths: [process.argv[9]] });
  out.importCancelled = await importChosen({ canceled: true, filePaths: [] });
  out.importFolder = await importChosen({ canceled: false, filePaths: [documents] });
  out.linesAfterBadImport = (await call(w, 'workbook.snapshot')).value.workbook.lines.length;
  out.importMenu = (fake.menuItem('文件', '导入上年公开表…').click({}, w, {}), w.webContents.sent.at(-1));

  // 导出 Excel: the save dialog, the file, the offer to show it.
  const xlsx = join(documents, '导出.xlsx');
  fake.answers.save.push({ canceled: false, filePath: xlsx });
  fake.answers.message.push(0);
  out.exported = await call(w, 'excel.export', {});
  out.xlsxWritten = existsSync(xlsx) && readFileSync(xlsx).subarray(0, 2).toString('latin1') === 'PK';

  // 另存为: the window goes on with the copy.
  const copy = join(documents, '副本.budget');
  fake.answers.save.push({ canceled: false, filePath: copy });
  fake.menuItem('文件', '另存为…').click({}, w, {});
  await until('the new title', () => w.title.startsWith('副本.budget'));
  out.titleAfterSaveAs = w.title;
  out.copyDepartment = (await call(w, 'workbook.snapshot')).value.workbook.department;
  out.recent = JSON.parse(readFileSync(join(userData, 'recent.json'), 'utf8'));
  out.recentMenu = fake.menuItem('文件', '最近打开').submenu.map((i: { label: string }) => i.label);

  // The OS opens another file: a second window. The original, released by 另存为, opens again.
  fake.app.emit('second-instance', {}, ['/opt/budget/budget-workbench', first], '/');
  await until('a second window', () => fake.windows.length === 2);
  out.secondTitle = fake.windows[1].title;

  // macOS hands a double-clicked file over with open-file.
  fake.app.emit('open-file', { preventDefault: () => fake.log.push(['open-file prevented']) }, copy);
  await until('focus of the copy', () => w.focusCount > 1);
  out.openFileFocused = fake.windows.length === 2;

  // Closing a window closes its file: it can be opened again afterwards.
  fake.windows[1].close();
  fake.app.emit('second-instance', {}, ['/opt/budget/budget-workbench', first], '/');
  await until('the reopened window', () => fake.windows.length === 2);
  out.reopened = (await call(fake.windows[1], 'workbook.snapshot')).ok;
  out.errors = fake.log.filter((l) => l[0] === 'dialog.error');
  out.log = fake.log;
}
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
