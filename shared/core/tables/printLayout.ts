import { cellText, type TableModel } from './tableModel';

/**
 * How a table is laid out on paper, for the Excel file and the screen's print alike: column widths
 * in Excel's units (about one digit), and whether the table needs an A4 page on its side.
 */

/** Display width of a text in Excel's column units: a CJK character is about two digits wide. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

/**
 * A column width (Excel's units) that shows the text in one line, with room for the cell's indent:
 * CJK glyphs of 宋体 10pt are a little wider than two digits of the default font.
 */
export function fitWidth(text: string): number {
  return Math.ceil(displayWidth(text) * 1.1) + 3;
}

/** Column widths (in characters) that fit a page: A4 portrait holds about this many. */
export const PORTRAIT_WIDTH = 120;

/** Widths that fit every printed text; a merged header's text is spread over its columns. */
export function columnWidths(table: TableModel): number[] {
  const n = table.columns.length;
  const widths: number[] = table.columns.map((c) => (c.type === 'code' ? 5 : c.type === 'amount' ? 12 : 10));
  const fit = (i: number, text: string) => {
    widths[i] = Math.max(widths[i], Math.min(fitWidth(text), 50));
  };
  for (const row of table.rows) row.cells.forEach((cell, i) => fit(i, cellText(table, cell)));
  for (const h of table.header.filter((h) => h.colSpan === 1)) fit(h.col, h.text);
  for (const h of table.header.filter((h) => h.colSpan > 1)) {
    const cols = Array.from({ length: h.colSpan }, (_, k) => h.col + k);
    const have = cols.reduce((s, c) => s + widths[c], 0);
    const need = Math.min(fitWidth(h.text), 60);
    if (need > have) for (const c of cols) widths[c] += (need - have) / h.colSpan;
  }
  return widths.slice(0, n).map((w) => Math.ceil(w));
}

/** Whether columns this wide need A4 landscape. */
export function isLandscape(widths: readonly number[]): boolean {
  return widths.reduce((s, w) => s + w, 0) > PORTRAIT_WIDTH;
}
