import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LineFields } from '../../shared/core/edits';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { WorkbookFile } from '../../main/workbook/file';
import { MIGRATIONS } from '../../main/workbook/schema';
import { UserError } from '../../main/io/userError';
import { useTempDir } from './tempDir';

const temp = useTempDir();

function sampleFile(name = 'a.budget'): { path: string; file: WorkbookFile } {
  const path = join(temp(), name);
  return { path, file: WorkbookFile.create(path, sampleWorkbook()) };
}

function reopen(file: WorkbookFile): WorkbookFile {
  file.close();
  return WorkbookFile.open(file.path);
}

const pasted = (n: number): LineFields[] =>
  Array.from({ length: n }, (_, i) => ({
    unit: '粘贴单位',
    functionCode: '2120199',
    economicCode: '30201',
    kind: '基本支出' as const,
    source: '一般公共预算财政拨款' as const,
    project: '',
    amount: 100 * (i + 1),
    ...(i % 3 === 0 ? { note: `第 ${i + 1} 行` } : {}),
  }));

describe('a workbook file', () => {
  it('holds the whole workbook: reopened, it is the workbook it was created with', () => {
    const { file } = sampleFile();
    const again = reopen(file);
    expect(again.workbook()).toEqual(sampleWorkbook());
    expect(again.snapshot()).toMatchObject({ fileName: 'a.budget', revision: 0, canUndo: false, canRedo: false });
    again.close();
  });

  it('is a SQLite file with the workbook application id, amounts in INTEGER fen, and no -wal left after close', () => {
    const { path, file } = sampleFile();
    file.close();
    expect(readdirSync(temp())).toEqual(['a.budget']);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(0x42444754);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare("SELECT typeof(amount_fen) AS t, count(*) AS n FROM lines GROUP BY 1").all()).toEqual([{ t: 'integer', n: 30 }]);
    db.close();
  });

  it('saves every edit before the call returns, and keeps other connections out while open', () => {
    const { path, file } = sampleFile();
    const first = file.workbook().lines[0];
    file.edit({ op: 'updateLines', changes: [{ id: first.id, set: { amount: 123_45 } }] });
    const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 0 });
    expect(() => db.prepare('SELECT 1 FROM lines').get()).toThrow(/locked/);
    db.close();
    file.close();
    const check = new Database(path, { readonly: true });
    expect(check.prepare('SELECT amount_fen FROM lines WHERE id = ?').pluck().get(first.id)).toBe(123_45);
    check.close();
  });

  it('gives new lines the next ids, never reusing the id of a deleted line', () => {
    const { file } = sampleFile();
    const r1 = file.edit({ op: 'insertLines', lines: pasted(2) });
    expect(r1.applied).toMatchObject({ op: 'insertLines', lines: [{ id: 31 }, { id: 32 }] });
    file.edit({ op: 'deleteLines', ids: [32] });
    const again = reopen(file);
    const r2 = again.edit({ op: 'insertLines', lines: pasted(1) });
    expect(r2.applied).toMatchObject({ op: 'insertLines', lines: [{ id: 33 }] });
    again.close();
  });

  it('undoes and redoes edits, and keeps them and the undo history across closing and reopening', () => {
    const { file } = sampleFile();
    const original = file.workbook();
    const id = original.lines[3].id;
    file.edit({ op: 'updateLines', changes: [{ id, set: { amount: 1, note: '改过' } }] });
    file.edit({ op: 'updateLines', changes: [{ id, set: { note: undefined } }] });
    file.edit({ op: 'setTexts', texts: { ...original.texts, glossary: '新的名词解释' } });
    const edited = file.workbook();
    let f = reopen(file);
    expect(f.workbook()).toEqual(edited);
    expect(f.snapshot()).toMatchObject({ revision: 3, canUndo: true, canRedo: false });

    expect(f.undo()?.applied).toEqual({ op: 'setTexts', texts: original.texts });
    const undoneClear = f.undo();
    expect(undoneClear?.applied).toEqual({ op: 'updateLines', changes: [{ id, set: { note: '改过' } }] });
    f = reopen(f);
    expect(f.workbook().lines[3]).toEqual({ ...original.lines[3], amount: 1, note: '改过' });
    expect(f.undo()).toMatchObject({ revision: 6, canUndo: false, canRedo: true });
    expect(f.workbook()).toEqual(original);
    expect(f.undo()).toBeNull();

    f = reopen(f);
    expect(f.workbook()).toEqual(original);
    f.redo();
    f.redo();
    // The redone clearing of the note must clear it again, also from the log read back from the file.
    expect(f.workbook().lines[3]).toEqual({ ...original.lines[3], amount: 1 });
    expect(f.redo()?.canRedo).toBe(false);
    expect(f.workbook()).toEqual(edited);
    expect(f.redo()).toBeNull();
    f.close();
  });

  it('undoes a 1,000-row paste in one step, also after reopening, and redoes it', () => {
    const { file } = sampleFile();
    const before = file.workbook();
    const paste = file.edit({ op: 'insertLines', lines: pasted(1000) });
    const after = file.workbook();
    expect(after.lines).toHaveLength(1030);
    expect(paste.revision).toBe(1);

    let f = reopen(file);
    expect(f.workbook()).toEqual(after);
    const undo = f.undo();
    expect(undo?.applied).toMatchObject({ op: 'deleteLines' });
    expect(f.workbook()).toEqual(before);
    expect(f.snapshot().canUndo).toBe(false);

    f = reopen(f);
    expect(f.workbook()).toEqual(before);
    f.redo();
    expect(f.workbook()).toEqual(after);
    f = reopen(f);
    expect(f.workbook()).toEqual(after);
    f.close();
  });

  it('drops the redo tail when a new edit follows an undo', () => {
    const { file } = sampleFile();
    file.edit({ op: 'setMeta', department: '甲部门', year: 2025 });
    file.edit({ op: 'setMeta', department: '乙部门', year: 2025 });
    file.undo();
    expect(file.snapshot().canRedo).toBe(true);
    file.edit({ op: 'setMeta', department: '丙部门', year: 2026 });
    const f = reopen(file);
    expect(f.snapshot()).toMatchObject({ canRedo: false, canUndo: true });
    expect(f.redo()).toBeNull();
    f.undo();
    expect(f.workbook().department).toBe('甲部门');
    f.close();
  });

  it('applies a batch (lines, units, baseline) as one step', () => {
    const { file } = sampleFile();
    const before = file.workbook();
    file.edit({
      op: 'batch',
      edits: [
        { op: 'insertLines', lines: pasted(3) },
        { op: 'setUnits', units: [{ name: '粘贴单位', type: '行政单位' }] },
        { op: 'setBaseline', baseline: { year: 2023, figures: { total: 5 }, lines: before.lines.slice(0, 2) } },
        { op: 'deleteLines', ids: [before.lines[29].id] },
      ],
    });
    const after = file.workbook();
    const f = reopen(file);
    expect(f.workbook()).toEqual(after);
    f.undo();
    expect(f.workbook()).toEqual(before);
    f.close();
  });

  it('refuses an edit that names a missing line, with a message, and changes nothing', () => {
    const { file } = sampleFile();
    const before = file.snapshot();
    expect(() => file.edit({ op: 'updateLines', changes: [{ id: 999, set: { amount: 1 } }] })).toThrow(UserError);
    expect(() => file.edit({ op: 'deleteLines', ids: [999] })).toThrow('修改未保存：要删除的明细不存在');
    expect(file.snapshot()).toEqual(before);
    const f = reopen(file);
    expect(f.snapshot()).toEqual(before);
    f.close();
  });

  it('reports a write the disk refuses, and keeps the file and the workbook as they were', () => {
    const { file } = sampleFile();
    // A full disk, as SQLite sees it: the database may not grow by another page.
    const db = (file as unknown as { db: Database.Database }).db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    const before = file.snapshot();
    expect(() => file.edit({ op: 'insertLines', lines: pasted(1000) })).toThrow('修改未保存：磁盘空间不足。a.budget 仍是这次修改之前的样子；请排除问题后重试。');
    expect(file.snapshot()).toEqual(before);
    const f = reopen(file);
    expect(f.snapshot()).toEqual(before);
    expect(f.edit({ op: 'insertLines', lines: pasted(1000) }).applied).toMatchObject({ lines: expect.arrayContaining([expect.objectContaining({ id: 31 })]) });
    f.close();
  });

  it('says a write SQLite refuses for its data (UNIQUE, NOT NULL…) in Chinese, and changes nothing', () => {
    const { file } = sampleFile();
    // The file's next line id taken behind its back (as a second writer would): the insert collides.
    const db = (file as unknown as { db: Database.Database }).db;
    db.prepare("INSERT INTO lines (id, seq, unit, function_code, economic_code, kind, source, project, amount_fen) SELECT 31, 1000, unit, function_code, economic_code, kind, source, project, 1 FROM lines LIMIT 1").run();
    const before = file.snapshot();
    let message = '';
    try {
      file.edit({ op: 'insertLines', lines: pasted(1) });
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      message = (e as Error).message;
    }
    expect(message).toBe('修改未保存：文件中已有的数据与这次修改冲突，文件可能已损坏（可先另存一份，再改用备份）。a.budget 仍是这次修改之前的样子；请排除问题后重试。');
    expect(file.snapshot()).toEqual(before);
    file.close();
  });

  it('refuses to create over an existing file', () => {
    const { path, file } = sampleFile();
    file.close();
    expect(() => WorkbookFile.create(path, { department: '甲', year: 2025 })).toThrow('a.budget 已存在，未覆盖');
    const f = WorkbookFile.open(path);
    expect(f.workbook().department).toBe(sampleWorkbook().department);
    f.close();
  });

  it('creates an empty workbook of a department and year', () => {
    const path = join(temp(), 'new.budget');
    const f = WorkbookFile.create(path, { department: '某某局', year: 2026 });
    expect(f.workbook()).toMatchObject({ department: '某某局', year: 2026, lines: [], baseline: { year: 2025, figures: {} } });
    expect(f.edit({ op: 'insertLines', lines: pasted(1) }).applied).toMatchObject({ lines: [{ id: 1 }] });
    f.close();
  });
});

