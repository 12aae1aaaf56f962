import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Workbook } from '../../shared/core/model';
import type { UnitFrame } from '../../shared/core/units/frame';
import { UserError } from '../io/userError';
import { WorkbookContent } from './content';
import { APPLICATION_ID, MIGRATIONS } from './schema';
import { readFileId, readUnitFrame } from './unitFrame';

export interface ReadWorkbook {
  workbook: Workbook;
  /** null in a file of a format before its lasting id (version 3). */
  fileId: string | null;
  unitFrame: UnitFrame | null;
  revision: number;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Reads a workbook file without changing it: under the file's exclusive lock (a window that has it
 * open refuses us, and nobody can open it while we read), with writes switched off, not migrated.
 * Bad files are refused with a Chinese message.
 */
export function readWorkbookFile(path: string): ReadWorkbook {
  const name = basename(path);
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UserError(`${name} 是一个文件夹，不是预算工作簿文件。`);
    size = stat.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`找不到文件 ${path}。请检查文件名和所在文件夹。`);
  }
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC || header.readUInt32BE(68) !== APPLICATION_ID) {
    throw new UserError(`${name} 不是预算工作簿文件（不是由预算编制工作台保存的 .budget 文件）。`);
  }
  if (header.readUInt32BE(60) > MIGRATIONS.length) throw new UserError(`${name} 由更新版本的预算编制工作台保存，请升级后再读取。`);
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true, timeout: 0 });
  } catch {
    throw new UserError(`${name} 无法打开：请检查文件是否可以读取。`);
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('query_only = ON');
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const framed = tables.has('file_id');
    return {
      workbook: new WorkbookContent(db).read(),
      fileId: framed ? readFileId(db) : null,
      unitFrame: framed ? readUnitFrame(db) : null,
      revision: db.prepare('SELECT revision FROM meta').pluck().get() as number,
    };
  } catch (e) {
    const code = String((e as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_BUSY')) throw new UserError(`${name} 正在别处打开（另一个窗口或程序正在使用它），请先在那里关闭。`);
    throw new UserError(`${name} 已损坏，无法读取（内容不完整或被改动，可能在复制或传输中损坏）。请改用备份或之前发出的副本。`);
  } finally {
    db.close();
  }
}
