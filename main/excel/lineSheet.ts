import type ExcelJS from 'exceljs';
import { LINE_COLUMN_ORDER, writeLineTable } from '../../shared/core/lineTable';
import type { LineItem } from '../../shared/core/model';
import { BODY_FONT, HEADER_FONT, TEXT_FORMAT, THIN_BORDER, YUAN_FORMAT, a4PageSetup, explicitWidth, fitWidth, setText } from './style';

const AMOUNT_COLUMN = LINE_COLUMN_ORDER.indexOf('amount');
const TEXT_STYLE: Partial<ExcelJS.Style> = { font: BODY_FONT, numFmt: TEXT_FORMAT, alignment: { horizontal: 'left', vertical: 'middle' } };
const AMOUNT_STYLE: Partial<ExcelJS.Style> = { font: BODY_FONT, numFmt: YUAN_FORMAT, alignment: { horizontal: 'right', vertical: 'middle' } };

/**
 * The line items as an editable sheet in the import layout (the same header and columns as
 * `writeLineTable`, so the sheet imports again unchanged). Amounts are numbers of 元; every other
 * cell is text (codes keep their digits, and nothing a person typed becomes a formula). Every cell
 * is given one of two shared style objects: exceljs hands each new cell its own copy of the column's
 * style and caches style ids by object, so without sharing it would work out the style of
 * every cell of 100,000 lines anew.
 */
export function addLineSheet(book: ExcelJS.Workbook, name: string, lines: readonly LineItem[]): ExcelJS.Worksheet {
  const rows = writeLineTable(lines);
  const sheet = book.addWorksheet(name, {
    pageSetup: { ...a4PageSetup(true), printTitlesRow: '1:1' },
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  const widths = rows[0].map((h) => fitWidth(h) + 1);
  for (let r = 1; r < rows.length; r++) {
    rows[r].forEach((text, c) => {
      if (text.length * 2 + 4 > widths[c]) widths[c] = Math.max(widths[c], Math.min(fitWidth(text), 50));
    });
  }
  sheet.columns = widths.map((width, c) => ({ width: explicitWidth(width), style: c === AMOUNT_COLUMN ? AMOUNT_STYLE : TEXT_STYLE }));
  const header = sheet.getRow(1);
  rows[0].forEach((text, c) => {
    const cell = header.getCell(c + 1);
    setText(cell, text);
    cell.style = { font: HEADER_FONT, border: THIN_BORDER, alignment: { horizontal: 'center', vertical: 'middle' } };
  });
  for (let r = 1; r < rows.length; r++) {
    const target = sheet.getRow(r + 1);
    rows[r].forEach((text, c) => {
      // An empty cell is not written at all: the column's style covers it.
      if (c === AMOUNT_COLUMN) {
        const cell = target.getCell(c + 1);
        cell.value = lines[r - 1].amount / 100;
        cell.style = AMOUNT_STYLE;
      } else if (text !== '') {
        const cell = target.getCell(c + 1);
        setText(cell, text);
        cell.style = TEXT_STYLE;
      }
    });
    target.commit();
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: rows[0].length } };
  return sheet;
}