describe('versions', () => {
  it('keeps the workbook as marked, lists versions, and survives reopening', () => {
    const { file } = sampleFile();
    const v1 = file.markVersion('  报送稿 2024-11-20 ');
    expect(v1).toMatchObject({ id: 1, label: '报送稿 2024-11-20' });
    expect(v1.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    const marked = file.workbook();
    file.edit({ op: 'insertLines', lines: pasted(5) });
    const v2 = file.markVersion('修改稿');
    const f = reopen(file);
    expect(f.versions()).toEqual([v1, v2]);
    expect(f.workbookAtVersion(v1.id)).toEqual(marked);
    expect(f.workbookAtVersion(v2.id).lines).toHaveLength(35);
    f.close();
  });

  it('refuses an empty, a duplicate or an overlong label, and an unknown version', () => {
    const { file } = sampleFile();
    file.markVersion('报送稿');
    expect(() => file.markVersion('  ')).toThrow('版本名称不能为空');
    expect(() => file.markVersion('报送稿')).toThrow('已有名为“报送稿”的版本，请换一个名称。');
    expect(() => file.markVersion('长'.repeat(101))).toThrow('版本名称太长');
    expect(() => file.workbookAtVersion(7)).toThrow('没有编号为 7 的版本');
    expect(file.versions()).toHaveLength(1);
    file.close();
  });
});
