import type ExcelJS from 'exceljs';
import { LINE_COLUMN_ORDER, writeLineTable } from '../../shared/core/lineTable';
import type { LineItem } from '../../shared/core/model';
import { BODY_FONT, HEADER_FONT, TEXT_FORMAT, THIN_BORDER, YUAN_FORMAT, a4PageSetup, explicitWidth, fitWidth, setText } from './style';

const AMOUNT_COLUMN = LINE_COLUMN_ORDER.indexOf('amount');

/**
 * The line items as an editable sheet in the import layout (the same header and columns as
 * `writeLineTable`, so the sheet imports again unchanged). Amounts are numbers of 元; every other
 * cell is text (codes keep their digits, and nothing a person typed becomes a formula).
 */
export function addLineSheet(book: ExcelJS.Workbook, name: string, lines: readonly LineItem[]): ExcelJS.Worksheet {
  const rows = writeLineTable(lines);
  const sheet = book.addWorksheet(name, {
    pageSetup: { ...a4PageSetup(true), printTitlesRow: '1:1' },
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  const widths = rows[0].map((h) => fitWidth(h) + 1);
  rows.forEach((row, r) => {
    const target = sheet.getRow(r + 1);
    row.forEach((text, c) => {
      const cell = target.getCell(c + 1);
      cell.border = THIN_BORDER;
      if (r === 0) {
        setText(cell, text);
        cell.font = HEADER_FONT;
        cell.alignment = { horizontal: 'center', vertical: 'middle' };
        return;
      }
      cell.font = BODY_FONT;
      if (c === AMOUNT_COLUMN) {
        cell.value = lines[r - 1].amount / 100;
        cell.numFmt = YUAN_FORMAT;
        cell.alignment = { horizontal: 'right', vertical: 'middle', indent: 1 };
        widths[c] = Math.max(widths[c], fitWidth(text) + 1);
      } else {
        setText(cell, text);
        cell.numFmt = TEXT_FORMAT;
        cell.alignment = { horizontal: 'left', vertical: 'middle', indent: 1 };
        widths[c] = Math.max(widths[c], Math.min(fitWidth(text), 50));
      }
    });
  });
  sheet.columns = widths.map((width) => ({ width: explicitWidth(width) }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: rows[0].length } };
  return sheet;
}
