import { wanHundredths } from '../money';
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

/** Rules that say how a table is printed, not that a figure is wrong: they leave the figures in the sums (a row with a malformed code still counts where it is printed). */
const NON_BLOCKING: ReadonlySet<RuleId> = new Set(['T-NUMBER-STYLE', 'T-EMPTY', 'T-NOTE', 'T-CODE']);

/**
 * The findings of one review. One error per cell: a cell already reported is not reported again,
 * and a row with an error is “suspect”, so that sums over it are not reported a second time.
 * Warnings say nothing about the figures and neither block nor make suspect.
 *
 * A figure that is off makes every sum over it off by as much: such findings (same table, at the
 * same row, or with the same difference at an ancestor or total row) are folded into the deepest
 * one, the root, as its consequences (`finish`).
 */
export class Review {
  readonly findings: CheckFinding[] = [];
  private readonly cells = new Set<string>();
  private readonly rows = new Set<string>();
  /** Printed minus expected, of findings about a sum. */
  private readonly deltas = new Map<CheckFinding, number>();
  /** The code of a body row of a coded table (`table|row`), and the rows that are totals. */
  private readonly codes = new Map<string, string>();
  private readonly totals = new Set<string>();

  add(rule: RuleId, message: string, place: FindingPlace, delta?: number): void {
    const f = finding(rule, message, place);
    if (f.severity === '错误' && !NON_BLOCKING.has(rule)) {
      const cell = place.row === undefined ? message : `${place.table}|${place.row}|${place.column}`;
      if (this.cells.has(cell)) return;
      this.cells.add(cell);
      if (place.row !== undefined) this.rows.add(`${place.table}|${place.row}`);
    }
    if (delta !== undefined && delta !== 0) this.deltas.set(f, delta);
    this.findings.push(f);
  }

  suspect(table: TableId, row: number | undefined): boolean {
    return row !== undefined && this.rows.has(`${table}|${row}`);
  }

  /** Where a row sits, for folding: its code (ancestors are prefixes), or that it is a total. */
  placeRow(table: TableId, row: number, code: string | 'total'): void {
    if (code === 'total') this.totals.add(`${table}|${row}`);
    else this.codes.set(`${table}|${row}`, code);
  }

  /** Whether an error at `upper` can be the sum of an error at `lower` (same row, an ancestor, or a total). */
  private above(table: TableId | undefined, lower: number, upper: number): boolean {
    if (lower === upper || this.totals.has(`${table}|${upper}`)) return true;
    const a = this.codes.get(`${table}|${lower}`);
    const b = this.codes.get(`${table}|${upper}`);
    return a !== undefined && b !== undefined && b.length < a.length && a.startsWith(b);
  }

  private depth(f: CheckFinding): number {
    const key = `${f.place.table}|${f.place.row}`;
    return this.totals.has(key) ? 0 : (this.codes.get(key)?.length ?? 1);
  }

  /** Folds consequences into their roots, names the rows, and orders the findings by table and row. */
  finish(tables: readonly ReadTable[]): CheckFinding[] {
    const sums = [...this.deltas.keys()].filter((f) => f.place.row !== undefined).sort((a, b) => this.depth(b) - this.depth(a) || a.place.row! - b.place.row!);
    const folded = new Set<CheckFinding>();
    const roots: CheckFinding[] = [];
    for (const f of sums) {
      const root = roots.find(
        (r) =>
          r.place.table === f.place.table &&
          (r.place.row === f.place.row || (Math.abs(this.deltas.get(r)!) === Math.abs(this.deltas.get(f)!) && this.above(f.place.table, r.place.row!, f.place.row!))),
      );
      if (!root) {
        roots.push(f);
        continue;
      }
      (root.consequences ??= []).push({ rule: f.rule, message: f.message, place: f.place });
      folded.add(f);
    }
    const out = this.findings.filter((f) => !folded.has(f));
    for (const f of out) {
      const t = tables.find((x) => x.no === f.place.table);
      if (!t || f.place.row === undefined) continue;
      const column = t.columns.find((c) => c.key === f.place.column) ?? t.columns[t.columns.length - 1];
      const label = rowLabel(t, f.place.row, column);
      if (label) f.rowLabel = label;
    }
    return out.sort((a, b) => (a.place.table ?? 0) - (b.place.table ?? 0) || (a.place.row ?? -1) - (b.place.row ?? -1));
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

/** Cells named as examples in a finding about a table's number style. */
const STYLE_EXAMPLES = 3;

/**
 * Amounts of 1,000 and more printed both with and without thousands separators in one table: one
 * finding for the table, naming both styles with a count and examples. The figures are read either way.
 */
function reportMixedStyle(review: Review, t: ReadTable, parsed: (PrintedAmount | undefined)[][]): void {
  const styles = { grouped: [] as [number, ColumnInfo, string][], plain: [] as [number, ColumnInfo, string][] };
  parsed.forEach((cells, row) =>
    cells.forEach((a, ci) => {
      if (a?.status === 'ok' && Math.abs(a.value) >= LARGE) styles[a.grouped ? 'grouped' : 'plain'].push([row, t.columns[ci], a.text]);
    }),
  );
  const { grouped, plain } = styles;
  if (grouped.length === 0 || plain.length === 0) return;
  const examples = (cells: typeof grouped) => cells.slice(0, STYLE_EXAMPLES).map(([row, column, text]) => `${cellName(t, row, column)}“${text}”`).join('、');
  // The place is the first cell of the rarer style (on a tie, the one without separators): where the screen takes the user.
  const [row, column] = (plain.length <= grouped.length ? plain : grouped)[0];
  review.add(
    'T-NUMBER-STYLE',
    `表 ${t.no} 中 1,000 以上的金额有两种写法：用千分位分隔符的 ${grouped.length} 处（如 ${examples(grouped)}），不用的 ${plain.length} 处（如 ${examples(plain)}）；同一张表应统一写法，请统一后重新印出`,
    { table: t.no, row, column: column.key },
  );
}

/** Recognizes the tables and reads every amount cell. A malformed number is reported and left out of all sums. */
export function readPublication(inputs: readonly PublishedTableInput[], review: Review): ReadTable[] {
  const tables = recognize(inputs, review);
  tables.forEach((t) => {
    const parsed = t.input.rows.map((cells) => t.columns.map((c) => (c.role === 'amount' ? readPrintedAmount(cells[c.index] ?? '') : undefined)));
    t.values = parsed.map((cells, row) =>
      cells.map((a, ci) => {
        if (!a) return undefined;
        const column = t.columns[ci];
        if (a.status === 'malformed') {
          review.add('T-NUMBER', `${cellName(t, row, column)}印为“${a.text}”，不是规范的金额：${a.reason}；请按正确金额改印`, { table: t.no, row, column: column.key });
          return undefined;
        }
        if (a.value < 0) reportNegative(review, t, row, column, a.text);
        return a.value;
      }),
    );
    reportMixedStyle(review, t, parsed);
  });
  return tables;
}

/**
 * The engine's own tables, read as readPublication reads printed ones but from their figures: the
 * amounts are taken as they are (in hundredths of 万元 for a 万元 table, as printed), not printed and
 * parsed back. Only the labels and codes go through the text.
 */
export function readDerivedTables(models: readonly TableModel[], review: Review): ReadTable[] {
  const inputs = models.map((m) => ({
    id: m.id,
    title: m.title,
    unit: m.unit,
    columns: m.columns.map((c) => c.key),
    rows: m.rows.map((r) => r.cells.map((c) => (isAmount(c) ? '' : c.text))),
    note: m.note,
  }));
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
