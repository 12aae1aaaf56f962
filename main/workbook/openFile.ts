import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Workbook } from '../../shared/core/model';
import { UserError } from '../io/userError';
import { checksums, damagedParts, PART_NAMES, readChecksums, readFileState, stateSum, writeChecksums, type FileState, type Part } from './checksum';
import { WorkbookContent } from './content';
import { APPLICATION_ID, CHECKSUM_VERSION, MIGRATIONS, type Migration } from './schema';
import { checkSideFiles } from './sideFiles';

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
function checkHeader(path: string, supported: number): { walHeader: boolean } {
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
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  // Fields that SQLite itself would reject, or take for a read-only file, or read as another text
  // encoding: a damaged header, said as such (not as SQLite's "file is not a database").
  const sane =
    pageSize >= 512 && (pageSize & (pageSize - 1)) === 0 && [1, 2].includes(header[18]) && [1, 2].includes(header[19]) &&
    header[21] === 64 && header[22] === 32 && header[23] === 32 && header.readUInt32BE(44) <= 4 && header.readUInt32BE(56) <= 1;
  if (!sane) throw corrupt(path, '文件头已损坏');
  // The size in the header is valid when its counter matches the change counter.
  const pages = header.readUInt32BE(28);
  const valid = header.readUInt32BE(92) === header.readUInt32BE(24);
  // With a -wal beside it the file may lag behind (a checkpoint stopped half-way); the -wal is checked then.
  if (valid && pages > 0 && stat.size < pages * pageSize && !existsSync(`${path}-wal`)) {
    throw corrupt(path, `文件应有 ${pages * pageSize} 字节，实际只有 ${stat.size} 字节，可能在复制或邮件传输中被截断`);
  }
  try {
    accessSync(path, constants.W_OK);
  } catch {
    throw new UserError(`${basename(path)} 是只读文件，无法在其中保存修改。请把它复制到可写的文件夹，或去掉它的只读属性后再打开。`);
  }
  // Bytes 18 and 19 are 2 in a file in WAL mode (how version 1 of the format was kept).
  return { walHeader: header[18] === 2 };
}

function sqliteCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Where the copy of a file goes before it is migrated: `预算.v1.bak`, or `预算.v1-2.bak` if that exists. */
export function backupPath(path: string, version: number): string {
  const stem = join(dirname(path), basename(path, extname(path)));
  for (let n = 1; ; n++) {
    const candidate = `${stem}.v${version}${n === 1 ? '' : `-${n}`}.bak`;
    if (!existsSync(candidate)) return candidate;
  }
}

/** The schema (sqlite_schema's rows) that `migrations` up to `version` make, by which a file's tables are checked. */
const schemas = new WeakMap<readonly Migration[], Map<number, string>>();

function schemaText(db: Database.Database): string {
  return JSON.stringify(db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all());
}

function expectedSchema(migrations: readonly Migration[], version: number): string {
  let byVersion = schemas.get(migrations);
  if (!byVersion) schemas.set(migrations, (byVersion = new Map()));
  let text = byVersion.get(version);
  if (text === undefined) {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, version), 0);
    text = schemaText(db);
    db.close();
    byVersion.set(version, text);
  }
  return text;
}

/** What reading a file found: its version and, from the version with checksums on, its verified content. */
interface Inspected {
  version: number;
  verified?: { workbook: Workbook; sums: Record<Part, string> };
}

/**
 * Every check of an open connection that only reads: the structure (quick_check), that it is a
 * workbook of a known version with exactly the tables that version has, and that its content matches
 * its checksums. Used on the file itself and on a scratch copy with a journal played back.
 */
function inspect(db: Database.Database, path: string, migrations: readonly Migration[]): Inspected {
  const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  if (problems.length !== 1 || problems[0].quick_check !== 'ok') throw corrupt(path, `完整性检查发现 ${problems.length} 处问题`);
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw notWorkbook(path, '它是 SQLite 数据库，但不是预算编制工作台的工作簿');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) throw tooNew(path, version, migrations.length);
  if (version === 0 || schemaText(db) !== expectedSchema(migrations, version)) throw corrupt(path, '文件缺少工作簿的表，或表的结构不对');
  if (version < CHECKSUM_VERSION) return { version };
  let workbook: Workbook;
  let stored: ReturnType<typeof readChecksums>;
  let state: FileState;
  try {
    workbook = new WorkbookContent(db).read();
    stored = readChecksums(db);
    state = readFileState(db);
  } catch {
    throw corrupt(path, '内容无法读出');
  }
  const sums = checksums(workbook);
  const damaged = damagedParts(stored, { ...sums, state: stateSum(state) });
  if (damaged.length > 0) throw corrupt(path, `${damaged.map((p) => PART_NAMES[p]).join('、')}的内容与保存时记下的校验值不符`);
  return { version, verified: { workbook, sums } };
}

