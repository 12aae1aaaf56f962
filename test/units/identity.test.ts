import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { WorkbookContent } from '../../main/workbook/content';
import { WorkbookFile } from '../../main/workbook/file';
import { migrate, newDatabase } from '../../main/workbook/openFile';
import { readWorkbookFile } from '../../main/workbook/readOnly';
import { MIGRATIONS } from '../../main/workbook/schema';
import { useTempDir } from '../workbook/tempDir';
import { fingerprint } from './departments';

/** A workbook file of the first format (before files had an identity). */
function firstFormatFile(path: string): void {
  const db = newDatabase(path);
  migrate(db, MIGRATIONS.slice(0, 1), 0);
  db.prepare('INSERT INTO meta (only, department, year, next_line_id, undo_cursor, revision) VALUES (1, ?, ?, 31, 0, 0)').run('上海市宝山区城市运行管理中心', 2024);
  new WorkbookContent(db).writeAll(sampleWorkbook());
  db.close();
}

describe('a file’s identity', () => {
  const temp = useTempDir();

  it('every new file has its own; a file of the first format is read as it is, and gets one when opened for work', () => {
    const dir = temp();
    const a = WorkbookFile.create(join(dir, 'a.budget'), sampleWorkbook());
    const b = WorkbookFile.create(join(dir, 'b.budget'), sampleWorkbook());
    expect(a.fileId).toMatch(/^[0-9a-f]{32}$/);
    expect(b.fileId).not.toBe(a.fileId);
    expect([a.unitFrame, b.unitFrame]).toEqual([null, null]);
    a.close();
    b.close();

    const old = join(dir, 'old.budget');
    firstFormatFile(old);
    const print = fingerprint(old);
    expect(readWorkbookFile(old)).toMatchObject({ fileId: null, unitFrame: null, revision: 0, workbook: { lines: sampleWorkbook().lines } });
    expect(fingerprint(old)).toBe(print);
    const opened = WorkbookFile.open(old);
    expect(opened.fileId).toMatch(/^[0-9a-f]{32}$/);
    expect(opened.workbook()).toEqual(sampleWorkbook());
    const id = opened.fileId;
    opened.close();
    const again = WorkbookFile.open(old);
    expect(again.fileId).toBe(id);
    again.close();
  });
});
