import type { NarrativeFigure, NarrativeTemplate, TableTemplate } from './types';

/**
 * Where a template's narrative figures are printed. The 编制说明 reads each figure from the derived
 * table's cell and the text check reads it from the published (or read-back) table's cell, both
 * through `locateFigure`, so the text and the tables cannot disagree about which cell a figure is.
 */

/** Every figure a template's narrative states, in order. */
export function narrativeFigures(n: NarrativeTemplate): NarrativeFigure[] {
  return [...n.income, ...n.spending].flatMap((s) => [...(s.lead ? [s.lead] : []), ...s.parts]);
}

/** The key a narrative figure is known by in the text check (its label is unique in the template). */
export function narrativeFigureKey(f: NarrativeFigure): string {
  return `template:${f.label}`;
}

const compact = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

/**
 * The row and column printing a figure, in a table's printed texts (derived, or read back from a
 * file): the column by its key, the row by its label in the nearest text columns left of that
 * column (a side's 项目, or 资金类别 / 项目). A figure without a row is the table's first row. Undefined
 * when the table does not print the row (a row printed only when not zero) or the column.
 */
export function locateFigure(
  spec: TableTemplate,
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  f: Pick<NarrativeFigure, 'row' | 'column'>,
): { row: number; column: number } | undefined {
  const column = columns.indexOf(f.column);
  if (column < 0) return undefined;
  if (f.row === undefined) return rows.length > 0 ? { row: 0, column } : undefined;
  const labelColumns: number[] = [];
  let i = spec.columns.findIndex((c) => c.key === f.column) - 1;
  while (i >= 0 && spec.columns[i].type === 'amount') i--;
  for (; i >= 0 && spec.columns[i].type !== 'amount'; i--) {
    const at = columns.indexOf(spec.columns[i].key);
    if (at >= 0) labelColumns.push(at);
  }
  const label = compact(f.row);
  const row = rows.findIndex((r) => labelColumns.some((k) => compact(r[k] ?? '') === label));
  return row < 0 ? undefined : { row, column };
}
