import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../io/userError';
import { APPLICATION_ID, MIGRATIONS, type Migration } from './schema';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;
const UNCHANGED = '文件未作任何改动。';

function notWorkbook(path: string, why: string): UserError {
  return new UserError(`${basename(path)} 不是预算工作簿文件（${why}）。请选择由预算编制工作台保存的 .budget 文件。${UNCHANGED}`);
}

function corrupt(path: string, detail: string): UserError {
  return new UserError(`${basename(path)} 已损坏，无法打开（${detail}）。请改用备份或之前发出的副本。${UNCHANGED}`);
}

function tooNew(path: string, version: number, supported: number): UserError {
  return new UserError(
    `${basename(path)} 由更新版本的预算编制工作台保存（文件格式第 ${version} 版，本程序只认识到第 ${supported} 版）。请升级预算编制工作台后再打开。${UNCHANGED}`,
  );
}

function openElsewhere(path: string): UserError {
  return new UserError(`${basename(path)} 已在别处打开（另一个窗口或另一个程序正在使用它）。请先在那里关闭，再打开。`);
}

/**
 * Checks the file's first 100 bytes without SQLite: that it is a SQLite database, a workbook, of a
 * version this program knows, and as long as its header says. Nothing is opened for writing.
 */
function checkHeader(path: string, supported: number): void {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UserError(`找不到文件 ${path}。请检查文件名和所在文件夹。`);
  }
  if (stat.isDirectory()) throw notWorkbook(path, '这是一个文件夹');
  if (stat.size === 0) throw notWorkbook(path, '文件是空的');
  const header = Buffer.alloc(HEADER_SIZE);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, HEADER_SIZE, 0);
  } finally {
    closeSync(fd);
  }
  if (!header.subarray(0, Math.min(read, SQLITE_MAGIC.length)).equals(SQLITE_MAGIC.subarray(0, Math.min(read, SQLITE_MAGIC.length)))) {
    throw notWorkbook(path, '文件内容不是工作簿格式');
  }
  if (read < HEADER_SIZE) throw corrupt(path, `文件只有 ${read} 字节，可能在复制或邮件传输中被截断`);
  if (header.readUInt32BE(68) !== APPLICATION_ID) throw notWorkbook(path, '它是 SQLite 数据库，但不是预算编制工作台的工作簿');
  const version = header.readUInt32BE(60);
  if (version > supported) throw tooNew(path, version, supported);
  // The size in the header is valid when its counter matches the change counter. With a -wal file
  // beside it the file may legitimately lag behind (SQLite completes it from the -wal).
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  const valid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (valid && pages > 0 && !existsSync(`${path}-wal`) && stat.size < pages * pageSize) {
    throw corrupt(path, `文件应有 ${pages * pageSize} 字节，实际只有 ${stat.size} 字节，可能在复制或邮件传输中被截断`);
  }
  try {
    accessSync(path, constants.W_OK);
  } catch {
    throw new UserError(`${basename(path)} 是只读文件，无法在其中保存修改。请把它复制到可写的文件夹，或去掉它的只读属性后再打开。`);
  }
}

function sqliteCode(e: unknown): string {
  return (e as { code?: unknown }).code as string;
}

/** Where the copy of a file goes before it is migrated: `预算.v1.bak`, or `预算.v1-2.bak` if that exists. */
export function backupPath(path: string, version: number): string {
  const stem = join(dirname(path), basename(path, extname(path)));
  for (let n = 1; ; n++) {
    const candidate = `${stem}.v${version}${n === 1 ? '' : `-${n}`}.bak`;
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * Opens a workbook file for this session: validated, migrated to the current schema, in WAL mode
 * with full sync, and locked. The lock is SQLite's exclusive locking mode: held from the first read
 * until close, released by the system if the process dies, so a crash never leaves a stale lock;
 * another process (or connection) that tries to open the file gets SQLITE_BUSY at once.
 * A file that is refused is not written: the checks only read, and a file of a newer version is
 * refused from its header before SQLite opens it.
 */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Database.Database {
  checkHeader(path, migrations.length);
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 0 });
  } catch (e) {
    throw new UserError(`${basename(path)} 无法打开（${(e as Error).message}）。请检查文件是否可以读写。${UNCHANGED}`);
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      db.pragma('schema_version');
    } catch (e) {
      if (sqliteCode(e)?.startsWith('SQLITE_BUSY')) throw openElsewhere(path);
      throw e;
    }
    const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    if (problems.length !== 1 || problems[0].quick_check !== 'ok') throw corrupt(path, `完整性检查发现 ${problems.length} 处问题，第一处：${problems[0]?.quick_check ?? ''}`);
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw notWorkbook(path, '它是 SQLite 数据库，但不是预算编制工作台的工作簿');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) throw tooNew(path, version, migrations.length);
    if (version === 0) throw corrupt(path, '文件缺少工作簿的表');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    if (version < migrations.length) {
      db.prepare('VACUUM INTO ?').run(backupPath(path, version));
      migrate(db, migrations, version);
    }
    return db;
  } catch (e) {
    db.close();
    if (e instanceof UserError) throw e;
    const code = sqliteCode(e);
    if (code?.startsWith('SQLITE_CANTOPEN') || code?.startsWith('SQLITE_READONLY')) {
      throw new UserError(`${basename(path)} 所在的文件夹不能写入（保存修改需要在文件旁边建立 ${basename(path)}-wal）。请把文件复制到可写的文件夹后再打开。${UNCHANGED}`);
    }
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_IOERR')) throw corrupt(path, `内部结构损坏，SQLite 报告：${(e as Error).message}`);
    throw e;
  }
}

/** Runs the steps a file lacks, and records the new version, in one transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[], from: number): void {
  db.transaction(() => {
    for (let v = from; v < migrations.length; v++) migrations[v](db);
    db.pragma(`user_version = ${migrations.length}`);
  })();
}

/** A new, empty database with the workbook's application id, for `migrate` to fill. */
export function newDatabase(path: string): Database.Database {
  const db = new Database(path, { timeout: 0 });
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}
