import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { WorkbookFile } from '../../main/workbook/file';
import { APPLICATION_ID, MIGRATIONS } from '../../main/workbook/schema';
import { sampleWorkbook } from '../../shared/core/sample/sample';
import { ROOT } from '../helpers/cli';
import { digest } from './digest';
import { expectRefused, fingerprint } from './refused';
import { useTempDir } from './tempDir';

const temp = useTempDir();

/** A closed workbook file with enough lines to span many pages, each with its own note. */
function workbookFile(name: string, lines = 2000): string {
  const path = join(temp(), name);
  const wb = sampleWorkbook();
  WorkbookFile.create(path, { ...wb, lines: Array.from({ length: lines }, (_, i) => ({ ...wb.lines[i % wb.lines.length], id: i + 1, note: `备注${100000 + i}` })) }).close();
  return path;
}

/** Changes the first occurrence of `from` in the file's bytes to `to` (same length). */
function replaceBytes(path: string, from: string, to: string): void {
  const bytes = readFileSync(path);
  const at = bytes.indexOf(Buffer.from(from));
  expect(at).toBeGreaterThan(0);
  Buffer.from(to).copy(bytes, at);
  writeFileSync(path, bytes);
}

/** While set, commits are not followed by their checkpoint: what a kill between the two leaves. */
const hold = vi.hoisted(() => ({ checkpoint: false }));
vi.mock('../../main/workbook/openFile', async (original) => {
  const actual = await original<typeof import('../../main/workbook/openFile')>();
  return { ...actual, checkpoint: (db: Parameters<typeof actual.checkpoint>[0]) => (hold.checkpoint ? undefined : actual.checkpoint(db)) };
});

/**
 * The file and its -wal as a kill leaves them after `edit` was committed but before its checkpoint
 * (the edit was not yet acknowledged). The file is then closed normally.
 */
function interruptedWrite(path: string, edit: (file: WorkbookFile) => void): { file: Buffer; wal: Buffer } {
  const file = WorkbookFile.open(path);
  hold.checkpoint = true;
  try {
    edit(file);
    return { file: readFileSync(path), wal: readFileSync(`${path}-wal`) };
  } finally {
    hold.checkpoint = false;
    file.close();
  }
}

