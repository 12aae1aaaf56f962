import { formatYuan } from '../money';
import { SANGONG_ITEMS, type SanGongKey } from '../model';
import { columnLabel, isTotalLabel, norm, stripNumbering, type ColumnInfo } from './readTables';
import { cellName, type ReadTable, type Review } from './review';

/** What an income line of tables 1 and 4 is, by its label (current and older wordings). */
export type IncomeKind = 'fiscal' | 'general' | 'fund' | 'capital' | 'business' | 'operating' | 'other' | 'unknown';

export function incomeKind(label: string): IncomeKind {
  const l = stripNumbering(label);
  if (l.includes('国有资本经营')) return 'capital';
  if (l.includes('政府性基金')) return 'fund';
  if (l.includes('一般公共预算') || l.includes('公共财政预算')) return 'general';
  if (l.includes('财政拨款')) return 'fiscal';
  if (l.includes('经营收入')) return 'operating';
  if (l === '事业收入') return 'business';
  if (l.includes('其他收入')) return 'other';
  return 'unknown';
}

const FISCAL_PARTS: readonly IncomeKind[] = ['general', 'fund', 'capital'];

export interface Cell {
  row: number;
  column: ColumnInfo;
  value: number | undefined;
}

/** Budget kinds of table 4's spending columns. */
export type SpendingColumn = 'total' | 'general' | 'fund' | 'capital';

/** Table 1 or 4 read by its item labels. */
export interface SummaryTable {
  table: ReadTable;
  income: Map<IncomeKind, Cell>;
  incomeTotal?: Cell;
  /** Spending rows by 类 name (numbering stripped), then by column. */
  classes: Map<string, Map<SpendingColumn, Cell>>;
  spendingTotal: Map<SpendingColumn, Cell>;
}

function spendingColumnOf(column: ColumnInfo, first: boolean): SpendingColumn | undefined {
  const l = column.last;
  if (l.includes('一般公共预算')) return 'general';
  if (l.includes('政府性基金')) return 'fund';
  if (l.includes('国有资本经营')) return 'capital';
  if (l === '合计' || first) return 'total';
  return undefined;
}

/** The label and amount columns of each side: by 收入 / 支出 in the headings, else the first and second item column. */
function sides(t: ReadTable): { income?: [ColumnInfo, ColumnInfo[]]; spending?: [ColumnInfo, ColumnInfo[]] } {
  const labels = t.columns.filter((c) => c.role === 'text');
  const amountsAfter = (label: ColumnInfo) => {
    const next = labels.find((c) => c.index > label.index)?.index ?? Infinity;
    return t.columns.filter((c) => c.role === 'amount' && c.index > label.index && c.index < next);
  };
  const income = labels.find((c) => c.segments.some((s) => s.includes('收入'))) ?? labels[0];
  const spending = labels.find((c) => c.segments.some((s) => s.includes('支出'))) ?? labels[1];
  return {
    income: income && [income, amountsAfter(income)],
    spending: spending && spending !== income ? [spending, amountsAfter(spending)] : undefined,
  };
}

export function readSummaryTable(t: ReadTable, review: Review): SummaryTable | undefined {
  const { income, spending } = sides(t);
  if (!income || !spending || income[1].length === 0 || spending[1].length === 0) {
    review.add('T-TABLE', `表 ${t.no}“${t.input.title}”找不到收入、支出的“项目”和金额列，该表未审核；表头应如“本年收入.项目、本年收入.预算数、本年支出.项目、本年支出.预算数”`, { table: t.no });
    return undefined;
  }
  const spendingCols = spending[1].map((c, i) => [spendingColumnOf(c, i === 0), c] as const).filter(([k]) => k !== undefined) as [SpendingColumn, ColumnInfo][];
  const out: SummaryTable = { table: t, income: new Map(), classes: new Map(), spendingTotal: new Map() };
  t.input.rows.forEach((cells, row) => {
    const inLabel = norm(cells[income[0].index] ?? '');
    const inCell: Cell = { row, column: income[1][0], value: t.values[row][income[1][0].index] };
    if (isTotalLabel(inLabel)) out.incomeTotal = inCell;
    else if (inLabel) {
      const kind = incomeKind(inLabel);
      if (kind === 'unknown' || !out.income.has(kind)) out.income.set(kind === 'unknown' ? (`unknown` as IncomeKind) : kind, inCell);
    }
    const outLabel = norm(cells[spending[0].index] ?? '');
    if (!outLabel) return;
    const target = isTotalLabel(outLabel) ? out.spendingTotal : new Map<SpendingColumn, Cell>();
    for (const [kind, column] of spendingCols) target.set(kind, { row, column, value: t.values[row][column.index] });
    if (target !== out.spendingTotal) out.classes.set(stripNumbering(outLabel), target);
  });
  return out;
}
