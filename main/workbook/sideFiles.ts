import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { UserError } from '../io/userError';

/**
 * The files SQLite may find beside a workbook: `<file>-wal` (this program's write-ahead log) and
 * `<file>-journal` (a rollback journal, which it never makes). SQLite applies whatever it finds there,
 * so both are checked before SQLite opens the file: a log that does not belong to this file would
 * write another copy's pages into it.
 */

const UNCHANGED = '文件未作任何改动。';
/** A tag is 16 random bytes in hex. */
const TAG_LENGTH = 32;

function firstBytes(path: string, count: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    return buffer.subarray(0, readSync(fd, buffer, 0, count, 0));
  } finally {
    closeSync(fd);
  }
}

function foreign(path: string, side: '-wal' | '-journal'): UserError {
  const name = basename(path);
  return new UserError(
    `${name} 旁边的 ${name}${side} 不属于这个文件（可能是另一份副本留下的），不能用在这个文件上。` +
      `请把 ${name}${side} 移到别的文件夹或删除，然后再打开；${name} 已保存的修改都在文件本身里。${UNCHANGED}`,
  );
}

function legacyWal(path: string): UserError {
  const name = basename(path);
  return new UserError(
    `${name} 上次由旧版本的预算编制工作台使用，没有正常关闭，旁边的 ${name}-wal 里可能还有当时的修改，本版本不能核对它是否属于这个文件。` +
      `请先用旧版本打开并关闭 ${name} 一次，再用本版本打开；若 ${name}-wal 是从别处复制来的，请把它移走后再打开。${UNCHANGED}`,
  );
}

/** The file's identity: the tag of its last write, and the tags of the writes before it, newest first. */
interface Identity {
  tag: string;
  /** The earlier tags, newest first, run together. */
  previous: string;
}

function readIdentity(db: Database.Database): Identity {
  return db.prepare('SELECT tag, previous FROM identity').get() as Identity;
}

function tags(identity: Identity): string[] {
  const out = [identity.tag];
  for (let at = 0; at + TAG_LENGTH <= identity.previous.length; at += TAG_LENGTH) out.push(identity.previous.slice(at, at + TAG_LENGTH));
  return out;
}

/**
 * How many writes a -wal holds, as SQLite will apply them: its commit frames, counted while the
 * frames carry the salt of its header (frames of an earlier round of the log do not count).
 */
function committedWrites(wal: Buffer): number {
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  const salt = wal.subarray(16, 24);
  let writes = 0;
  for (let at = 32; pageSize > 0 && at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (!wal.subarray(at + 8, at + 16).equals(salt)) break;
    if (wal.readUInt32BE(at + 4) !== 0) writes++;
  }
  return writes;
}

/**
 * Whether the -wal beside `path` was left by this file's own interrupted write. Both are copied to a
 * scratch folder; the file's identity is read there without the log, then SQLite applies the log to
 * the copy, which is checked whole by `inspect`. The log holds the last `k` writes (normally one: each
 * commit is followed by a checkpoint); it belongs when the file's tag is the one from before the
 * first of them (the -wal was not yet folded in) or the last one (the fold had reached the file's
 * identity), or when the file cannot be read without it (a checkpoint cut short) and the copy with it
 * passes every check. A log of another copy continues another tag and is refused. The file and the log
 * themselves are only read.
 */
function walBelongs(path: string, inspect: (db: Database.Database) => void): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'budget-wal-'));
  try {
    const copy = join(dir, 'check.budget');
    copyFileSync(path, copy);
    // a checkpoint cut short leaves the file unreadable without its log (some pages new, some old)
    let own: Identity | undefined;
    try {
      const alone = new Database(copy, { fileMustExist: true });
      try {
        own = readIdentity(alone);
      } finally {
        alone.close();
      }
    } catch {
      own = undefined;
    }
    rmSync(`${copy}-wal`, { force: true });
    copyFileSync(`${path}-wal`, `${copy}-wal`);
    const writes = committedWrites(readFileSync(`${copy}-wal`));
    const replayed = new Database(copy, { fileMustExist: true });
    try {
      inspect(replayed);
      // unreadable alone but whole with the log (every check of inspect passed): only its own log mends it so
      if (own === undefined) return true;
      const after = tags(readIdentity(replayed));
      return own.tag === after[0] || own.tag === after[writes];
    } finally {
      replayed.close();
    }
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Refuses a file whose side files SQLite might apply: any rollback journal (this program never makes
 * one), and a -wal that does not continue this file. An empty one holds nothing to apply.
 */
export function checkSideFiles(path: string, walHeader: boolean, inspect: (db: Database.Database) => void): void {
  const journal = `${path}-journal`;
  if (existsSync(journal) && statSync(journal).size > 0) throw foreign(path, '-journal');
  const wal = `${path}-wal`;
  if (!existsSync(wal) || statSync(wal).size === 0) return;
  if (!walHeader) throw foreign(path, '-wal');
  if (!walBelongs(path, inspect)) throw firstBytes(path, 64).readUInt32BE(60) < 2 ? legacyWal(path) : foreign(path, '-wal');
}