/** Whether another process can read the file (it cannot while this one holds its lock). */
function otherProcessCanRead(path: string): string {
  const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1], { timeout: 0, fileMustExist: true }); try { db.pragma('schema_version'); console.log('read'); } catch (e) { console.log(e.code); }`;
  return execFileSync(process.execPath, ['-e', script, path], { env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } })
    .toString()
    .trim();
}

describe('the .budget file alone holds every acknowledged edit, and no foreign journal is applied to it', () => {
  it('a copy of an open file holds every edit made so far, and nothing but the file is needed to open it', () => {
    const path = workbookFile('a.budget', 200);
    const file = WorkbookFile.open(path);
    file.edit({ op: 'setMeta', department: '复制前的修改', year: 2026 });
    const line = file.workbook().lines[7];
    file.edit({ op: 'updateLines', changes: [{ id: line.id, set: { amount: 777_77 } }] });
    const expected = digest(file.workbook());
    const copy = join(temp(), 'copy.budget');
    // Copied through a second process, as a file manager would: reading it here would drop this process's lock.
    execFileSync(process.execPath, ['-e', 'require("node:fs").copyFileSync(process.argv[1], process.argv[2])', path, copy]);
    file.close();
    const opened = WorkbookFile.open(copy);
    expect(digest(opened.workbook())).toBe(expected);
    opened.close();
  });

  it('refuses another copy’s -wal beside a file, changing neither; opens once it is moved away', () => {
    const a = workbookFile('a.budget', 200);
    const b = join(temp(), 'b.budget');
    copyFileSync(a, b); // an earlier copy
    const edited = WorkbookFile.open(a);
    edited.edit({ op: 'setMeta', department: '甲的修改', year: 2026 });
    edited.close();
    const f = join(temp(), 'f.budget');
    copyFileSync(a, f);
    const { wal } = interruptedWrite(b, (file) => file.edit({ op: 'setMeta', department: '另一份副本', year: 2027 }));
    writeFileSync(`${f}-wal`, wal);
    expectRefused(
      f,
      /^f\.budget 旁边的 f\.budget-wal 不属于这个文件（可能是另一份副本留下的），不能用在这个文件上。请把 f\.budget-wal 移到别的文件夹或删除，然后再打开；f\.budget 已保存的修改都在文件本身里。文件未作任何改动。$/,
    );
    rmSync(`${f}-wal`);
    const opened = WorkbookFile.open(f);
    expect(opened.workbook().department).toBe('甲的修改');
    opened.close();
  });

  it('applies the file’s own -wal left by a kill between a commit and its checkpoint', () => {
    const path = workbookFile('a.budget');
    const line = sampleWorkbook().lines.length;
    const { file, wal } = interruptedWrite(path, (f) => {
      f.edit({ op: 'updateLines', changes: [{ id: line, set: { amount: 1_234_56 } }] });
      f.edit({ op: 'setMeta', department: '两次修改都已提交', year: 2026 });
    });
    const g = join(temp(), 'g.budget');
    writeFileSync(g, file);
    writeFileSync(`${g}-wal`, wal);
    expect(wal.length).toBeGreaterThan(0);
    const opened = WorkbookFile.open(g);
    expect(opened.workbook().department).toBe('两次修改都已提交');
    expect(opened.workbook().lines.find((l) => l.id === line)?.amount).toBe(1_234_56);
    expect(statSync(`${g}-wal`).size).toBe(0); // folded into the file at once
    opened.close();
    expect(existsSync(`${g}-wal`)).toBe(false);
  });

  it('refuses a rollback journal beside a file (this program never makes one), changing neither', () => {
    const path = workbookFile('a.budget', 50);
    const db = new Database(path);
    db.pragma('journal_mode = DELETE');
    db.exec('BEGIN');
    db.prepare('UPDATE lines SET note = ?').run('改到一半');
    const journal = readFileSync(`${path}-journal`);
    db.exec('ROLLBACK');
    db.close();
    const f = join(temp(), 'f.budget');
    copyFileSync(path, f);
    writeFileSync(`${f}-journal`, journal);
    expectRefused(f, /^f\.budget 旁边的 f\.budget-journal 不属于这个文件（可能是另一份副本留下的）/);
    writeFileSync(`${f}-journal`, Buffer.from('不是日志'.repeat(200)));
    expectRefused(f, /f\.budget-journal 不属于这个文件/);
    writeFileSync(`${f}-journal`, ''); // empty: nothing to apply
    WorkbookFile.open(f).close();
  });
});

describe('one file under two names', () => {
  it('refuses a hard link of an open file without touching it: the lock and later edits stay intact', () => {
    const a = workbookFile('a.budget', 100);
    const b = join(temp(), 'b.budget');
    linkSync(a, b);
    const file = WorkbookFile.open(a);
    expect(otherProcessCanRead(a)).toBe('SQLITE_BUSY');
    expect(() => WorkbookFile.open(b)).toThrow('b.budget 已在另一个窗口中打开（可能用的是另一个名字或它的硬链接）。请切换到那个窗口。');
    expect(otherProcessCanRead(a)).toBe('SQLITE_BUSY');
    const { revision } = file.edit({ op: 'insertLines', lines: [{ ...sampleWorkbook().lines[0], amount: 123_00 }] });
    const expected = digest(file.workbook());
    file.close();
    const again = WorkbookFile.open(b);
    expect(again.snapshot().revision).toBe(revision);
    expect(digest(again.workbook())).toBe(expected);
    again.close();
  });
});

describe('a damaged file is refused, not opened with wrong content', () => {
  it('refuses a file whose lines changed under it (a byte of a note), and leaves it as it was', () => {
    const path = workbookFile('a.budget');
    replaceBytes(path, '备注101234', '备注101834');
    const db = new Database(path, { fileMustExist: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok'); // SQLite itself sees nothing wrong
    db.close();
    expectRefused(path, /^a\.budget 已损坏，无法打开（明细的内容与保存时记下的校验值不符）。请改用备份或之前发出的副本。文件未作任何改动。$/);
  });

  it('refuses a changed amount, unit name or text, naming the part', () => {
    const path = workbookFile('a.budget', 50);
    const file = WorkbookFile.open(path);
    file.edit({ op: 'setTexts', texts: { ...file.workbook().texts, organization: '主要职能：甲乙丙' } });
    file.close();
    const copy = join(temp(), 'b.budget');
    copyFileSync(path, copy);
    replaceBytes(path, '甲乙丙', '甲乙丁');
    expectRefused(path, /（文字说明的内容与保存时记下的校验值不符）/);
    const unit = sampleWorkbook().units[0].name;
    replaceBytes(copy, `"${unit}"`.slice(1, -1), unit.replace(/.$/, '乙'));
    expectRefused(copy, /的内容与保存时记下的校验值不符）/);
  });

  it('refuses a SQLite file with the workbook’s id and version but no tables, without changing a byte', () => {
    for (const version of [1, MIGRATIONS.length]) {
      const path = join(temp(), `empty${version}.budget`);
      const db = new Database(path);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${version}`);
      db.close();
      expectRefused(path, new RegExp(`^empty${version}\\.budget 已损坏，无法打开（文件缺少工作簿的表，或表的结构不对）。`));
    }
  });

  it('refuses a file with a table missing or changed, without changing a byte', () => {
    const path = workbookFile('a.budget', 20);
    const db = new Database(path);
    db.exec('DROP TABLE versions; CREATE TABLE versions (id INTEGER PRIMARY KEY)');
    db.close();
    expectRefused(path, '（文件缺少工作簿的表，或表的结构不对）');
  });

  it('every byte of the header flipped: a Chinese message and no change, or the same workbook', () => {
    const path = workbookFile('a.budget', 300);
    const file = WorkbookFile.open(path);
    const expected = digest(file.workbook());
    file.close();
    const original = readFileSync(path);
    const dir = join(temp(), 'flips');
    execFileSync('mkdir', [dir]);
    for (let i = 0; i < 100; i++) {
      const flipped = Buffer.from(original);
      flipped[i] ^= 0xff;
      const target = join(dir, `h${i}.budget`);
      writeFileSync(target, flipped);
      const before = fingerprint(dir);
      try {
        const opened = WorkbookFile.open(target);
        expect(digest(opened.workbook()), `byte ${i}`).toBe(expected);
        opened.close();
      } catch (e) {
        expect((e as Error).name, `byte ${i}: ${(e as Error).message}`).toBe('UserError');
        expect((e as Error).message, `byte ${i}`).toMatch(/^h\d+\.budget .*文件未作任何改动。$/);
        // No library's English: apart from the file's name and the word SQLite, no Latin letters.
        expect((e as Error).message.replace(/h\d+\.budget|SQLite|\.budget/g, ''), `byte ${i}`).not.toMatch(/[A-Za-z]/);
        expect(fingerprint(dir), `byte ${i}`).toEqual(before);
      }
    }
  });
});
