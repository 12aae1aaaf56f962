import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { afterEach } from 'vitest';
import { formatYuan, parseAmount } from '../../shared/core/money';
import { DEFAULT_TEMPLATE } from '../../shared/core/templates/registry';
import { tableHeader, tableSpec } from '../../shared/core/templates/layout';
import type { Publication } from '../../shared/core/tables/published';


const dirs: string[] = [];

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'budget-excel-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

export async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

/** A number as `#,##0.00` shows it (exact decimal, no float arithmetic). */
export function showGrouped(value: number): string {
  const fixed = new Decimal(value).toFixed(2);
  const [int, dec] = fixed.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

/** Writes rows of plain values to an xlsx (test input as a person would type it in Excel). */
export async function writeRowsXlsx(path: string, rows: unknown[][], sheetName = 'Sheet1'): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  await book.xlsx.writeFile(path);
}

/**
 * A publication typed by hand in the standard layout: numbered titles, the 编制部门 and 单位 lines
 * apart, header texts in place without merged cells, well-formed amounts typed as numbers and
 * anything else (a misplaced separator) as text, notes under the table.
 */
export async function writeHandTypedPublication(path: string, pub: Publication, opts: { blankRows?: boolean } = {}): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const table of pub.tables) {
    const sheet = book.addWorksheet(`表${table.id}`);
    sheet.addRow([`${table.id}、${table.title}`]);
    if (opts.blankRows) sheet.addRow([]);
    sheet.addRow([`编制部门：${pub.department}`]);
    sheet.addRow([`单位：${table.unit}`]);
    const header = tableHeader(tableSpec(DEFAULT_TEMPLATE, table.id)!, pub.year);
    const rows = Math.max(...header.map((h) => h.row + h.rowSpan));
    const grid = Array.from({ length: rows }, () => new Array<string>(table.columns.length).fill(''));
    for (const h of header) grid[h.row][h.col] = h.text;
    for (const r of grid) sheet.addRow(r);
    for (const [i, row] of table.rows.entries()) {
      if (opts.blankRows && i === 1) sheet.addRow([]);
      sheet.addRow(
        row.map((text, c) => {
          const amount = !/^(类|款|项)$/.test(table.columns[c]) && !/(项目|名称)$/.test(table.columns[c]) && text !== '';
          if (!amount) return text === '' ? null : text;
          const parsed = parseAmount(table.unit === '万元' ? `${text}万` : text);
          if (!parsed.ok || (table.unit === '万元' && !/^\d+(\.\d\d)?$/.test(text))) return text;
          const back = table.unit === '万元' ? parsed.fen / 1_000_000 : parsed.fen / 100;
          return table.unit === '万元' || formatYuan(parsed.fen) === text ? back : text;
        }),
      );
    }
    if (table.note) sheet.addRow([table.note]);
  }
  await book.xlsx.writeFile(path);
}

/** The entries of a zip file (an .xlsx), read from its central directory: name → uncompressed bytes. */
export function unzipEntries(bytes: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file');
  const count = bytes.readUInt16LE(end + 10);
  let p = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(p + 10);
    const size = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extra = bytes.readUInt16LE(p + 30);
    const comment = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const data = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(data, data + size);
    entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}
