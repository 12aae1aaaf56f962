import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbookFile } from '../../main/workbook/file';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { useTempDir } from '../workbook/tempDir';

const temp = useTempDir();

describe('undo, undo, then a new edit drops the whole redo tail', () => {
  it('in memory, in the file, and after reopening', () => {
    const path = join(temp(), 'tail.budget');
    const file = WorkbookFile.create(path, sampleWorkbook());
    const department = (f: WorkbookFile) => f.workbook().department;
    file.edit({ op: 'setMeta', department: '甲', year: 2024 });
    file.edit({ op: 'setMeta', department: '乙', year: 2024 });
    file.edit({ op: 'setMeta', department: '丙', year: 2024 });
    file.undo();
    file.undo();
    expect(department(file)).toBe('甲');
    expect(file.edit({ op: 'setMeta', department: '丁', year: 2024 })).toMatchObject({ canUndo: true, canRedo: false });
    expect(file.redo()).toBeNull();
    expect(department(file)).toBe('丁');
    file.close();

    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM edit_log').pluck().get()).toBe(2);
    raw.close();

    const again = WorkbookFile.open(path);
    expect(again.snapshot()).toMatchObject({ canRedo: false, canUndo: true });
    expect(again.redo()).toBeNull();
    again.undo();
    expect(department(again)).toBe('甲');
    again.undo();
    expect(department(again)).toBe(sampleWorkbook().department);
    expect(again.undo()).toBeNull();
    again.close();
  });
});
