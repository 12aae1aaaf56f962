import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { WorkbookFile } from '../workbook/file';

/**
 * Copies a closed workbook file to `target` (replacing it: the save dialog has asked), through a
 * temporary file beside the target, so no half-written workbook is ever left under its name.
 * A target with a write-ahead log beside it is in use (or was left by a crash) and is not touched:
 * SQLite would read that log into the copy.
 */
export async function copyWorkbook(source: string, target: string): Promise<void> {
  if (existsSync(`${target}-wal`)) throw new Error(`${basename(target)} 可能正被另一个程序使用（旁边有 ${basename(target)}-wal），未覆盖。请换一个文件名。`);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await copyFile(source, temp);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new Error(`无法写入 ${target}：${(error as Error).message}`);
  }
}

/**
 * 新建: an empty workbook at `path`. Over an existing file (the save dialog has asked) the new
 * workbook is made beside it and copied over it, so the old file stays whole until then.
 */
export async function createWorkbookAt(path: string, init: { department: string; year: number }): Promise<void> {
  if (!existsSync(path)) return WorkbookFile.create(path, init).close();
  const fresh = join(dirname(path), `.${basename(path)}.new-${process.pid}.budget`);
  try {
    WorkbookFile.create(fresh, init).close();
    await copyWorkbook(fresh, path);
  } finally {
    await rm(fresh, { force: true });
  }
}
