import type { EditRequest } from '../../../shared/contract/api';
import { workbookCatalogs } from '../../../shared/core/catalog/workbookCatalogs';
import type { LineFields } from '../../../shared/core/edits';
import { LINE_COLUMNS, type LineColumn } from '../../../shared/core/lineTable';
import type { LineItem } from '../../../shared/core/model';
import type { Bounds } from './cellRange';
import { GRID_COLUMNS, cellCopyText, cellEditText, parseCellInput, type PasteProblem } from './lineCells';

/** A range operation as one edit (one undo step), or every cell it could not set and why. */
export type RangePlan = { ok: true; edit: EditRequest; lines: number; cells: number } | { ok: false; problems: PasteProblem[] };

interface CellWrite {
  /** Row and column inside the range, 0-based, for messages. */
  row: number;
  col: number;
  line: LineItem;
  column: LineColumn;
  text: string;
}

type Catalogs = Parameters<typeof workbookCatalogs>[0];

/** Reads every cell's text as if typed; the lines' changes merged into one `updateLines`. */
function planWrites(writes: readonly CellWrite[], wb: Catalogs): RangePlan {
  const catalogs = workbookCatalogs(wb);
  const problems: PasteProblem[] = [];
  const sets = new Map<number, Partial<LineFields>>();
  for (const w of writes) {
    const parsed = parseCellInput(w.column, w.text, w.line, catalogs);
    if (!parsed.ok) {
      problems.push({ row: w.row + 1, column: w.col + 1, reason: `第 ${w.line.id} 行${LINE_COLUMNS[w.column].header}：${parsed.reason}` });
      continue;
    }
    sets.set(w.line.id, { ...sets.get(w.line.id), ...parsed.set });
  }
  if (problems.length > 0) return { ok: false, problems };
  const changes = [...sets].map(([id, set]) => ({ id, set }));
  return { ok: true, edit: { op: 'updateLines', changes }, lines: changes.length, cells: writes.length };
}

function columnsOf(b: Bounds): LineColumn[] {
  return GRID_COLUMNS.slice(b.left, b.right + 1);
}

/** Ctrl+D: each column's top cell into the cells under it. */
export function planFillDown(lines: readonly LineItem[], b: Bounds, wb: Catalogs): RangePlan {
  const writes: CellWrite[] = [];
  const top = lines[b.top];
  columnsOf(b).forEach((column, col) => {
    const text = cellEditText(top, column);
    for (let row = b.top + 1; row <= b.bottom; row++) writes.push({ row: row - b.top, col, line: lines[row], column, text });
  });
  return planWrites(writes, wb);
}

/** Ctrl+R: each row's leftmost cell into the cells right of it. */
export function planFillRight(lines: readonly LineItem[], b: Bounds, wb: Catalogs): RangePlan {
  const writes: CellWrite[] = [];
  const columns = columnsOf(b);
  for (let row = b.top; row <= b.bottom; row++) {
    const text = cellEditText(lines[row], columns[0]);
    columns.slice(1).forEach((column, i) => writes.push({ row: row - b.top, col: i + 1, line: lines[row], column, text }));
  }
  return planWrites(writes, wb);
}

/** One value (a single copied cell) into every cell of the range. */
export function planFillValue(text: string, lines: readonly LineItem[], b: Bounds, wb: Catalogs): RangePlan {
  const writes: CellWrite[] = [];
  for (let row = b.top; row <= b.bottom; row++) columnsOf(b).forEach((column, col) => writes.push({ row: row - b.top, col, line: lines[row], column, text }));
  return planWrites(writes, wb);
}

/** The columns a line cannot do without: Delete leaves them as they are and says so. */
const REQUIRED: ReadonlySet<LineColumn> = new Set<LineColumn>(['unit', 'kind', 'source']);

/**
 * Delete on a range: every cell emptied (an amount becomes 0, shown empty and marked until filled).
 * Columns a line must have are left, and named in `kept`.
 */
export function planClear(lines: readonly LineItem[], b: Bounds, wb: Catalogs): { plan: RangePlan; kept: LineColumn[] } {
  const columns = columnsOf(b);
  const writes: CellWrite[] = [];
  for (let row = b.top; row <= b.bottom; row++)
    columns.forEach((column, col) => {
      if (!REQUIRED.has(column)) writes.push({ row: row - b.top, col, line: lines[row], column, text: '' });
    });
  return { plan: planWrites(writes, wb), kept: columns.filter((c) => REQUIRED.has(c)) };
}

/** The range as cells for the clipboard: amounts as numbers a spreadsheet reads. */
export function rangeCells(lines: readonly LineItem[], b: Bounds): string[][] {
  const rows: string[][] = [];
  for (let row = b.top; row <= b.bottom; row++) rows.push(columnsOf(b).map((c) => cellCopyText(lines[row], c)));
  return rows;
}
