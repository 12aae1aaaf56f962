import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import iconv from 'iconv-lite';
import { fileProblem } from './fileProblem';
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
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`无法读取文件 ${path}：${code === 'ENOENT' ? '文件不存在' : (fileProblem(code) ?? '读取出错。请检查文件是否可以打开')}`);
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
    if (!looksLikeGb(bytes)) {
      throw new UserError(
        `文件 ${name} 的编码无法识别：它不是 UTF-8，读作 GB18030（简体中文 Excel 的“CSV（逗号分隔）”）也是乱码，可能是繁体 Big5、日文 Shift-JIS 或不是文本。` +
          '请在 Excel 或 WPS 中打开，另存为“CSV UTF-8（逗号分隔）”后重试',
      );
    }
    return iconv.decode(Buffer.from(bytes), 'gb18030');
  }
}

/**
 * Whether bytes that are not UTF-8 read as GB18030 text of simplified Chinese: no control
 * characters or impossible sequences, and most two-byte characters in GB2312's range (common
 * simplified characters). Big5 and Shift-JIS text decode "successfully" as GBK, but mostly to
 * rare characters outside that range.
 */
function looksLikeGb(bytes: Uint8Array): boolean {
  let common = 0;
  let rare = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) {
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
      continue;
    }
    const next = bytes[i + 1];
    if (b === 0x80 || b === 0xff || next === undefined) return false;
    if (next >= 0x30 && next <= 0x39) {
      rare++;
      i += 3;
    } else if ((next >= 0x40 && next <= 0x7e) || (next >= 0x80 && next <= 0xfe)) {
      if (b >= 0xa1 && b <= 0xf7 && next >= 0xa1) common++;
      else rare++;
      i++;
    } else return false;
  }
  return rare < 3 || rare * 5 <= common + rare;
}
