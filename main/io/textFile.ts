import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import iconv from 'iconv-lite';
import { UserError } from './userError';

/**
 * Reads a text file as people save it on Chinese Windows: UTF-8 with or without BOM, or GB18030
 * (what Excel writes for “CSV (逗号分隔)”). A file with NUL bytes is not text and is refused.
 */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UserError(`无法读取文件 ${path}：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message}`);
  }
  return decodeText(bytes, basename(path));
}

export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new UserError(`文件 ${name} 是空的`);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return Buffer.from(bytes.subarray(3)).toString('utf8');
  if (bytes.includes(0)) throw new UserError(`文件 ${name} 不是文本文件（CSV 应为 UTF-8 或 GB18030 编码的文本）`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'gb18030');
  }
}
