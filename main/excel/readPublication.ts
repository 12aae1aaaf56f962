import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { formatYuan } from '../../shared/core/money';
import { TEMPLATES } from '../../shared/core/templates/registry';
import { tableHeader, tableTitle } from '../../shared/core/templates/layout';
import type { TableTemplate, Template, ZeroStyle } from '../../shared/core/templates/types';
import type { Publication, PublishedTable } from '../../shared/core/tables/published';
import type { ColumnSpec, HeaderCell, TableId } from '../../shared/core/tables/tableModel';
import { UserError } from '../io/userError';
import { checkXlsxArchive, xlsxUnreadable } from './xlsxArchive';
import { plainValue } from './cellValue';

/** A publication read from an xlsx, with where each table was found. */
export interface ReadPublication extends Publication {
  /** Sheet name of each table read, by table id. */
  sheets: Partial<Record<TableId, string>>;
  /** The sheet row (1-based) of each body row read, by table id: for messages that name the row. */
  rowNumbers: Partial<Record<TableId, number[]>>;
  /** Things read with a guess (a heading not in the standard layout, …), in Chinese. */
  warnings: string[];
}

const norm = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

function rawValue(cell: ExcelJS.Cell): string | number | null {
  return plainValue(cell.value);
}

function textOf(cell: ExcelJS.Cell): string {
  const v = rawValue(cell);
  return v === null ? '' : String(v).trim();
}

