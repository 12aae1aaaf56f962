import { formatYuan, wanHundredths } from '../money';
import { cellText, isAmount, type TableId, type TableModel } from '../tables/tableModel';
import { readPrintedAmount, type PrintedAmount } from './printedAmount';
import { codeKind, columnLabel, identifyTable, joinCode, norm, readColumns, type ColumnInfo, type ColumnRole, type PublishedTableInput } from './readTables';
import { finding, type CheckFinding, type FindingPlace, type RuleId } from './rules';

/** 1,000 in hundredths: from here on a number shows whether digits are grouped. */
const LARGE = 100_000;

/** One of the nine tables, recognized, with its amounts read. */
export interface ReadTable {
  no: TableId;
  input: PublishedTableInput;
  /** Amounts in hundredths of 万元 (table 9 as a rule) rather than fen. */
  wan: boolean;
  columns: ColumnInfo[];
  /** By body row and column: the amount, or undefined where the cell is text or not a well-formed number. */
  values: (number | undefined)[][];
}

/**
 * The findings of one review. One error per cell: a cell already reported is not reported again,
 * and a row with an error is “suspect”, so that sums over it are not reported a second time.
 * Warnings say nothing about the figures and neither block nor make suspect.
 */
export class Review {
  readonly findings: CheckFinding[] = [];
  private readonly cells = new Set<string>();
  private readonly rows = new Set<string>();

  add(rule: RuleId, message: string, place: FindingPlace): void {
    const f = finding(rule, message, place);
    if (f.severity === '错误') {
      const cell = place.row === undefined ? message : `${place.table}|${place.row}|${place.column}`;
      if (this.cells.has(cell)) return;
      this.cells.add(cell);
      if (place.row !== undefined) this.rows.add(`${place.table}|${place.row}`);
    }
    this.findings.push(f);
  }

  suspect(table: TableId, row: number | undefined): boolean {
    return row !== undefined && this.rows.has(`${table}|${row}`);
  }
}

/**
 * What a row is called next to a cell: its code and name (`212 城乡社区支出`), or in tables 1 and 4
 * the item label on the cell's side (the nearest text column to its left).
 */
function rowLabel(table: ReadTable, row: number, column: ColumnInfo): string {
  const cells = table.input.rows[row] ?? [];
  const text = (c: ColumnInfo) => norm(cells[c.index] ?? '');
  const codes = table.columns.filter((c) => c.role === 'code');
  const names = table.columns.filter((c) => c.role === 'text');
  if (codes.length > 0) {
    const parts = codes.map(text);
    const code = joinCode(parts, codeKind(table.no)) ?? parts.join('');
    const name = names.length > 0 ? text(names[0]) : '';
    return [code, name].filter(Boolean).join(' ');
  }
  const side = names.filter((c) => c.index < column.index).at(-1);
  return side ? text(side) : '';
}

export function unitWord(table: ReadTable): string {
  return table.wan ? '万元' : '元';
}

/** Text made only when a message uses it (in a template literal or a join): naming cells is costly, and most figures never need a name. */
export interface LazyText {
  toString(): string;
}

/** cellName, spelled out when a message uses it. */
export class CellName implements LazyText {
  constructor(
    private readonly table: ReadTable,
    private readonly row: number,
    private readonly column: ColumnInfo,
  ) {}

  toString(): string {
    return cellName(this.table, this.row, this.column);
  }
}

/** A row a table does not list, counted as 0: `表 6（未列科目 2120101，按 0 计）`. */
export class Unlisted implements LazyText {
  constructor(
    private readonly table: TableId,
    private readonly code: string,
    private readonly what: 'code' | 'class',
  ) {}

  toString(): string {
    return this.what === 'code' ? `表 ${this.table}（未列科目 ${this.code}，按 0 计）` : `表 ${this.table}（未列 ${this.code} 类，按 0 计）`;
  }
}

/** `表 3 第 8 行“212 城乡社区支出”“基本支出”列` */
export function cellName(table: ReadTable, row: number, column: ColumnInfo): string {
  const label = rowLabel(table, row, column);
  return `表 ${table.no} 第 ${row + 1} 行${label ? `“${label}”` : ''}“${columnLabel(column)}”列`;
}

