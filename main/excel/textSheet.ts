import type ExcelJS from 'exceljs';
import { BODY_FONT, FONT_NAME, HEADER_FONT, PAGE_FOOTER, a4PageSetup, displayWidth, setText } from './style';

export interface TextBlock {
  text: string;
  /** A heading line (bold) rather than a paragraph. */
  heading?: boolean;
}

const TEXT_WIDTH = 80;

function rowHeight(text: string): number {
  const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / (TEXT_WIDTH - 4))), 0);
  return Math.max(18, lines * 15);
}

/** A sheet of running text: a title, then one paragraph per row, wrapped to an A4 page width. */
export function addTextSheet(book: ExcelJS.Workbook, name: string, title: string, blocks: readonly TextBlock[]): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { pageSetup: a4PageSetup(false), headerFooter: { oddFooter: PAGE_FOOTER } });
  sheet.columns = [{ width: TEXT_WIDTH }];
  const head = sheet.getCell('A1');
  setText(head, title);
  head.font = { name: FONT_NAME, size: 14, bold: true, charset: 134 };
  head.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;
  blocks.forEach((block, i) => {
    const cell = sheet.getCell(i + 2, 1);
    setText(cell, block.text);
    cell.font = block.heading ? HEADER_FONT : BODY_FONT;
    cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    sheet.getRow(i + 2).height = rowHeight(block.text);
  });
  return sheet;
}
