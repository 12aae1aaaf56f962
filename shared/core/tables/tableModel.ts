import { formatWanOrZero, formatYuan, type Fen } from '../money';
import { costTypeOf, runsOfficeExpenses, type CostType, type ExpenditureKind, type FundSource, type LineItem, type UnitType } from '../model';

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

/** Which lines a figure sums: the screen lists them when a figure is clicked. */
export interface LineFilter {
  functionPrefix?: string;
  economicPrefix?: string;
  economicCodes?: readonly string[];
  kinds?: readonly ExpenditureKind[];
  sources?: readonly FundSource[];
  costType?: CostType;
  /** Only lines of 行政单位 and 参照公务员法管理的事业单位 (机关运行经费). */
  officeUnitsOnly?: boolean;
  unit?: string;
}

export type Cell = { text: string } | { fen: Fen; filter: LineFilter };

export type RowLevel = 'class' | 'kuan' | 'item' | 'total' | 'row';

export interface TableRow {
  level: RowLevel;
  cells: Cell[];
}

export type TableId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface TableModel {
  id: TableId;
  title: string;
  /** 编制部门 (or 编制单位 for a unit's tables). */
  preparer: string;
  preparerLabel: '编制部门' | '编制单位';
  unit: '元' | '万元';
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
 * How a figure is printed: in 元 tables a zero is left blank; the 万元 table prints `0`.
 * The screen, the JSON and the Excel writer all print through this.
 */
export function cellText(table: Pick<TableModel, 'unit'>, cell: Cell): string {
  if (!isAmount(cell)) return cell.text;
  if (table.unit === '万元') return formatWanOrZero(cell.fen);
  return cell.fen === 0 ? '' : formatYuan(cell.fen);
}

export function matchesFilter(filter: LineFilter, line: LineItem, unitType: UnitType): boolean {
  if (filter.unit !== undefined && line.unit !== filter.unit) return false;
  if (filter.functionPrefix && !line.functionCode.startsWith(filter.functionPrefix)) return false;
  if (filter.economicPrefix && !line.economicCode.startsWith(filter.economicPrefix)) return false;
  if (filter.economicCodes && !filter.economicCodes.includes(line.economicCode)) return false;
  if (filter.kinds && !filter.kinds.includes(line.kind)) return false;
  if (filter.sources && !filter.sources.includes(line.source)) return false;
  if (filter.costType && costTypeOf(line) !== filter.costType) return false;
  if (filter.officeUnitsOnly && !runsOfficeExpenses(unitType)) return false;
  return true;
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