/** Recognizes the tables by their titles and headings; their values are read afterwards. */
function recognize(inputs: readonly PublishedTableInput[], review: Review): ReadTable[] {
  const tables: ReadTable[] = [];
  const seen = new Set<TableId>();
  inputs.forEach((input, i) => {
    const no = identifyTable(input.title) ?? (Number.isInteger(input.id) && input.id! >= 1 && input.id! <= 9 ? (input.id as TableId) : undefined);
    if (no === undefined || seen.has(no)) {
      const why = no === undefined ? '无法从标题识别是九张表中的哪一张' : `与前面的表 ${no} 重复`;
      review.add('T-TABLE', `第 ${i + 1} 张表“${input.title}”${why}，未审核；请核对表标题（如“2024 年部门支出预算总表”）`, {});
      return;
    }
    seen.add(no);
    const columns = readColumns(input.columns);
    const needed: ColumnRole = no === 1 || no === 4 ? 'text' : 'code';
    if (no !== 9 && !columns.some((c) => c.role === needed)) {
      const headings = needed === 'code' ? `科目编码列（“类”“款”${codeKind(no) === 'function' ? '“项”' : ''}或“科目编码”）` : '“项目”列';
      review.add('T-TABLE', `表 ${no}“${input.title}”找不到${headings}，该表未审核；请核对表头`, { table: no });
      return;
    }
    tables.push({ no, input, wan: (input.unit ?? (no === 9 ? '万元' : '元')).includes('万'), columns, values: [] });
  });
  return tables;
}

function reportNegative(review: Review, t: ReadTable, row: number, column: ColumnInfo, text: string): void {
  review.add('T-NEGATIVE', `${cellName(t, row, column)}为负数 ${text}；公开表中的金额不能为负数，请核对`, { table: t.no, row, column: column.key });
}

/**
 * Recognizes the tables and reads every amount cell. A malformed number, and a number of 1,000 or more
 * printed without separators in a publication whose amounts use them, is reported and left out of all sums.
 */
export function readPublication(inputs: readonly PublishedTableInput[], review: Review): ReadTable[] {
  const tables = recognize(inputs, review);
  const parsed = tables.map((t) => t.input.rows.map((cells) => t.columns.map((c) => (c.role === 'amount' ? readPrintedAmount(cells[c.index] ?? '') : undefined))));
  // The style is the one most amounts of 1,000 and more follow; the other is the inconsistency.
  const large = parsed.flat(2).filter((a): a is PrintedAmount & { status: 'ok' } => a?.status === 'ok' && Math.abs(a.value) >= LARGE);
  const grouped = large.filter((a) => a.grouped);
  const groupedStyle = grouped.length * 2 >= large.length;
  const example = (groupedStyle ? grouped : large.filter((a) => !a.grouped))[0]?.text ?? '';

  tables.forEach((t, ti) => {
    t.values = parsed[ti].map((cells, row) =>
      cells.map((a, ci) => {
        if (!a) return undefined;
        const column = t.columns[ci];
        const place = { table: t.no, row, column: column.key };
        if (a.status === 'malformed') {
          review.add('T-NUMBER', `${cellName(t, row, column)}印为“${a.text}”，不是规范的金额：${a.reason}；请按正确金额改印`, place);
          return undefined;
        }
        if (Math.abs(a.value) >= LARGE && a.grouped !== groupedStyle) {
          const fix = groupedStyle ? `应印为 ${formatYuan(a.value)}` : `应印为 ${a.text.replace(/,/g, '')}`;
          const style = groupedStyle ? '没有千分位分隔符' : '使用了千分位分隔符';
          review.add('T-NUMBER-STYLE', `${cellName(t, row, column)}印为“${a.text}”，${style}，与本公开文本其他金额的写法（如 ${example}）不一致；${fix}`, place);
          return undefined;
        }
        if (a.value < 0) reportNegative(review, t, row, column, a.text);
        return a.value;
      }),
    );
  });
  return tables;
}

/**
 * The engine's own tables, read as readPublication reads printed ones but from their figures: the
 * amounts are taken as they are (in hundredths of 万元 for a 万元 table, as printed), not printed and
 * parsed back. Only the labels and codes go through the text.
 */
export function readDerivedTables(models: readonly TableModel[], review: Review): ReadTable[] {
  const inputs = models.map((m) => ({ id: m.id, title: m.title, unit: m.unit, columns: m.columns.map((c) => c.key), rows: m.rows.map((r) => r.cells.map((c) => (isAmount(c) ? '' : c.text))) }));
  const tables = recognize(inputs, review);
  for (const t of tables) {
    const model = models.find((m) => m.id === t.no)!;
    t.values = model.rows.map((r, row) =>
      t.columns.map((column) => {
        const cell = r.cells[column.index];
        if (column.role !== 'amount' || !cell || !isAmount(cell)) return undefined;
        const value = t.wan ? wanHundredths(cell.fen) : cell.fen;
        if (value < 0) reportNegative(review, t, row, column, cellText(model, cell));
        return value;
      }),
    );
  }
  return tables;
}
