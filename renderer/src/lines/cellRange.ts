/** A cell of the grid by position: the row among the lines as shown (sorted, filtered) and the column's index. */
export interface CellPos {
  row: number;
  col: number;
}

/** A rectangle of cells as Excel selects it: from the anchor (where it began) to the focus (where it ends). */
export interface CellRange {
  anchor: CellPos;
  focus: CellPos;
}

export interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function singleCell(pos: CellPos): CellRange {
  return { anchor: pos, focus: pos };
}

export function boundsOf(r: CellRange): Bounds {
  return {
    top: Math.min(r.anchor.row, r.focus.row),
    bottom: Math.max(r.anchor.row, r.focus.row),
    left: Math.min(r.anchor.col, r.focus.col),
    right: Math.max(r.anchor.col, r.focus.col),
  };
}

export function isSingleCell(r: CellRange): boolean {
  return r.anchor.row === r.focus.row && r.anchor.col === r.focus.col;
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max));
}

/** The range with its focus moved (Shift+arrow), kept inside `rows` × `cols`. */
export function extendRange(r: CellRange, dRow: number, dCol: number, rows: number, cols: number): CellRange {
  return { anchor: r.anchor, focus: { row: clamp(r.focus.row + dRow, rows - 1), col: clamp(r.focus.col + dCol, cols - 1) } };
}

/** The range from its anchor to a cell (Shift+click, a mouse drag). */
export function rangeTo(r: CellRange, pos: CellPos): CellRange {
  return { anchor: r.anchor, focus: pos };
}

export function allCells(rows: number, cols: number): CellRange {
  return { anchor: { row: 0, col: 0 }, focus: { row: Math.max(rows - 1, 0), col: cols - 1 } };
}

/** Which edges of the rectangle a cell sits on, for drawing the range as one outline; null outside it. */
export function cellEdges(b: Bounds, row: number, col: number): { top: boolean; bottom: boolean; left: boolean; right: boolean } | null {
  if (row < b.top || row > b.bottom || col < b.left || col > b.right) return null;
  return { top: row === b.top, bottom: row === b.bottom, left: col === b.left, right: col === b.right };
}
