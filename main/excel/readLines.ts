import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import type { Catalogs } from '../../shared/core/catalog/catalog';
import { describeFinding, readLineTable, type Finding } from '../../shared/core/lineTable';
import type { LineItem } from '../../shared/core/model';
import { readCsvFile } from '../io/csvFile';
import { splitFix } from '../io/problemText';
import { RefusedFile, UserError } from '../io/userError';
import { plainValue } from './cellValue';
import { LINE_SHEET_NAME } from './sheetNames';
import { checkXlsxArchive, xlsxUnreadable } from './xlsxArchive';

export interface ReadLinesOptions {
  catalogs?: Catalogs;
  /** Rows read so far (the header counts), every few thousand rows and once at the end. */
  onProgress?: (rowsRead: number) => void;
  /** Id of the first line read (the caller's next free id). */
  firstId?: number;
  /** The amounts of the lines already in the workbook, taken as positive, added up. */
  existingTotal?: number;
}

export interface ReadLinesResult {
  lines: LineItem[];
  warnings: Finding[];
  /** Where the lines were read: `明细.csv`, or `明细.xlsx 工作表“明细”`. */
  source: string;
}

const PROGRESS_EVERY = 5_000;

/** A cell as the text readLineTable reads: numbers written out in full (no exponent, no float noise). */
function cellText(v: unknown): string {
  const p = plainValue(v);
  if (p === null) return '';
  if (typeof p === 'number') return Number.isFinite(p) ? new Decimal(p).toFixed() : String(p);
  return p;
}

interface SheetEntry {
  name: string;
  state?: string;
}

/** Picks the sheet to read: the one with the preferred name, else the first, which must not be hidden. */
function targetSheet(sheets: readonly SheetEntry[], preferred: string, file: string): string | undefined {
  if (sheets.some((s) => s.name === preferred)) return preferred;
  const first = sheets[0];
  if (first && first.state !== undefined && first.state !== 'visible') {
    throw new UserError(
      `${file} 中${preferred ? `没有名为“${preferred}”的工作表，而` : ''}第一个工作表“${first.name}”是隐藏的，未读取（隐藏的表不应在不知情时被导入）。` +
        `请${preferred ? `把要导入的内容放在名为“${preferred}”的工作表中，或` : ''}在 Excel 中取消隐藏该表后重试`,
    );
  }
  return first?.name;
}

/** Streams the rows of the chosen sheet; undefined when exceljs's stream reader cannot read this file's layout. */
async function streamXlsxRows(path: string, preferred: string, onProgress?: (rows: number) => void): Promise<{ rows: string[][]; sheet: string } | undefined> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  const model = () => (reader as unknown as { model?: { sheets?: SheetEntry[] } }).model;
  const rows: string[][] = [];
  let chosen: string | undefined;
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as { name?: string } & AsyncIterable<ExcelJS.Row>;
      const sheets = model()?.sheets ?? [];
      // Without the workbook part the sheet names are unknown: let the full reader decide.
      if (sheets.length === 0 || ws.name === undefined) return undefined;
      const take = chosen === undefined && ws.name === targetSheet(sheets, preferred, basename(path));
      for await (const row of ws) {
        if (!take) continue;
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        while (rows.length < row.number - 1) rows.push([]);
        rows.push(cells);
        if (onProgress && rows.length % PROGRESS_EVERY === 0) onProgress(rows.length);
      }
      if (take) chosen = ws.name;
    }
  } catch (e) {
    // exceljs's stream reader stops on some zip layouts (e.g. the workbook part stored last, after
    // folder entries, as exceljs itself writes); the full reader reads those.
    if (e instanceof TypeError && model() === undefined) return undefined;
    throw e;
  }
  return chosen === undefined ? undefined : { rows, sheet: chosen };
}

/** Reads the whole workbook at once (exceljs's regular reader). */
async function loadXlsxRows(path: string, preferred: string, onProgress?: (rows: number) => void): Promise<{ rows: string[][]; sheet: string }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const name = targetSheet(book.worksheets, preferred, basename(path));
  const sheet = name === undefined ? undefined : book.getWorksheet(name);
  if (!sheet) throw new UserError(`${basename(path)} 中没有工作表`);
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = row.values as unknown[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    while (rows.length < number - 1) rows.push([]);
    rows.push(cells);
    if (onProgress && rows.length % PROGRESS_EVERY === 0) onProgress(rows.length);
  });
  return { rows, sheet: sheet.name };
}

async function readXlsxRows(path: string, preferred: string, onProgress?: (rows: number) => void): Promise<{ rows: string[][]; sheet: string }> {
  checkXlsxArchive(path);
  try {
    const read = (await streamXlsxRows(path, preferred, onProgress)) ?? (await loadXlsxRows(path, preferred, onProgress));
    onProgress?.(read.rows.length);
    return read;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(xlsxUnreadable(basename(path)));
  }
}

/**
 * The rows of a `.csv` (UTF-8, UTF-8 with BOM or GB18030) or of one sheet of an `.xlsx` (the sheet
 * named `sheet`, else the first; read as a stream, so 100,000 rows are fine), as text, and where they
 * were read (`明细.csv`, or `明细.xlsx 工作表“明细”`) for messages.
 */
export async function readRowsFile(path: string, opts: { sheet: string; onProgress?: (rows: number) => void }): Promise<{ rows: string[][]; source: string }> {
  const name = basename(path);
  if (!existsSync(path)) throw new UserError(`文件不存在：${path}`);
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt') {
    return { rows: readCsvFile(path, opts.onProgress), source: name };
  }
  if (ext === '.xlsx') {
    const read = await readXlsxRows(path, opts.sheet, opts.onProgress);
    return { rows: read.rows, source: `${name} 工作表“${read.sheet}”` };
  }
  if (ext === '.xls' || ext === '.et') {
    throw new UserError(`${name} 是旧版 Excel 格式（${ext}）：请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）或 CSV 后再导入`);
  }
  throw new UserError(`不支持的文件 ${name}：应为 .xlsx 或 .csv 文件`);
}

/**
 * Reads line items from a `.csv` or an `.xlsx` (the sheet named 明细, else the first). Headers as in
 * the import layout, in any order. Every bad row is reported — file, sheet, row, column, reason — in
 * one RefusedFile, and then nothing is returned: the caller imports all lines or none.
 */
export async function readLinesFile(path: string, opts: ReadLinesOptions = {}): Promise<ReadLinesResult> {
  const { rows, source } = await readRowsFile(path, { sheet: LINE_SHEET_NAME, onProgress: opts.onProgress });
  const result = readLineTable(rows, opts.catalogs, opts.firstId, opts.existingTotal);
  if (result.errors.length > 0) {
    throw new RefusedFile(
      `明细文件 ${source} 有 ${result.errors.length} 处错误，未导入任何数据：\n${result.errors.map((f) => `${source} ${describeFinding(f)}`).join('\n')}`,
      source,
      result.errors.map((f) => ({ row: f.row, column: f.column, ...splitFix(f.message) })),
    );
  }
  return { lines: result.lines, warnings: result.warnings, source };
}
