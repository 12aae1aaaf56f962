import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCallHandler, type CallEvent } from '../../main/electron/ipc';
import { WorkbookFile } from '../../main/workbook/file';
import type { CallTarget } from '../../main/workbookCalls';

const dir = mkdtempSync(join(tmpdir(), 'budget-ipc-'));
const file = WorkbookFile.create(join(dir, '区财政局.budget'), { department: '区财政局', year: 2026 });
afterAll(() => {
  file.close();
  rmSync(dir, { recursive: true, force: true });
});

const exports: unknown[] = [];
const target: CallTarget = {
  file,
  exportExcel: async (request) => {
    exports.push(request);
    return { savedTo: '/tmp/x.xlsx' };
  },
  exportUnitFile: async () => ({ savedTo: null }),
};
const WINDOW = 12;
const handle = createCallHandler((id) => (id === WINDOW ? target : undefined));
const from = (url: string, options: { contents?: number; subframe?: boolean } = {}): CallEvent => ({
  sender: { id: options.contents ?? WINDOW },
  senderFrame: { url, parent: options.subframe ? {} : null },
});
const APP = 'app://budget/index.html';

describe('the call handler', () => {
  it('runs a valid call on the window’s workbook', async () => {
    const reply = await handle(from(APP), 'workbook.snapshot', []);
    expect(reply.ok).toBe(true);
    expect(reply.ok && (reply.value as { workbook: { department: string } }).workbook.department).toBe('区财政局');
  });

  it('passes edits through and reports what they did', async () => {
    const reply = await handle(from(APP), 'workbook.edit', [{ op: 'setMeta', department: '区教育局', year: 2027 }]);
    expect(reply).toMatchObject({ ok: true, value: { revision: 1, canUndo: true } });
    expect(file.workbook().department).toBe('区教育局');
  });

  it('hands 导出 Excel to the host with the unit asked for', async () => {
    const reply = await handle(from(APP), 'excel.export', [{ unit: '区教育局机关' }]);
    expect(reply).toEqual({ ok: true, value: { savedTo: '/tmp/x.xlsx' } });
    expect(exports.at(-1)).toEqual({ unit: '区教育局机关' });
  });

  it('refuses an unknown call, in Chinese', async () => {
    expect(await handle(from(APP), 'fs.readFile', ['/etc/passwd'])).toEqual({ ok: false, message: '未知的调用：fs.readFile' });
    expect(await handle(from(APP), '__proto__', [])).toMatchObject({ ok: false, message: expect.stringContaining('未知的调用') });
    expect(await handle(from(APP), 42, [])).toMatchObject({ ok: false, message: expect.stringContaining('未知的调用') });
  });

  it('refuses bad arguments and leaves the file alone', async () => {
    const revision = file.snapshot().revision;
    const bad = [
      ['workbook.edit', [{ op: 'setMeta', department: '', year: 2027 }]],
      ['workbook.edit', [{ op: 'dropTable' }]],
      ['workbook.edit', [{ op: 'setMeta', department: '甲', year: 2027, extra: 1 }]],
      ['workbook.undo', [1]],
      ['versions.workbook', ['1']],
      ['workbook.snapshot', 'not an array'],
    ] as const;
    for (const [name, args] of bad) {
      const reply = await handle(from(APP), name, args);
      expect(reply.ok, `${name} ${JSON.stringify(args)}`).toBe(false);
      expect(!reply.ok && reply.message).toMatch(/调用 .* 的参数无效/);
    }
    expect(file.snapshot().revision).toBe(revision);
  });

  it('refuses calls from any page that is not the app’s, and from frames inside it', async () => {
    for (const url of ['https://example.com/', 'file:///home/a/index.html', 'app://other/index.html', 'http://127.0.0.1:5173/', '']) {
      expect(await handle(from(url), 'workbook.snapshot', [])).toEqual({ ok: false, message: '拒绝来自应用以外页面的调用' });
    }
    expect(await handle(from(APP, { subframe: true }), 'workbook.snapshot', [])).toEqual({ ok: false, message: '拒绝来自应用以外页面的调用' });
    expect(await handle({ sender: { id: WINDOW }, senderFrame: null }, 'workbook.snapshot', [])).toMatchObject({ ok: false });
  });

  it('refuses a window without a workbook', async () => {
    expect(await handle(from(APP, { contents: 99 }), 'workbook.snapshot', [])).toEqual({ ok: false, message: '此窗口没有打开的工作簿' });
  });

  it('returns the workbook’s own refusals as messages', async () => {
    const reply = await handle(from(APP), 'workbook.edit', [{ op: 'deleteLines', ids: [424242] }]);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
