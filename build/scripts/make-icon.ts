// Draws the application icon, build/icons/icon.png (512×512): a blue rounded square with a white
// sheet ruled as a table, its header row filled. electron-builder makes the .ico and .icns from it.
//   npx tsx build/scripts/make-icon.ts
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
type Rgba = [number, number, number, number];
const BLUE: Rgba = [0x1f, 0x5f, 0xbf, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const RULE: Rgba = [0x9a, 0xb4, 0xdc, 255];
const HEADER: Rgba = [0xd6, 0xe4, 0xf7, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

function insideRounded(x: number, y: number, left: number, top: number, right: number, bottom: number, r: number): boolean {
  if (x < left || x >= right || y < top || y >= bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r - 1);
  const cy = Math.min(Math.max(y, top + r), bottom - r - 1);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function pixel(x: number, y: number): Rgba {
  if (!insideRounded(x, y, 16, 16, SIZE - 16, SIZE - 16, 96)) return CLEAR;
  const [l, t, r, b] = [112, 96, SIZE - 112, SIZE - 96];
  if (!insideRounded(x, y, l, t, r, b, 12)) return BLUE;
  const rows = [t + 64, t + 128, t + 192, t + 256];
  const cols = [l + 96, l + 192];
  if (rows.some((ry) => Math.abs(y - ry) < 3) || (y > t + 10 && y < b - 10 && cols.some((cx) => Math.abs(x - cx) < 3))) return RULE;
  return y < rows[0] ? HEADER : WHITE;
}

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function iconPng(): Buffer {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(raw, row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons', 'icon.png');
writeFileSync(out, iconPng());
console.log(`已生成 ${out}`);
