import type ExcelJS from 'exceljs';

/** The publication's typeface. Chinese Excel names SimSun “宋体” in the file. */
export const FONT_NAME = '宋体';
export const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 10, charset: 134 };
export const HEADER_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, bold: true };
export const TITLE_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 16, bold: true, charset: 134 };

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const THIN_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** 元 amounts: two decimals with thousands separators. */
export const YUAN_FORMAT = '#,##0.00';
/** 万元 amounts (table 9): two decimals, but a zero shows as `0` as the publication prints it. */
export const WAN_FORMAT = '#,##0.00;-#,##0.00;0';
/** Text: what a person types into the cell later stays text too (codes keep their leading zeros). */
export const TEXT_FORMAT = '@';

/** A4 (paperSize 9), one page wide, as many pages high as needed. */
export function a4PageSetup(landscape: boolean): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

export const PAGE_FOOTER = '&C第 &P 页，共 &N 页';

export { displayWidth, fitWidth, PORTRAIT_WIDTH } from '../../shared/core/tables/printLayout';


/** exceljs leaves out a column of width 9 (its default); a width is always written. */
export function explicitWidth(width: number): number {
  return width === 9 ? 10 : width;
}


/**
 * Sets a cell to user text. Text is always a plain string value, never a formula: a cell that
 * begins with = + - @ is stored as a string and shown as typed.
 */
export function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text === '' ? null : String(text);
}
