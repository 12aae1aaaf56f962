import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyWorkbook, createWorkbookAt } from '../../main/electron/workbookFiles';
import { Documents } from '../../main/electron/documents';
import { excelFileName } from '../../main/electron/fileNames';
import { workbookPathsFromArgv } from '../../main/electron/launchArgs';
import { MAX_RECENT, readRecent, withRecent, writeRecent } from '../../main/electron/recent';
import { WorkbookFile } from '../../main/workbook/file';

const dir = mkdtempSync(join(tmpdir(), 'budget-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workbooks named on the command line', () => {
  it('are the .budget arguments, made absolute; switches and other arguments are ignored', () => {
    const argv = ['.', '--inspect=9229', '--allow-file-access-from-files', '部门预算.budget', '/data/旧年度.BUDGET', 'notes.txt'];
    expect(workbookPathsFromArgv(argv, '/home/a')).toEqual(['/home/a/部门预算.budget', '/data/旧年度.BUDGET']);
    expect(workbookPathsFromArgv([], '/home/a')).toEqual([]);
  });
});

describe('最近打开', () => {
  it('puts the latest first, without repeats, at most ten', () => {
    let list: string[] = [];
    for (let i = 0; i < 12; i++) list = withRecent(list, `/w/${i}.budget`);
    list = withRecent(list, '/w/5.budget');
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe('/w/5.budget');
    expect(list.filter((p) => p === '/w/5.budget')).toHaveLength(1);
    expect(list).not.toContain('/w/0.budget');
  });

  it('is kept in a JSON file and read back without files that are gone', () => {
    const a = join(dir, 'a.budget');
    writeFileSync(a, '');
    const file = join(dir, 'userData', 'recent.json');
    writeRecent(file, [a, join(dir, 'gone.budget')]);
    expect(readRecent(file)).toEqual([a]);
  });

  it('reads as empty when the file is missing or not a list of paths', () => {
    expect(readRecent(join(dir, 'none.json'))).toEqual([]);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"a":1}');
    expect(readRecent(bad)).toEqual([]);
    writeFileSync(bad, 'not json');
    expect(readRecent(bad)).toEqual([]);
  });
});

describe('the open workbooks', () => {
  const win = (id: number) => ({ webContents: { id } });

  it('are found by path (to focus the window that has it) and by the window’s contents', () => {
    const docs = new Documents<ReturnType<typeof win>, string>(false);
    const doc = { path: '/w/a.budget', window: win(1), file: 'A' };
    docs.add(doc);
    expect(docs.find('/w/../w/a.budget')).toBe(doc);
    expect(docs.find('/w/A.budget')).toBeUndefined();
    expect(docs.ofContents(1)).toBe(doc);
    expect(docs.ofContents(2)).toBeUndefined();
    expect(docs.ofWindow(doc.window)).toBe(doc);
    expect(() => docs.add({ ...doc, window: win(2) })).toThrow('工作簿已打开');
    docs.remove(doc);
    expect(docs.size).toBe(0);
  });

  it('compare paths without case where the file system does', () => {
    const docs = new Documents<ReturnType<typeof win>, string>(true);
    docs.add({ path: '/w/a.budget', window: win(1), file: 'A' });
    expect(docs.find('/W/A.BUDGET')?.file).toBe('A');
  });
});

describe('the exported file’s suggested name', () => {
  it('names the department or the unit and the year', () => {
    expect(excelFileName({ department: '区教育局', year: 2026 }, undefined)).toBe('区教育局2026年部门预算公开表.xlsx');
    expect(excelFileName({ department: '区教育局', year: 2026 }, '第一中学')).toBe('第一中学2026年单位预算公开表.xlsx');
  });

  it('has no character a file name cannot hold', () => {
    expect(excelFileName({ department: '甲/乙:丙*?', year: 2026 }, undefined)).toBe('甲_乙_丙__2026年部门预算公开表.xlsx');
  });
});

describe('另存为 copies', () => {
  it('write the whole file under the new name, replacing what was there, and leave no temporary file', async () => {
    const source = join(dir, 'src.budget');
    const target = join(dir, 'copy.budget');
    writeFileSync(source, 'workbook bytes');
    writeFileSync(target, 'old');
    await copyWorkbook(source, target);
    expect(readFileSync(target, 'utf8')).toBe('workbook bytes');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuse a target whose write-ahead log is beside it', async () => {
    const source = join(dir, 'src2.budget');
    const target = join(dir, 'busy.budget');
    writeFileSync(source, 'new');
    writeFileSync(target, 'in use');
    writeFileSync(`${target}-wal`, 'log');
    await expect(copyWorkbook(source, target)).rejects.toThrow('可能正被另一个程序使用');
    expect(readFileSync(target, 'utf8')).toBe('in use');
  });

  it('fail in Chinese when the folder does not exist, leaving nothing behind', async () => {
    const source = join(dir, 'src3.budget');
    writeFileSync(source, 'x');
    const target = join(dir, 'no-such-folder', 'x.budget');
    await expect(copyWorkbook(source, target)).rejects.toThrow('无法写入');
    expect(existsSync(target)).toBe(false);
  });
});

describe('新建 files', () => {
  it('are empty workbooks of the department and year given', async () => {
    const path = join(dir, '新.budget');
    await createWorkbookAt(path, { department: '区卫健委', year: 2027 });
    const file = WorkbookFile.open(path);
    expect(file.workbook()).toMatchObject({ department: '区卫健委', year: 2027, lines: [] });
    file.close();
  });

  it('replace a file already there only once the new workbook is complete, leaving nothing beside it', async () => {
    const path = join(dir, '旧文件.budget');
    writeFileSync(path, 'whatever was there');
    await createWorkbookAt(path, { department: '区卫健委', year: 2027 });
    const file = WorkbookFile.open(path);
    expect(file.workbook().department).toBe('区卫健委');
    file.close();
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
