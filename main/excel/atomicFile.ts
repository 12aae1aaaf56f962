import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileProblem } from '../io/fileProblem';
import { UserError } from '../io/userError';

/**
 * Writes a file so that no half-written file is ever left: the bytes go to a temporary file in
 * the same folder, are flushed to disk, and only then renamed over the target. On any failure the
 * temporary file is removed and the target is untouched.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await writeAtomic(path, async (temp) => {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
  });
}

/**
 * Lets `write` fill a temporary file in the target's folder, flushes it to disk, then renames it
 * over the target. On any failure the temporary file is removed and the target is untouched.
 */
export async function writeAtomic(path: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  const target = resolve(path);
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UserError(`无法写入 ${path}：文件夹 ${folder} 不存在，请先建立该文件夹或换一个输出位置`);
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new UserError(`无法写入 ${path}：这是一个文件夹，不是文件。请在文件夹中给出文件名，例如 ${join(path, basename(path))}`);
  }
  const lock = OPEN_MARKERS.map((marker) => join(folder, marker(basename(target)))).find((m) => existsSync(m));
  if (lock) {
    throw new UserError(`${basename(path)} 正在 Excel、WPS 或 LibreOffice 中打开（旁边有 ${basename(lock)}），未覆盖。请先关闭它，或换一个文件名`);
  }
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await write(temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    const why = fileProblem((e as NodeJS.ErrnoException).code);
    if (why) throw new UserError(`无法写入 ${path}：${why}。${basename(path)} 未改动`);
    throw e;
  }
}

/** The lock files Excel/WPS (`~$name`) and LibreOffice (`.~lock.name#`) keep beside a workbook they have open. */
const OPEN_MARKERS = [(name: string) => `~$${name}`, (name: string) => `.~lock.${name}#`];

/** Refuses an output that is one of the command's inputs (the same file under any name). */
export function refuseOverwritingInput(out: string, inputs: readonly (string | undefined)[]): void {
  if (!existsSync(out)) return;
  const o = statSync(out);
  for (const input of inputs) {
    if (input === undefined || !existsSync(input)) continue;
    const i = statSync(input);
    if (i.dev === o.dev && i.ino === o.ino) throw new UserError(`输出文件 ${basename(out)} 就是输入文件 ${basename(input)}，未覆盖。请给 --out 另一个文件名`);
  }
}
