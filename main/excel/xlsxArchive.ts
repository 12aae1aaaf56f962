import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../io/userError';

/**
 * How far an .xlsx may unpack before anything unpacks it: an xlsx is a zip of XML, and a small
 * file can hold hundreds of megabytes of XML that the readers would then build in memory.
 * Excel's and this program's files unpack to 5–20 times their size.
 */
export const XLSX_UNPACK_BOUNDS = {
  /** Never more than this, whatever the file's size. */
  maxBytes: 1024 * 1024 * 1024,
  /** Above `ratioFromBytes`, at most this many times the file's size. */
  maxRatio: 40,
  ratioFromBytes: 64 * 1024 * 1024,
  maxEntries: 50_000,
} as const;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const MAX32 = 0xffffffff;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

const u64 = (b: Buffer, at: number) => Number(b.readBigUInt64LE(at));

/** The zip's entries' unpacked sizes, added up, from its central directory; undefined when the file is not a zip. */
function unpackedSize(path: string): { packed: number; unpacked: number; entries: number } | undefined {
  const fd = openSync(path, 'r');
  try {
    const packed = fstatSync(fd).size;
    const tailLength = Math.min(packed, 22 + 65_535 + 20);
    const tail = readAt(fd, packed - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) return undefined;
    let entries = tail.readUInt16LE(at + 10);
    let dirSize = tail.readUInt32LE(at + 12);
    let dirOffset = tail.readUInt32LE(at + 16);
    if ((entries === 0xffff || dirSize === MAX32 || dirOffset === MAX32) && at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
      const z = readAt(fd, u64(tail, at - 20 + 8), 56);
      if (z.length < 56 || z.readUInt32LE(0) !== ZIP64_EOCD) return undefined;
      entries = u64(z, 32);
      dirSize = u64(z, 40);
      dirOffset = u64(z, 48);
    }
    if (entries > XLSX_UNPACK_BOUNDS.maxEntries) return { packed, unpacked: Infinity, entries };
    if (dirOffset + dirSize > packed) return undefined;
    const dir = readAt(fd, dirOffset, dirSize);
    let unpacked = 0;
    let p = 0;
    for (let n = 0; n < entries; n++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_ENTRY) return undefined;
      let size = dir.readUInt32LE(p + 24);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      if (size === MAX32) {
        // The zip64 extra field holds the real size (first, since the unpacked size is the one missing).
        const extra = dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
        size = Infinity;
        for (let e = 0; e + 4 <= extra.length; e += 4 + extra.readUInt16LE(e + 2)) {
          if (extra.readUInt16LE(e) === 0x0001 && e + 12 <= extra.length) size = u64(extra, e + 4);
        }
      }
      unpacked += size;
      p += 46 + nameLength + extraLength + commentLength;
    }
    return { packed, unpacked, entries };
  } finally {
    closeSync(fd);
  }
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * Refuses, before anything unpacks it, a file that is not a zip (so not an .xlsx) or whose contents
 * unpack to far more than the bounds allow.
 */
export function checkXlsxArchive(path: string): void {
  const name = basename(path);
  const sizes = unpackedSize(path);
  if (!sizes) throw new UserError(xlsxUnreadable(name));
  const { packed, unpacked } = sizes;
  const { maxBytes, maxRatio, ratioFromBytes } = XLSX_UNPACK_BOUNDS;
  if (unpacked > maxBytes || (unpacked > ratioFromBytes && unpacked > packed * maxRatio)) {
    const limit = Math.min(maxBytes, Math.max(ratioFromBytes, packed * maxRatio));
    throw new UserError(
      `${name} 解压后有 ${Number.isFinite(unpacked) ? `${size(unpacked)} ` : '极多'}的内容（文件本身 ${size(packed)}），超过可读取的上限 ${size(limit)}，未读取。` +
        '正常的 Excel 文件解压后只有其大小的几倍到二十倍；请检查文件来源，或在 Excel 中打开后只保留需要的工作表另存为 .xlsx',
    );
  }
}

/** What to say when an .xlsx cannot be read (the readers' own texts are not shown). */
export function xlsxUnreadable(name: string): string {
  return `无法读取 ${name}：文件已损坏或不是有效的 Excel 工作簿（例如下载不完整、被截断，或只是改了扩展名）。请在 Excel 或 WPS 中打开并另存为 .xlsx 后重试`;
}
