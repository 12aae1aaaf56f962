import { CATALOG_LABELS, CODE_LEVELS, LEVEL_NAMES, codePath, type Catalogs } from '../catalog/catalog';
import { formatYuan } from '../money';
import { codeKind, columnLabel, isTotalLabel, joinCode, norm, type ColumnInfo } from './readTables';
import { cellName, type LazyText, type ReadTable, type Review } from './review';

/** A table whose rows are 科目 (tables 2, 3, 5, 6, 7 by 功能分类, table 8 by 经济分类), read by code. */
export interface CodedTable {
  table: ReadTable;
  /** Body row of each code, first occurrence. */
  rowOf: Map<string, number>;
  totalRow?: number;
  /** Each listed code's children that are listed (the nearest listed ancestor is the parent). */
  children: Map<string, string[]>;
  /** Some row's code could not be read: a code missing from `rowOf` may be on that row, so it is not taken as 0. */
  unreadRows: boolean;
}

/** What other tables say a cell must be: the figure and where it is printed. */
export interface Reference {
  value: number;
  where: LazyText;
}

export type ReferenceOf = (ct: CodedTable, code: string | 'total', column: ColumnInfo) => Reference | undefined;

export function amountColumns(t: ReadTable): ColumnInfo[] {
  return t.columns.filter((c) => c.role === 'amount');
}

