import Database from 'better-sqlite3';
import { copyFileSync, openSync, closeSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbookFile } from '../../main/workbook/file';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { useTempDir } from './tempDir';

const temp = useTempDir();

describe('a checkpoint cut short by a crash', () => {
  it('leaves a file unreadable without its own -wal: it opens with the log, every edit there', () => {
    const dir = temp();
    const path = join(dir, 'a.budget');
    const file = WorkbookFile.create(path, sampleWorkbook());
    file.edit({ op: 'setMeta', department: '已确认的修改', year: 2025 });
    const expected = file.workbook();
    file.close();

    // A write that puts every page of the file into the -wal (VACUUM), copied as a crash would leave it
    // while the log is not yet folded in; then half a checkpoint: the page of the file's identity overwritten.
    const db = new Database(path);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const identityPage = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'identity'").pluck().get() as number;
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('VACUUM');
    const crashed = join(dir, 'crashed.budget');
    copyFileSync(path, crashed);
    copyFileSync(`${path}-wal`, `${crashed}-wal`);
    db.close();
    expect(statSync(`${crashed}-wal`).size).toBeGreaterThan(0);
    const fd = openSync(crashed, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (identityPage - 1) * pageSize);
    closeSync(fd);

    const opened = WorkbookFile.open(crashed);
    expect(opened.workbook()).toEqual(expected);
    opened.close();
  });
});
