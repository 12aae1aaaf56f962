import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
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
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
      throw new UserError(`无法写入 ${path}：没有写入权限，或文件正被其他程序（如 Excel）打开。请关闭该文件后重试`);
    }
    throw e;
  }
}