/** SQLite's own errors while a file is opened, in words for the user (never SQLite's English). */
function openFailure(e: unknown, path: string): UserError {
  if (e instanceof UserError) return e;
  const code = sqliteCode(e) ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return openElsewhere(path);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) {
    return new UserError(`${basename(path)} 所在的文件夹不能写入（保存修改需要在文件旁边建立 ${basename(path)}-wal）。请把文件复制到可写的文件夹后再打开。${UNCHANGED}`);
  }
  if (code === 'SQLITE_FULL') return new UserError(`磁盘空间不足，无法打开 ${basename(path)}。请腾出空间后再打开。${UNCHANGED}`);
  return corrupt(path, '内部结构损坏');
}

export interface OpenedDatabase {
  db: Database.Database;
  /** The content, read and checked against its checksums. */
  workbook: Workbook;
  sums: Record<Part, string>;
}

/**
 * Opens a workbook file for this session: validated, migrated to the current schema, locked. The file
 * is only read until every check has passed (side files, header, structure, tables, checksums), so a
 * file that is refused is not changed by a single byte. It is locked first (`BEGIN EXCLUSIVE`, which
 * writes nothing): SQLite's exclusive locking mode holds that lock until close, the system drops it if
 * the process dies, and another process (or connection) gets SQLITE_BUSY at once. Once accepted it is
 * put in WAL mode with full sync, and each commit is followed by a checkpoint (`checkpoint`): every
 * edit is in the file itself before the call that made it returns.
 */
export function openWorkbookDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): OpenedDatabase {
  const { walHeader } = checkHeader(path, migrations.length);
  checkSideFiles(path, walHeader, (db) => inspect(db, path, migrations));
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 0 });
  } catch (e) {
    throw openFailure(e, path);
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // Takes the exclusive lock without writing; in exclusive locking mode it is held until close.
    db.exec('BEGIN EXCLUSIVE; ROLLBACK');
    const found = inspect(db, path, migrations);
    // Accepted: from here on the file may be written.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    if (found.version < migrations.length) {
      db.prepare('VACUUM INTO ?').run(backupPath(path, found.version));
      migrate(db, migrations, found.version);
      checkpoint(db);
    }
    let verified = found.verified;
    if (!verified) {
      // A file from before checksums: its content is taken as it is, and its checksums written.
      const workbook = new WorkbookContent(db).read();
      verified = { workbook, sums: checksums(workbook) };
      db.transaction(() => writeChecksums(db, { ...verified!.sums, state: stateSum(readFileState(db)) }))();
      checkpoint(db);
    }
    // A -wal of this file's own (left by a kill after a commit, see sideFiles.ts) goes into the file now.
    if (walHeader) checkpoint(db);
    return { db, ...verified };
  } catch (e) {
    db.close();
    throw openFailure(e, path);
  }
}

/** `openWorkbookDatabase` without the content: for tools and tests that look at the file's tables. */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Database.Database {
  return openWorkbookDatabase(path, migrations).db;
}

/** How many earlier tags the identity keeps: a -wal holding up to this many writes is still recognised. */
const KEPT_TAGS = 16;

/** Draws the file's next identity tag, keeping the ones before (see sideFiles.ts). Part of every write. */
export function renewIdentity(db: Database.Database): void {
  db.prepare(`UPDATE identity SET previous = substr(tag || previous, 1, ${KEPT_TAGS * 32}), tag = hex(randomblob(16))`).run();
}

/**
 * Copies every write in the -wal into the file and empties the -wal: part of every commit, so that the
 * file alone holds every acknowledged edit (a copy of it, or the file mailed while open, is complete).
 */
export function checkpoint(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
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
