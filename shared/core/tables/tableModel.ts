import { formatWan, formatYuan, wanHundredths, type Fen } from '../money';
import type { Measure, ZeroStyle } from '../templates/types';

export { matchesFilter } from './measure';

/** A header cell placed on the header grid, with its spans (as merged in the publication). */
export interface HeaderCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface ColumnSpec {
  /** The column's name in the published JSON (`本年收入.项目`, `合计`, …). */
  key: string;
  type: 'text' | 'code' | 'amount';
}

/** Which lines a figure sums (a template's measure narrowed to a row): the screen lists them when a figure is clicked. */
export interface LineFilter extends Measure {
  functionPrefix?: string;
  unit?: string;
}

export type Cell = { text: string } | { fen: Fen; filter: LineFilter };

export type RowLevel = 'class' | 'kuan' | 'item' | 'total' | 'row';

export interface TableRow {
  level: RowLevel;
  cells: Cell[];
  /** The 科目 code of a 类 / 款 / 项 row. */
  code?: string;
}

/** A table's number in its template (1–9 in Shanghai's set, 1–12 in Jiangsu's). */
export type TableId = number;

export interface TableModel {
  id: TableId;
  title: string;
  /** The title without year and scope (`财务收支预算总表`): the same for a department's and a unit's table. */
  name: string;
  /** 编制部门 (or 编制单位 for a unit's tables). */
  preparer: string;
  /** 编制部门 / 编制单位, or the template's words (Jiangsu: 部门). */
  preparerLabel: string;
  unit: '元' | '万元';
  /** How a zero amount is printed. */
  zero: ZeroStyle;
  header: HeaderCell[];
  headerRows: number;
  columns: ColumnSpec[];
  rows: TableRow[];
  note?: string;
}

export function isAmount(cell: Cell): cell is { fen: Fen; filter: LineFilter } {
  return 'fen' in cell;
}

/**
 * How a figure is printed: in its table's unit (万元 rounded half up to hundredths) with two
 * decimals, a zero as the table's zero style says (blank, `0` or `0.00`). The screen, the JSON and
 * the Excel writer all print through this.
 */
export function cellText(table: Pick<TableModel, 'unit' | 'zero'>, cell: Cell): string {
  if (!isAmount(cell)) return cell.text;
  const shown = table.unit === '万元' ? wanHundredths(cell.fen) : cell.fen;
  if (shown === 0) return table.zero === 'blank' ? '' : table.zero;
  return table.unit === '万元' ? formatWan(cell.fen) : formatYuan(cell.fen);
}

/** A header row as written: [text, rowSpan, colSpan]; cells are placed like HTML table cells. */
export type HeaderSpec = [text: string, rowSpan?: number, colSpan?: number][];

export function layoutHeader(rows: readonly HeaderSpec[]): HeaderCell[] {
  const taken = new Set<string>();
  const cells: HeaderCell[] = [];
  rows.forEach((spec, row) => {
    let col = 0;
    for (const [text, rowSpan = 1, colSpan = 1] of spec) {
      while (taken.has(`${row},${col}`)) col++;
      cells.push({ text, row, col, rowSpan, colSpan });
      for (let r = row; r < row + rowSpan; r++) for (let c = col; c < col + colSpan; c++) taken.add(`${r},${c}`);
      col += colSpan;
    }
  });
  return cells;
}