/** Reads the rows by code; readPublication has made sure the table has a code column. */
export function readCodedTable(t: ReadTable, review: Review, catalogs: Catalogs): CodedTable {
  const kind = codeKind(t.no);
  const codeCols = t.columns.filter((c) => c.role === 'code');
  const labelCols = t.columns.filter((c) => c.role !== 'amount');
  const rowOf = new Map<string, number>();
  let totalRow: number | undefined;
  let unreadRows = false;
  t.input.rows.forEach((cells, row) => {
    if (labelCols.some((c) => isTotalLabel(cells[c.index] ?? ''))) {
      totalRow ??= row;
      return;
    }
    const parts = codeCols.map((c) => cells[c.index] ?? '');
    const place = { table: t.no, row, column: codeCols[0].key };
    if (parts.every((p) => norm(p) === '')) {
      if (t.values[row].some((v) => v !== undefined && v !== 0)) {
        unreadRows = true;
        review.add('T-CODE', `表 ${t.no} 第 ${row + 1} 行有金额但没有科目编码；请补上科目编码，或删去该行`, place);
      }
      return;
    }
    const code = joinCode(parts, kind);
    if (!code) {
      unreadRows = true;
      const levels = CODE_LEVELS[kind].map((n, i) => `${LEVEL_NAMES[kind][i]} ${n} 位`).join('、');
      review.add('T-CODE', `表 ${t.no} 第 ${row + 1} 行科目编码“${parts.map(norm).filter(Boolean).join(' ')}”格式不对：应为 ${levels}（或分列印出）；请改正编码`, place);
      return;
    }
    const first = rowOf.get(code);
    if (first !== undefined) {
      review.add('T-CODE', `表 ${t.no} 第 ${row + 1} 行科目 ${code} 在第 ${first + 1} 行已经列出，同一科目只应列一行；请删去重复行或改正编码`, place);
      return;
    }
    rowOf.set(code, row);
    if (!catalogs[kind].entries.has(code)) {
      review.add('T-CODE-UNKNOWN', `表 ${t.no} 第 ${row + 1} 行科目编码 ${code} 不在${CATALOG_LABELS[kind]}科目表中；请核对编码，或导入当年的科目表`, place);
    }
  });
  const children = new Map<string, string[]>();
  for (const code of rowOf.keys()) {
    const parent = codePath(kind, code)
      .slice(0, -1)
      .reverse()
      .find((p) => rowOf.has(p));
    if (parent) children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  return { table: t, rowOf, totalRow, children, unreadRows };
}

function childLevelName(t: ReadTable, code: string): string {
  const kind = codeKind(t.no);
  const level = CODE_LEVELS[kind].indexOf(code.length);
  return LEVEL_NAMES[kind][level] ?? '科目';
}

/** Sums the cells, or undefined when one of them is unreadable or in a row already reported. */
function sumOf(t: ReadTable, review: Review, rows: readonly number[], column: ColumnInfo): number | undefined {
  let sum = 0;
  for (const row of rows) {
    const v = t.values[row][column.index];
    if (v === undefined || review.suspect(t.no, row)) return undefined;
    sum += v;
  }
  return sum;
}

/** 合计 column = the other amount columns, in every row. */
export function checkRowSums(ct: CodedTable, review: Review): void {
  const t = ct.table;
  const amounts = amountColumns(t);
  const total = amounts.find((c) => c.last === '合计');
  const parts = amounts.filter((c) => c !== total);
  if (!total || parts.length === 0) return;
  const rows = [...ct.rowOf.values(), ...(ct.totalRow === undefined ? [] : [ct.totalRow])];
  for (const row of rows) {
    const printed = t.values[row][total.index];
    const values = parts.map((c) => t.values[row][c.index]);
    if (printed === undefined || values.some((v) => v === undefined)) continue;
    const sum = values.reduce<number>((a, v) => a + v!, 0);
    if (sum !== printed) {
      review.add(
        'T-ROW-SUM',
        `${cellName(t, row, total)}为 ${formatYuan(printed)}，但${parts.map(columnLabel).join(' + ')} = ${formatYuan(sum)}，相差 ${formatYuan(printed - sum)}；请核对该行各列`,
        { table: t.no, row, column: total.key },
      );
    }
  }
}

/**
 * Each parent = the sum of its listed children, deepest parents first, so that a wrong 款 is
 * reported at the 款 and not again at its 类; the 合计 row = the sum of the leaf rows.
 * When other tables confirm the parent and contradict exactly one child, the child is reported instead.
 */
export function checkParentAndTotalSums(ct: CodedTable, review: Review, referenceOf?: ReferenceOf): void {
  const t = ct.table;
  const parents = [...ct.children].sort(([a], [b]) => b.length - a.length);
  for (const column of amountColumns(t)) {
    for (const [parent, kids] of parents) {
      const row = ct.rowOf.get(parent)!;
      const printed = t.values[row][column.index];
      const sum = sumOf(t, review, kids.map((k) => ct.rowOf.get(k)!), column);
      if (printed === undefined || sum === undefined || sum === printed) continue;
      const culprit = referenceOf && oddChild(ct, parent, kids, column, referenceOf);
      if (culprit) {
        const childRow = ct.rowOf.get(culprit.code)!;
        const value = t.values[childRow][column.index]!;
        review.add(
          'T-CROSS',
          `${cellName(t, childRow, column)}为 ${formatYuan(value)}，但${culprit.ref.where}为 ${formatYuan(culprit.ref.value)}，相差 ${formatYuan(value - culprit.ref.value)}；其上级科目 ${parent} 与其他表一致而与其下各级之和不符，应是本行有误，请核对`,
          { table: t.no, row: childRow, column: column.key },
        );
        continue;
      }
      review.add(
        'T-PARENT-SUM',
        `${cellName(t, row, column)}为 ${formatYuan(printed)}，但其下各${childLevelName(t, kids[0])}合计为 ${formatYuan(sum)}，相差 ${formatYuan(printed - sum)}；请核对该行或其下各行`,
        { table: t.no, row, column: column.key },
      );
    }
    if (ct.totalRow === undefined) continue;
    const leaves = [...ct.rowOf].filter(([code]) => !ct.children.has(code)).map(([, row]) => row);
    const printed = t.values[ct.totalRow][column.index];
    const sum = sumOf(t, review, leaves, column);
    if (printed === undefined || sum === undefined || sum === printed) continue;
    review.add(
      'T-TOTAL-SUM',
      `${cellName(t, ct.totalRow, column)}为 ${formatYuan(printed)}，但各末级科目合计为 ${formatYuan(sum)}，相差 ${formatYuan(printed - sum)}；请核对合计行`,
      { table: t.no, row: ct.totalRow, column: column.key },
    );
  }
}

/** The one child that other tables contradict, when they confirm the parent. */
function oddChild(ct: CodedTable, parent: string, kids: readonly string[], column: ColumnInfo, referenceOf: ReferenceOf): { code: string; ref: Reference } | undefined {
  const value = (code: string) => ct.table.values[ct.rowOf.get(code)!][column.index];
  if (referenceOf(ct, parent, column)?.value !== value(parent)) return undefined;
  const odd = kids.flatMap((code) => {
    const ref = referenceOf(ct, code, column);
    return ref && ref.value !== value(code) ? [{ code, ref }] : [];
  });
  return odd.length === 1 ? odd[0] : undefined;
}

/** The amount of a code in a column: 0 when the code is not listed, undefined when unreadable. */
export function codedValue(ct: CodedTable, code: string | 'total', column: ColumnInfo | undefined): number | undefined {
  if (!column) return undefined;
  const row = code === 'total' ? ct.totalRow : ct.rowOf.get(code);
  if (row === undefined) return code === 'total' || ct.unreadRows ? undefined : 0;
  return ct.table.values[row][column.index];
}
