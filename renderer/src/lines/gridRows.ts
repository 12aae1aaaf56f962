import type { LineItem } from '../../../shared/core/model';
import { addFen, type Fen } from '../../../shared/core/money';

/** A row of the line grid: a line, the empty row for a new line, or the 合计 row. */
export type GridRow = LineItem & { pinned?: 'new' | 'total' };

export function newLineRow(): GridRow {
  return { id: 0, unit: '', functionCode: '', economicCode: '', kind: '基本支出', source: '一般公共预算财政拨款', project: '', amount: 0, pinned: 'new' };
}

/** The sum of the lines' amounts, exact in 分. */
export function linesTotal(lines: readonly LineItem[]): Fen {
  let amount = 0;
  for (const l of lines) amount = addFen(amount, l.amount);
  return amount;
}

export function totalRow(amount: Fen): GridRow {
  return { ...newLineRow(), id: -1, amount, pinned: 'total' };
}
