import type ExcelJS from 'exceljs';
import { wanHundredths } from '../../shared/core/money';
import { columnWidths, isLandscape } from '../../shared/core/tables/printLayout';
import { cellText, isAmount, type Cell, type TableModel } from '../../shared/core/tables/tableModel';
import {
  BODY_FONT,
  HEADER_FONT,
  PAGE_FOOTER,
  TEXT_FORMAT,
  THIN_BORDER,
  TITLE_FONT,
  WAN_FORMAT,
  YUAN_FORMAT,
  a4PageSetup,
  explicitWidth,
  setText,
} from './style';

/** Rows above the header: the title, then the 编制部门 / 单位 line. */
export const ROWS_ABOVE_HEADER = 2;

/**
 * The number an amount cell holds: 元 for tables 1–8, 万元 (rounded half up to hundredths, as
 * printed) for table 9. Integer fen (or hundredths) divided once by 100 gives the closest double to
 * the two-decimal value; nothing is summed in floating point.
 */
export function amountNumber(table: Pick<TableModel, 'unit'>, fen: number): number {
  return (table.unit === '万元' ? wanHundredths(fen) : fen) / 100;
}

function columnLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}


/** Two decimals; a zero as the table prints it (`0` in the district's 万元 table, else `0.00`). */
function numberFormat(table: Pick<TableModel, 'zero'>): string {
  return table.zero === '0' ? WAN_FORMAT : YUAN_FORMAT;
}

function writeBodyCell(table: TableModel, target: ExcelJS.Cell, cell: Cell, type: 'text' | 'code' | 'amount'): void {
  target.border = THIN_BORDER;
  target.font = BODY_FONT;
  if (isAmount(cell)) {
    target.alignment = { horizontal: 'right', vertical: 'middle', indent: 1 };
    target.numFmt = numberFormat(table);
    // cellText decides what is printed: a blank stays an empty cell.
    if (cellText(table, cell) !== '') target.value = amountNumber(table, cell.fen);
    return;
  }
  setText(target, cell.text);
  if (type === 'code') {
    target.numFmt = TEXT_FORMAT;
    target.alignment = { horizontal: 'center', vertical: 'middle' };
  } else if (type === 'amount') {
    target.numFmt = numberFormat(table);
    target.alignment = { horizontal: 'right', vertical: 'middle', indent: 1 };
  } else {
    target.alignment = { horizontal: 'left', vertical: 'middle', indent: 1 };
  }
}

/**
 * Renders one of the engine's table models as a worksheet, as the publication prints it: title,
 * 编制部门 and 单位, the header with its merged cells, the body and 合计 rows, the note of an empty
 * table. Nothing is computed here: texts and amounts come from the model, blanks from `cellText`.
 */
export function addTableSheet(book: ExcelJS.Workbook, name: string, table: TableModel): ExcelJS.Worksheet {
  const n = table.columns.length;
  const headerTop = ROWS_ABOVE_HEADER + 1;
  const headerBottom = ROWS_ABOVE_HEADER + table.headerRows;
  const widths = columnWidths(table);
  const landscape = isLandscape(widths);
  const sheet = book.addWorksheet(name, {
    pageSetup: { ...a4PageSetup(landscape), printTitlesRow: `${headerTop}:${headerBottom}` },
    headerFooter: { oddFooter: PAGE_FOOTER },
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerBottom }],
    properties: { defaultRowHeight: 18 },
  });
  sheet.columns = widths.map((width) => ({ width: explicitWidth(width) }));
  const last = columnLetter(n);

  const title = sheet.getCell('A1');
  setText(title, table.title);
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(`A1:${last}1`);
  sheet.getRow(1).height = 32;

  const preparer = sheet.getCell('A2');
  setText(preparer, `${table.preparerLabel}：${table.preparer}`);
  preparer.font = BODY_FONT;
  preparer.alignment = { horizontal: 'left', vertical: 'middle' };
  if (n > 2) sheet.mergeCells(`A2:${columnLetter(n - 1)}2`);
  const unit = sheet.getCell(2, n);
  setText(unit, `单位：${table.unit}`);
  unit.font = BODY_FONT;
  unit.alignment = { horizontal: 'right', vertical: 'middle' };
  sheet.getRow(2).height = 20;

  for (let r = headerTop; r <= headerBottom; r++) {
    for (let c = 1; c <= n; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = THIN_BORDER;
      cell.font = HEADER_FONT;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    sheet.getRow(r).height = 20;
  }
  for (const h of table.header) {
    const top = headerTop + h.row;
    const left = h.col + 1;
    setText(sheet.getCell(top, left), h.text);
    if (h.rowSpan > 1 || h.colSpan > 1) sheet.mergeCells(top, left, top + h.rowSpan - 1, left + h.colSpan - 1);
  }

  let r = headerBottom + 1;
  for (const row of table.rows) {
    const target = sheet.getRow(r);
    row.cells.forEach((cell, i) => writeBodyCell(table, target.getCell(i + 1), cell, table.columns[i].type));
    if (row.level === 'total') for (let c = 1; c <= n; c++) target.getCell(c).font = HEADER_FONT;
    target.height = 18;
    r++;
  }
  if (table.note) {
    const note = sheet.getCell(r, 1);
    setText(note, table.note);
    note.font = BODY_FONT;
    note.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    sheet.mergeCells(r, 1, r, n);
    sheet.getRow(r).height = 20;
  }
  return sheet;
}
