import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkbookFile } from '../../main/workbook/file';
import { openDatabase } from '../../main/workbook/openFile';
import { MIGRATIONS } from '../../main/workbook/schema';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { ROOT } from '../helpers/cli';
import { expectRefused } from './refused';
import { useTempDir } from './tempDir';

const temp = useTempDir();

/** A closed workbook file with enough lines to span many pages. */
function workbookFile(name = 'a.budget'): string {
  const path = join(temp(), name);
  const wb = sampleWorkbook();
  const lines = Array.from({ length: 2000 }, (_, i) => ({ ...wb.lines[i % wb.lines.length], id: i + 1, note: `备注 ${i}` }));
  WorkbookFile.create(path, { ...wb, lines }).close();
  return path;
}

describe('opening a file safely', () => {
  it('refuses a file that is not a workbook', () => {
    const path = join(temp(), '报告.budget');
    writeFileSync(path, '单位名称,金额\n某单位,100\n');
    expectRefused(path, '报告.budget 不是预算工作簿文件（文件内容不是工作簿格式）。请选择由预算编制工作台保存的 .budget 文件。文件未作任何改动。');
  });

  it('refuses an empty file', () => {
    const path = join(temp(), '空.budget');
    writeFileSync(path, '');
    expectRefused(path, '空.budget 不是预算工作簿文件（文件是空的）');
  });

  it('refuses a SQLite database of another program', () => {
    const path = join(temp(), 'other.budget');
    const db = new Database(path);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    expectRefused(path, 'other.budget 不是预算工作簿文件（它是 SQLite 数据库，但不是预算编制工作台的工作簿）');
  });

  it('refuses a truncated file', () => {
    const path = workbookFile();
    const size = statSync(path).size;
    truncateSync(path, Math.floor(size / 2 / 4096) * 4096);
    expectRefused(path, new RegExp(`a\\.budget 已损坏，无法打开（文件应有 ${size} 字节，实际只有 \\d+ 字节，可能在复制或邮件传输中被截断）。请改用备份或之前发出的副本。文件未作任何改动。`));
    truncateSync(path, 60);
    expectRefused(path, 'a.budget 已损坏，无法打开（文件只有 60 字节，可能在复制或邮件传输中被截断）');
  });

  it('refuses a corrupted file', () => {
    const path = workbookFile();
    const bytes = readFileSync(path);
    // Overwrite pages in the middle (the lines' b-tree) with noise; the header stays intact.
    for (let i = 4096 * 3; i < bytes.length - 4096; i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(path, bytes);
    expectRefused(path, /^a\.budget 已损坏，无法打开（.+）。请改用备份或之前发出的副本。文件未作任何改动。$/);
  });

  it('refuses a file written by a newer version of the program', () => {
    const path = workbookFile();
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expectRefused(
      path,
      `a.budget 由更新版本的预算编制工作台保存（文件格式第 ${MIGRATIONS.length + 1} 版，本程序只认识到第 ${MIGRATIONS.length} 版）。请升级预算编制工作台后再打开。文件未作任何改动。`,
    );
  });

  it('refuses a missing file and a folder', () => {
    expect(() => WorkbookFile.open(join(temp(), 'none.budget'))).toThrow(/^找不到文件 .*none\.budget。请检查文件名和所在文件夹。$/);
    const folder = join(temp(), 'folder.budget');
    mkdirSync(folder);
    expect(() => WorkbookFile.open(folder)).toThrow('folder.budget 不是预算工作簿文件（这是一个文件夹）');
  });

  it('refuses a file already open in this process (another window)', () => {
    const path = workbookFile();
    const first = WorkbookFile.open(path);
    expectRefused(path, 'a.budget 已在另一个窗口中打开（可能用的是另一个名字或它的硬链接）。请切换到那个窗口。');
    first.edit({ op: 'setMeta', department: '仍可编辑', year: 2024 });
    first.close();
    const again = WorkbookFile.open(path);
    expect(again.workbook().department).toBe('仍可编辑');
    again.close();
  });

  it('refuses a file open in another process, and opens it once that process has closed it', async () => {
    const path = workbookFile();
    const holder = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'workbook', 'holdOpen.ts'), path], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve());
      holder.on('exit', (code) => reject(new Error(`holder ended: ${code}`)));
    });
    expectRefused(path, 'a.budget 已在别处打开（另一个窗口或另一个程序正在使用它）。请先在那里关闭，再打开。');
    const ended = new Promise((resolve) => holder.on('exit', resolve));
    holder.stdin.end();
    expect(await ended).toBe(0);
    const file = WorkbookFile.open(path);
    expect(file.workbook().lines).toHaveLength(2000);
    file.close();
  });
});

describe('migrations', () => {
  const addNotes = (db: Database.Database) => db.exec('CREATE TABLE review_notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT');

  it('keep a copy of the older file beside it, then bring the file to the current version', () => {
    const path = workbookFile('预算.budget');
    const original = WorkbookFile.open(path);
    const before = original.workbook();
    original.close();

    const db = openDatabase(path, [...MIGRATIONS, addNotes]);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    expect(db.prepare('SELECT count(*) FROM review_notes').pluck().get()).toBe(0);
    db.close();

    const backup = join(temp(), `预算.v${MIGRATIONS.length}.bak`);
    const kept = WorkbookFile.open(backup);
    expect(kept.workbook()).toEqual(before);
    kept.close();
    // The migrated file is now newer than this program, which refuses it.
    expectRefused(path, '由更新版本的预算编制工作台保存');
  });

  it('never overwrite an earlier copy', () => {
    const path = workbookFile('预算.budget');
    const other = workbookFile('第二份.budget');
    openDatabase(path, [...MIGRATIONS, addNotes]).close();
    const firstCopy = readFileSync(join(temp(), `预算.v${MIGRATIONS.length}.bak`));
    // A second file of the old version migrated under the first one's name finds the copy taken.
    writeFileSync(path, readFileSync(other));
    openDatabase(path, [...MIGRATIONS, addNotes]).close();
    expect(readFileSync(join(temp(), `预算.v${MIGRATIONS.length}.bak`))).toEqual(firstCopy);
    expect(readdirSync(temp())).toContain(`预算.v${MIGRATIONS.length}-2.bak`);
  });
});
