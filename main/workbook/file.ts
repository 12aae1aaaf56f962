import type Database from 'better-sqlite3';
import { existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { EditRequest, EditResult, Version, WorkbookSnapshot } from '../../shared/contract/api';
import { applyEdit, type Edit } from '../../shared/core/edits';
import { newWorkbook, type Workbook } from '../../shared/core/model';
import { UserError } from '../io/userError';
import { checksums, checksumsAfter, readFileState, stateSum, writeChecksums, type FileState, type Part } from './checksum';
import { WorkbookContent } from './content';
import { decodeEdit, encodeEdit } from './editCodec';
import { localTimestamp } from './localTime';
import { checkpoint, migrate, newDatabase, openWorkbookDatabase, renewIdentity, type OpenedDatabase } from './openFile';
import { MIGRATIONS } from './schema';
import { readFileId, readUnitFrame, writeUnitFrame } from './unitFrame';
import type { UnitFrame } from '../../shared/core/units/frame';
import { unitEditRefusal } from '../../shared/core/units/guard';

interface State extends FileState {
  /** Highest edit_log.seq: entries after the cursor can be redone. */
  logEnd: number;
}

const MAX_LABEL = 100;

/**
 * One workbook file, open for a session. Every edit, undo and redo is one SQLite transaction,
 * committed before the call returns; the edit log and its cursor are in the file, so undo and redo
 * survive closing it. The workbook is also kept in memory, updated with the same `applyEdit`, so a
 * one-line edit never re-reads the lines.
 */
export class WorkbookFile {
  /**
   * Files open in this process, by device and inode (one file under two names, a hard link or another
   * case on Windows, is one key): a second open is refused before the file is touched, since closing
   * any descriptor of a locked file would release this process's lock on it (POSIX).
   */
  private static readonly openHere = new Set<string>();

  private wb: Workbook;
  private state: State;
  private sums: Record<Part, string>;
  private readonly content: WorkbookContent;
  private readonly db: Database.Database;
  private readonly statements: Record<'dropRedo' | 'log' | 'state', Database.Statement>;
  private closed = false;
  /** Set in a unit's file: the department's frame it keeps read-only. */
  readonly unitFrame: UnitFrame | null;
  /** The file's lasting id (the file_id table; not identity.tag, which every write draws anew). */
  readonly fileId: string;

  private constructor(
    readonly path: string,
    private readonly key: string,
    opened: OpenedDatabase,
  ) {
    const db = (this.db = opened.db);
    this.content = new WorkbookContent(db);
    this.statements = {
      dropRedo: db.prepare('DELETE FROM edit_log WHERE seq >= ?'),
      log: db.prepare('INSERT INTO edit_log (seq, edit, inverse, at) VALUES (?, ?, ?, ?)'),
      state: db.prepare('UPDATE meta SET next_line_id = ?, undo_cursor = ?, revision = ?'),
    };
    this.wb = opened.workbook;
    this.sums = opened.sums;
    this.content.continueAfter();
    this.unitFrame = readUnitFrame(db);
    this.fileId = readFileId(db);
    const meta = readFileState(db);
    const logEnd = (db.prepare('SELECT max(seq) FROM edit_log').pluck().get() as number | null) ?? 0;
    this.state = { ...meta, logEnd };
  }

  /**
   * A new file at `path` (which must not exist) holding `init`: an empty workbook of a department and
   * year, or a whole workbook (with `unitFrame`: a unit's file). The file is written under a
   * temporary name and renamed when complete.
   */
  static create(path: string, init: { department: string; year: number } | Workbook, unitFrame?: UnitFrame): WorkbookFile {
    if (existsSync(path)) throw new UserError(`${basename(path)} 已存在，未覆盖。请换一个文件名，或先删除它。`);
    const wb = 'lines' in init ? init : newWorkbook(init.department, init.year);
    const ids = new Set(wb.lines.map((l) => l.id));
    if (ids.size !== wb.lines.length) throw new UserError('明细编号有重复，无法建立工作簿');
    const nextLineId = wb.lines.reduce((max, l) => Math.max(max, l.id), 0) + 1;
    const temp = `${path}.creating-${process.pid}`;
    rmSync(temp, { force: true });
    const db = newDatabase(temp);
    try {
      migrate(db, MIGRATIONS, 0);
      db.transaction(() => {
        db.prepare('INSERT INTO meta (only, department, year, next_line_id, undo_cursor, revision) VALUES (1, ?, ?, ?, 0, 0)').run(wb.department, wb.year, nextLineId);
        new WorkbookContent(db).writeAll(wb);
        writeChecksums(db, { ...checksums(wb), state: stateSum({ nextLineId, cursor: 0, revision: 0 }) });
        if (unitFrame) writeUnitFrame(db, unitFrame);
      })();
      db.close();
    } catch (e) {
      db.close();
      rmSync(temp, { force: true });
      throw e;
    }
    if (existsSync(path)) {
      rmSync(temp, { force: true });
      throw new UserError(`${basename(path)} 已存在，未覆盖。`);
    }
    renameSync(temp, path);
    return WorkbookFile.open(path);
  }

  /** Opens an existing file; see `openDatabase` for what is refused and how the file is locked. */
  static open(path: string): WorkbookFile {
    let key: string;
    try {
      const stat = statSync(path, { bigint: true });
      // Some network drives report no inode: the real path (with the name's real case on Windows) then.
      key = stat.ino !== 0n ? `${stat.dev}:${stat.ino}` : realpathSync.native(path);
    } catch {
      throw new UserError(`找不到文件 ${path}。请检查文件名和所在文件夹。`);
    }
    if (WorkbookFile.openHere.has(key)) throw new UserError(`${basename(path)} 已在另一个窗口中打开（可能用的是另一个名字或它的硬链接）。请切换到那个窗口。`);
    const opened = openWorkbookDatabase(path);
    try {
      const file = new WorkbookFile(path, key, opened);
      WorkbookFile.openHere.add(key);
      return file;
    } catch (e) {
      opened.db.close();
      throw new UserError(`${basename(path)} 的内容无法读取。请改用备份或之前发出的副本。`);
    }
  }

  snapshot(): WorkbookSnapshot {
    return { fileName: basename(this.path), workbook: this.workbook(), revision: this.state.revision, canUndo: this.state.cursor > 0, canRedo: this.state.cursor < this.state.logEnd };
  }

  workbook(): Workbook {
    this.assertOpen();
    return this.wb;
  }

  /** Applies a change (new lines get the next ids) as one undo step; the redo tail is dropped. */
  edit(request: EditRequest): EditResult {
    this.assertOpen();
    const refusal = this.unitFrame && unitEditRefusal(this.unitFrame, request);
    if (refusal) throw new UserError(`修改未保存：${refusal}`);
    const ids = { next: this.state.nextLineId };
    const edit = resolve(request, ids);
    const { workbook, inverse } = applyChecked(this.wb, edit);
    const cursor = this.state.cursor + 1;
    const state = { nextLineId: ids.next, cursor, logEnd: cursor, revision: this.state.revision + 1 };
    return this.commit(workbook, edit, inverse, state, () => {
      this.content.apply(edit, workbook);
      this.statements.dropRedo.run(cursor);
      this.statements.log.run(cursor, encodeEdit(edit), encodeEdit(inverse), localTimestamp(new Date()));
    });
  }

  undo(): EditResult | null {
    this.assertOpen();
    if (this.state.cursor === 0) return null;
    const inverse = this.logged(this.state.cursor, 'inverse');
    return this.step(inverse, this.state.cursor - 1);
  }

  redo(): EditResult | null {
    this.assertOpen();
    if (this.state.cursor === this.state.logEnd) return null;
    const edit = this.logged(this.state.cursor + 1, 'edit');
    return this.step(edit, this.state.cursor + 1);
  }

  /** Keeps the workbook as it is now under a label, for later comparison. */
  markVersion(label: string): Version {
    this.assertOpen();
    const name = label.trim();
    if (name === '') throw new UserError('版本名称不能为空，例如“报送稿 2024-11-20”。');
    if (name.length > MAX_LABEL) throw new UserError(`版本名称太长（${name.length} 个字），请不超过 ${MAX_LABEL} 个字。`);
    if (this.db.prepare('SELECT 1 FROM versions WHERE label = ?').get(name)) throw new UserError(`已有名为“${name}”的版本，请换一个名称。`);
    const createdAt = localTimestamp(new Date());
    const id = this.write(() =>
      this.db.transaction(() => {
        renewIdentity(this.db);
        return this.db.prepare('INSERT INTO versions (label, created_at, workbook) VALUES (?, ?, ?)').run(name, createdAt, JSON.stringify(this.wb)).lastInsertRowid;
      })(),
    );
    this.settle();
    return { id: Number(id), label: name, createdAt };
  }

  versions(): Version[] {
    this.assertOpen();
    return this.db.prepare('SELECT id, label, created_at AS createdAt FROM versions ORDER BY id').all() as Version[];
  }

  workbookAtVersion(id: number): Workbook {
    this.assertOpen();
    const json = this.db.prepare('SELECT workbook FROM versions WHERE id = ?').pluck().get(id) as string | undefined;
    if (json === undefined) throw new UserError(`没有编号为 ${id} 的版本。可用“budget versions”列出已有版本。`);
    try {
      return JSON.parse(json) as Workbook;
    } catch {
      throw new UserError(`版本 ${id} 在 ${basename(this.path)} 中的记录已损坏，无法读出。其他版本和当前内容不受影响。`);
    }
  }

  /** Closes the file: SQLite folds the -wal into it (already empty after each commit) and removes it. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
    WorkbookFile.openHere.delete(this.key);
  }

  private step(edit: Edit, cursor: number): EditResult {
    const { workbook, inverse } = applyChecked(this.wb, edit);
    const state = { ...this.state, cursor, revision: this.state.revision + 1 };
    return this.commit(workbook, edit, inverse, state, () => this.content.apply(edit, workbook));
  }

  /**
   * Writes a step, the new state, the content's checksums and a new identity tag in one transaction;
   * only once it is committed does the copy in memory move on.
   */
  private commit(workbook: Workbook, applied: Edit, inverse: Edit, state: State, write: () => void): EditResult {
    const changed = checksumsAfter(this.sums, applied, inverse, workbook);
    this.write(() =>
      this.db.transaction(() => {
        write();
        this.statements.state.run(state.nextLineId, state.cursor, state.revision);
        writeChecksums(this.db, { ...changed, state: stateSum(state) });
        renewIdentity(this.db);
      })(),
    );
    this.settle();
    this.wb = workbook;
    this.state = state;
    this.sums = { ...this.sums, ...changed };
    return { applied, revision: state.revision, canUndo: state.cursor > 0, canRedo: state.cursor < state.logEnd };
  }

  /**
   * Folds the committed write into the file itself. Should that fail (a full disk), the write is still
   * committed in the -wal, where SQLite keeps it safe; the next commit or the close tries again.
   */
  private settle(): void {
    try {
      checkpoint(this.db);
    } catch {
      // committed all the same; see above
    }
  }

  /** Runs a write; a failure of the disk or the file becomes a message saying nothing was saved. */
  private write<T>(work: () => T): T {
    try {
      return work();
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (typeof code !== 'string' || !code.startsWith('SQLITE_')) throw e;
      throw new UserError(`修改未保存：${writeFailure(code)}。${basename(this.path)} 仍是这次修改之前的样子；请排除问题后重试。`);
    }
  }

  private logged(seq: number, column: 'edit' | 'inverse'): Edit {
    try {
      return decodeEdit(this.db.prepare(`SELECT ${column} FROM edit_log WHERE seq = ?`).pluck().get(seq) as string);
    } catch {
      throw new UserError(`${basename(this.path)} 中的撤销记录已损坏，无法${column === 'edit' ? '重做' : '撤销'}这一步。当前内容不受影响，仍可继续编辑。`);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`工作簿 ${basename(this.path)} 已关闭`);
  }
}

/** Why SQLite refused a write, in words for the user (never SQLite's English). */
function writeFailure(code: string): string {
  if (code === 'SQLITE_FULL') return '磁盘空间不足';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) return '文件已变为只读';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return '读写文件出错（例如 U 盘被拔出或网络断开）';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return '文件被另一个程序占用';
  if (code.startsWith('SQLITE_CONSTRAINT')) return '文件中已有的数据与这次修改冲突，文件可能已损坏（可先另存一份，再改用备份）';
  return '文件已损坏或无法写入（可改用备份或之前发出的副本）';
}

/** The edit with ids for inserted lines, counted on from `ids.next`. */
function resolve(request: EditRequest, ids: { next: number }): Edit {
  switch (request.op) {
    case 'insertLines':
      return { op: 'insertLines', lines: request.lines.map((fields) => ({ ...fields, id: ids.next++ })) };
    case 'batch':
      return { op: 'batch', edits: request.edits.map((e) => resolve(e, ids)) };
    default:
      return request;
  }
}

function applyChecked(wb: Workbook, edit: Edit): ReturnType<typeof applyEdit> {
  try {
    return applyEdit(wb, edit);
  } catch (e) {
    throw new UserError(`修改未保存：${(e as Error).message}`);
  }
}
