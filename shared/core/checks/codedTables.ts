import { CODE_LEVELS, LEVEL_NAMES, codePath, type CatalogKind, type Catalogs } from '../catalog/catalog';
import { editionLabel, isOldName } from '../catalog/editions';
import { SANGONG_ITEMS } from '../model';
import type { TableId } from '../tables/tableModel';
import { formatYuan } from '../money';
import { codeKind, columnLabel, isTotalLabel, joinCode, norm, stripNumbering, type ColumnInfo } from './readTables';
import { cellName, type LazyText, type ReadTable, type Review } from './review';

/** A table whose rows are 科目 (tables 2, 3, 5, 6, 7 by 功能分类, table 8 by 经济分类), read by code. */
export interface CodedTable {
  table: ReadTable;
  /** Body row of each code, first occurrence. */
  rowOf: Map<string, number>;
  totalRow?: number;
  /** Each listed code's children that are listed (the nearest listed ancestor is the parent). */
  children: Map<string, string[]>;
  /** Rows whose code cannot be read but whose amounts can, counted where their position puts them: under a parent, or at the top. */
  unreadLeaves: { row: number; parent?: string }[];
  /** Some row's code could not be read: a code missing from `rowOf` may be on that row, so it is not taken as 0. */
  unreadRows: boolean;
  /** The row saying the table is empty (`无`, `此表为空`, …), if any. */
  emptyMark?: number;
  /** Codes whose printed name is not the catalog's: checks that depend on what the code means skip them. */
  misnamed: Set<string>;
}