/** An amount number as the publication prints it: 元 with two decimals; 万元 with `0` for nothing. */
function printedAmount(value: number, unit: string, zero: ZeroStyle): string {
  const hundredths = new Decimal(value).mul(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  if (unit === '万元' && hundredths === 0 && zero === '0') return '0';
  return formatYuan(hundredths);
}

/**
 * A body cell as printed. A number is printed in the table's style (so the checks see the same
 * text as in the publication's JSON); text stays exactly as typed, so a malformed `6,34695.92`
 * typed by hand stays malformed.
 */
function printedCell(cell: ExcelJS.Cell, spec: ColumnSpec | undefined, unit: string, zero: ZeroStyle, codeIndex: number): string {
  if (cell.isMerged && cell.master !== cell) return '';
  const v = rawValue(cell);
  if (v === null) return '';
  if (typeof v === 'string') return v.trim();
  if (spec?.type === 'amount') return printedAmount(v, unit, zero);
  if (spec?.type === 'code' && Number.isInteger(v)) return String(v).padStart(codeIndex === 0 ? 3 : 2, '0');
  return new Decimal(v).toFixed();
}

interface TitleMatch {
  id: TableId;
  template: Template;
  spec: TableTemplate;
  year: number;
  row: number;
  title: string;
}

/**
 * Finds a table title of any template (`2024 年部门支出预算总表`, `2019年部门一般公共预算支出预算表（功能科目）`,
 * optionally numbered `3、`, or with no year: `收支预算总表`) in the first rows; `prefer` is looked at first (a publication's tables are of one template).
 */
function findTitle(sheet: ExcelJS.Worksheet, prefer?: Template): TitleMatch | undefined {
  const templates = prefer ? [prefer, ...TEMPLATES.filter((t) => t !== prefer)] : TEMPLATES;
  for (let r = 1; r <= Math.min(6, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= Math.max(1, row.cellCount); c++) {
      const text = textOf(row.getCell(c));
      const title = norm(text).replace(/^\d{1,2}[、.．]?(?=\d{4}年)/, '');
      // a title without a year (Jiangsu's 收支预算总表) is matched as the template's title of no year
      const year = Number(/^(\d{4})年/.exec(title)?.[1] ?? 0);
      if (title === '') continue;
      for (const template of templates) {
        for (const spec of template.tables) {
          for (const scope of [template.scopeWords.department, template.scopeWords.unit]) {
            if (norm(tableTitle(spec, year, scope)) === title) return { id: spec.number, template, spec, year, row: r, title: text.replace(/^\d+[、.．]\s*/, '') };
          }
        }
      }
    }
  }
  return undefined;
}

/**
 * The heading path of each column over the header rows: a merged cell's text for every column
 * it covers; an empty unmerged cell continues the heading on its left when both stand under the
 * same heading (how a hand-typed header without merges reads), otherwise adds nothing.
 */
function headingPaths(grid: (string | null)[][]): string[][] {
  const rows = grid.length;
  const cols = Math.max(0, ...grid.map((r) => r.length));
  const resolved: string[][] = grid.map((r) => Array.from({ length: cols }, (_, c) => r[c] ?? ''));
  for (let r = 0; r < rows; r++) {
    for (let c = 1; c < cols; c++) {
      if (grid[r][c] !== null || resolved[r][c] !== '') continue;
      const sameParent = r === 0 || resolved[r - 1][c] === resolved[r - 1][c - 1];
      if (sameParent && resolved[r][c - 1] !== '' && (r === 0 || resolved[r - 1][c] !== '')) resolved[r][c] = resolved[r][c - 1];
    }
  }
  return Array.from({ length: cols }, (_, c) => {
    const path: string[] = [];
    for (let r = 0; r < rows; r++) {
      const t = resolved[r][c];
      if (t !== '' && t !== path[path.length - 1]) path.push(t);
    }
    return path;
  });
}

/** The layout's own header as a grid: merged cells repeat their text. */
function layoutGrid(header: readonly HeaderCell[], rows: number, cols: number): string[][] {
  const grid = Array.from({ length: rows }, () => new Array<string>(cols).fill(''));
  for (const h of header) for (let r = h.row; r < h.row + h.rowSpan; r++) for (let c = h.col; c < h.col + h.colSpan; c++) grid[r][c] = h.text;
  return grid;
}

function readTableSheet(
  sheet: ExcelJS.Worksheet,
  found: TitleMatch,
  file: string,
  warnings: string[],
): { table: PublishedTable; department: string; rowNumbers: number[] } {
  const layout = found.spec;
  const where = `${file} 工作表“${sheet.name}”`;
  let unit: string = layout.unit;
  let department = '';
  let headerTop = found.row + 1;
  for (let r = found.row + 1; r <= Math.min(found.row + 4, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    const texts = Array.from({ length: row.cellCount }, (_, i) => textOf(row.getCell(i + 1)));
    let matched = texts.every((t) => t === '');
    for (const t of texts) {
      // 编制部门：XX, or Jiangsu's 部门：XX (but not 单位：万元)
      const prep = /^(?:编制)?(?:部门|单位)[:：](.*)$/.exec(t);
      if (prep && !/^单位[:：]\s*(?:万元|元)\s*$/.test(t)) {
        department = prep[1].trim();
        matched = true;
      }
      const u = /(?:^|\s)单位[:：]\s*(万元|元)\s*$/.exec(t);
      if (u && !t.startsWith('编制')) {
        unit = u[1];
        matched = true;
      }
    }
    if (!matched) break;
    headerTop = r + 1;
  }
  const layoutHeader = tableHeader(layout, found.year);
  const headerRows = Math.max(...layoutHeader.map((h) => h.row + h.rowSpan));
  const n = layout.columns.length;
  let cols = n;
  for (let r = headerTop; r < headerTop + headerRows; r++) cols = Math.max(cols, sheet.getRow(r).cellCount);
  const grid: (string | null)[][] = [];
  for (let r = 0; r < headerRows; r++) {
    const row = sheet.getRow(headerTop + r);
    grid.push(
      Array.from({ length: cols }, (_, c) => {
        const cell = row.getCell(c + 1);
        const t = norm(textOf(cell));
        return t === '' && !cell.isMerged ? null : t;
      }),
    );
  }
  const paths = headingPaths(grid);
  const expected = headingPaths(layoutGrid(layoutHeader, headerRows, n).map((r) => r.map(norm)));
  // columns under one heading (Jiangsu's 项目名称 over 资金类别 and 项目) are told apart by their order
  const keysOf = new Map<string, ColumnSpec[]>();
  expected.forEach((p, i) => keysOf.set(p.join('/'), [...(keysOf.get(p.join('/')) ?? []), { key: layout.columns[i].key, type: layout.columns[i].type }]));
  const seen = new Map<string, number>();
  const specs: (ColumnSpec | undefined)[] = [];
  const columns: string[] = [];
  let lastUsed = 0;
  paths.forEach((p, i) => {
    if (p.length > 0) lastUsed = i + 1;
  });
  for (let i = 0; i < lastUsed; i++) {
    const path = paths[i].join('/');
    const spec = keysOf.get(path)?.[seen.get(path) ?? 0];
    seen.set(path, (seen.get(path) ?? 0) + 1);
    specs.push(spec);
    if (spec) columns.push(spec.key);
    else {
      const key = paths[i].join('.') || `第${i + 1}列`;
      columns.push(key);
      warnings.push(`${where} 第 ${i + 1} 列的表头“${paths[i].join(' / ') || '（空）'}”与标准表样不同，按“${key}”读取`);
    }
  }
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const notes: string[] = [];
  for (let r = headerTop + headerRows; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const first = row.getCell(1);
    const cells = columns.map((_, c) => printedCell(row.getCell(c + 1), specs[c], unit, layout.zero, c));
    if (cells.every((t) => t === '')) continue;
    const onlyFirst = cells.slice(1).every((t) => t === '');
    // A note: one text under the table (备注：…, or a sentence), often merged across the width.
    const spansAll = first.isMerged && first.master === first && cells[0].length > 8;
    if (notes.length > 0 || (onlyFirst && (spansAll || /^(备注|注)[:：]/.test(cells[0]) || /[：。]/.test(cells[0])))) {
      notes.push(textOf(first));
      continue;
    }
    rows.push(cells);
    rowNumbers.push(r);
  }
  const table: PublishedTable = { id: found.id, title: found.title, unit, columns, rows };
  if (notes.length > 0) table.note = notes.join('\n');
  return { table, department, rowNumbers };
}

/** Opens an .xlsx with a Chinese message for what is not one. */
export async function openXlsx(path: string): Promise<ExcelJS.Workbook> {
  const name = basename(path);
  if (!existsSync(path)) throw new UserError(`文件不存在：${path}`);
  const ext = extname(path).toLowerCase();
  if (ext === '.xls' || ext === '.et') throw new UserError(`${name} 是旧版 Excel 格式（${ext}）：请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入`);
  if (ext !== '.xlsx') throw new UserError(`${name} 不是 Excel 工作簿：应为 .xlsx 文件`);
  checkXlsxArchive(path);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch {
    throw new UserError(xlsxUnreadable(name));
  }
  return book;
}

/**
 * Reads the standard tables from a publication workbook (one this app exported, or one typed by
 * hand in the standard layout): each table sheet is found by its title, its columns by the
 * headings (merged or not), its rows as printed. Throws a UserError when no table is found.
 */
export async function readPublicationFile(path: string): Promise<ReadPublication> {
  const book = await openXlsx(path);
  const file = basename(path);
  const tables: PublishedTable[] = [];
  const sheets: Partial<Record<TableId, string>> = {};
  const rowNumbers: Partial<Record<TableId, number[]>> = {};
  const warnings: string[] = [];
  let department = '';
  let year = 0;
  let template: Template | undefined;
  for (const sheet of book.worksheets) {
    const found = findTitle(sheet, template);
    if (!found) continue;
    if (sheets[found.id]) {
      warnings.push(`${file} 工作表“${sheet.name}”与“${sheets[found.id]}”是同一张表（表 ${found.id}），只读取了前者`);
      continue;
    }
    const read = readTableSheet(sheet, found, file, warnings);
    sheets[found.id] = sheet.name;
    rowNumbers[found.id] = read.rowNumbers;
    tables.push(read.table);
    department ||= read.department;
    year ||= found.year;
    template ??= found.template;
  }
  if (tables.length === 0) {
    throw new UserError(
      `${file} 中没有找到标准公开表：每张表的工作表前几行应有表题，如“${tableTitle(TEMPLATES[0].tables[0], 2024, '部门')}”。共 ${book.worksheets.length} 个工作表：${book.worksheets.map((s) => s.name).join('、')}`,
    );
  }
  tables.sort((a, b) => a.id - b.id);
  return { department, year, tables, sheets, rowNumbers, warnings, ...(template ? { template: template.id } : {}) };
}

/** The tables of a publication workbook, for the checks (`budget check file.xlsx`). */
export async function readPublicationXlsx(path: string): Promise<PublishedTable[]> {
  return (await readPublicationFile(path)).tables;
}