/** What the checks leave out on a row whose name contradicts its code, said in the T-NAME finding. */
function skippedBecauseMisnamed(table: TableId, code: string): string | undefined {
  const item = SANGONG_ITEMS.find((i) => i.economicCode === code);
  if (table === 8 && item) return `该行与表 9“${item.label}”的核对已跳过：不能确定该行是否${item.label}`;
  return undefined;
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

const EMPTY_MARKS = new Set(['无', '此表为空', '本表为空', '此表无数据', '本表无数据', '空表']);

/** `无`, `此表为空`, `（此表无数据）`: a table printed empty on purpose. */
export function isEmptyMark(text: string): boolean {
  return EMPTY_MARKS.has(norm(text).replace(/^[(（]|[)）。.]$/g, ''));
}

/** The level (0 = 类) a row with an unreadable code seems to be at: by the split column it fills last, or by its length. */
function guessLevel(parts: readonly string[], levels: readonly number[]): number {
  if (parts.length > 1) return parts.reduce((last, p, i) => (norm(p) === '' ? last : i), 0);
  const length = norm(parts[0]).length;
  let best = 0;
  levels.forEach((n, i) => {
    if (Math.abs(n - length) <= Math.abs(levels[best] - length)) best = i;
  });
  return best;
}

/**
 * Rows are printed parents first, each under its parent, in code order: a row whose listed parent is
 * not above it in its block, or that comes before a smaller code, is out of place.
 */
function checkOrder(t: ReadTable, printed: readonly { row: number; code?: string }[], rowOf: ReadonlyMap<string, number>, kind: CatalogKind, review: Review): void {
  let prev: string | undefined;
  for (const { row, code } of printed) {
    if (code === undefined) continue;
    const parent = codePath(kind, code)
      .slice(0, -1)
      .reverse()
      .find((p) => rowOf.has(p));
    const inPlace = prev === undefined ? parent === undefined : prev < code && (parent === undefined || prev.startsWith(parent));
    if (!inPlace) {
      const where = parent === undefined ? `应按编码顺序排在 ${prev} 之前` : `应排在其上级科目 ${parent}（第 ${rowOf.get(parent)! + 1} 行）之下、按编码顺序的位置`;
      review.add('T-ORDER', `表 ${t.no} 第 ${row + 1} 行科目 ${code} 的位置不对：${where}；请把该行移到正确位置`, { table: t.no, row, column: t.columns.find((c) => c.role === 'code')!.key });
    }
    prev = code;
  }
}

/** Reads the rows by code; readPublication has made sure the table has a code column. */
export function readCodedTable(t: ReadTable, review: Review, catalogs: Catalogs): CodedTable {
  const kind = codeKind(t.no);
  const levels = CODE_LEVELS[kind];
  const codeCols = t.columns.filter((c) => c.role === 'code');
  const labelCols = t.columns.filter((c) => c.role !== 'amount');
  const nameCol = t.columns.find((c) => c.role === 'text');
  const misnamed = new Set<string>();
  const rowOf = new Map<string, number>();
  let totalRow: number | undefined;
  let emptyMark: number | undefined;
  let unreadRows = false;
  /** The rows in print order with their level, to place a row whose code cannot be read. */
  const printed: { row: number; level: number; code?: string }[] = [];
  t.input.rows.forEach((cells, row) => {
    if (labelCols.some((c) => isTotalLabel(cells[c.index] ?? ''))) {
      totalRow ??= row;
      review.placeRow(t.no, row, 'total');
      return;
    }
    if (labelCols.some((c) => isEmptyMark(cells[c.index] ?? ''))) {
      emptyMark ??= row;
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
      printed.push({ row, level: guessLevel(parts, levels) });
      const levelText = levels.map((n, i) => `${LEVEL_NAMES[kind][i]} ${n} 位`).join('、');
      review.add('T-CODE', `表 ${t.no} 第 ${row + 1} 行科目编码“${parts.map(norm).filter(Boolean).join(' ')}”格式不对：应为 ${levelText}（或分列印出）；请改正编码`, place);
      return;
    }
    const first = rowOf.get(code);
    if (first !== undefined) {
      review.add('T-CODE', `表 ${t.no} 第 ${row + 1} 行科目 ${code} 在第 ${first + 1} 行已经列出，同一科目只应列一行；请删去重复行或改正编码`, place);
      return;
    }
    rowOf.set(code, row);
    printed.push({ row, level: levels.indexOf(code.length), code });
    review.placeRow(t.no, row, code);
    const entry = catalogs[kind].entries.get(code);
    if (!entry) {
      review.add('T-CODE-UNKNOWN', `表 ${t.no} 第 ${row + 1} 行科目编码 ${code} 不在${editionLabel(catalogs[kind])}中；请核对编码，或导入当年的科目表`, place);
      return;
    }
    const printedName = nameCol ? stripNumbering(cells[nameCol.index] ?? '') : '';
    if (printedName && printedName !== norm(entry.name) && !isOldName(kind, code, printedName)) {
      misnamed.add(code);
      const skipped = skippedBecauseMisnamed(t.no, code);
      review.add(
        'T-NAME',
        `表 ${t.no} 第 ${row + 1} 行印为“${code} ${norm(cells[nameCol!.index] ?? '')}”，但科目编码 ${code} 在${editionLabel(catalogs[kind])}中是“${entry.name}”${entry.source === 'M' ? '（该名称仅凭记忆，未经公开文本证实）' : ''}；编码与名称必有一处不对，请核对${skipped ? `。${skipped}` : ''}`,
        { table: t.no, row, column: nameCol!.key },
      );
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
  checkOrder(t, printed, rowOf, kind, review);
  // An unreadable row that no deeper row follows is a leaf: it adds into the nearest row above it at a higher level.
  const unreadLeaves: CodedTable['unreadLeaves'] = [];
  printed.forEach((p, i) => {
    if (p.code !== undefined || (printed[i + 1]?.level ?? -1) > p.level) return;
    const parent = printed
      .slice(0, i)
      .reverse()
      .find((q) => q.level < p.level);
    unreadLeaves.push({ row: p.row, parent: parent?.code });
  });
  return { table: t, rowOf, totalRow, children, unreadLeaves, unreadRows, emptyMark, misnamed };
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
        printed - sum,
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
  const unreadUnder = new Map<string, number[]>();
  for (const u of ct.unreadLeaves) if (u.parent !== undefined) unreadUnder.set(u.parent, [...(unreadUnder.get(u.parent) ?? []), u.row]);
  const parentCodes = new Set([...ct.children.keys(), ...unreadUnder.keys()]);
  const parents = [...parentCodes].sort((a, b) => b.length - a.length);
  const leaves = [...[...ct.rowOf].filter(([code]) => !parentCodes.has(code)).map(([, row]) => row), ...ct.unreadLeaves.map((u) => u.row)];
  for (const column of amountColumns(t)) {
    for (const parent of parents) {
      const kids = ct.children.get(parent) ?? [];
      const row = ct.rowOf.get(parent)!;
      const printed = t.values[row][column.index];
      const sum = sumOf(t, review, [...kids.map((k) => ct.rowOf.get(k)!), ...(unreadUnder.get(parent) ?? [])], column);
      if (printed === undefined || sum === undefined || sum === printed) continue;
      const culprit = referenceOf && kids.length > 0 && oddChild(ct, parent, kids, column, referenceOf);
      if (culprit) {
        const childRow = ct.rowOf.get(culprit.code)!;
        const value = t.values[childRow][column.index]!;
        review.add(
          'T-CROSS',
          `${cellName(t, childRow, column)}为 ${formatYuan(value)}，但${culprit.ref.where}为 ${formatYuan(culprit.ref.value)}，相差 ${formatYuan(value - culprit.ref.value)}；其上级科目 ${parent} 与其他表一致而与其下各级之和不符，应是本行有误，请核对`,
          { table: t.no, row: childRow, column: column.key },
          value - culprit.ref.value,
        );
        continue;
      }
      const level = kids.length > 0 ? childLevelName(t, kids[0]) : LEVEL_NAMES[codeKind(t.no)][CODE_LEVELS[codeKind(t.no)].indexOf(parent.length) + 1];
      review.add(
        'T-PARENT-SUM',
        `${cellName(t, row, column)}为 ${formatYuan(printed)}，但其下各${level}合计为 ${formatYuan(sum)}，相差 ${formatYuan(printed - sum)}；请核对该行或其下各行`,
        { table: t.no, row, column: column.key },
        printed - sum,
      );
    }
    if (ct.totalRow === undefined) continue;
    const printed = t.values[ct.totalRow][column.index];
    const sum = sumOf(t, review, leaves, column);
    if (printed === undefined || sum === undefined || sum === printed) continue;
    review.add(
      'T-TOTAL-SUM',
      `${cellName(t, ct.totalRow, column)}为 ${formatYuan(printed)}，但各末级科目合计为 ${formatYuan(sum)}，相差 ${formatYuan(printed - sum)}；请核对合计行`,
      { table: t.no, row: ct.totalRow, column: column.key },
      printed - sum,
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
