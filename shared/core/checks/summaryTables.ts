import { formatYuan } from '../money';
import { SANGONG_ITEMS, type SanGongKey } from '../model';
import { columnLabel, isTotalLabel, norm, stripNumbering, type ColumnInfo } from './readTables';
import { cellName, unitWord, type ReadTable, type Review } from './review';

/** What an income line of tables 1 and 4 is, by its label (current and older wordings). */
export type IncomeKind = 'fiscal' | 'general' | 'fund' | 'capital' | 'business' | 'operating' | 'other' | 'unknown';

function incomeKind(label: string): IncomeKind {
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

export interface AmountCell {
  row: number;
  column: ColumnInfo;
  value: number | undefined;
}

/** Spending columns: table 4's budget kinds; a 单位预算 table 1's 基本支出 (人员经费, 公用经费) and 项目支出. */
export type SpendingColumn = 'total' | 'general' | 'fund' | 'capital' | 'basic' | 'personnel' | 'public' | 'project';

/** Table 1 or 4 read by its item labels. */
export interface SummaryTable {
  table: ReadTable;
  /** Income lines above 本年收入合计 (all of them when there is none). */
  income: { kind: IncomeKind; cell: AmountCell }[];
  /** 本年收入合计, when the table prints it; then the lines after it (上年结转 …) are `incomeCarried`. */
  incomeSubtotal?: AmountCell;
  incomeCarried: AmountCell[];
  incomeTotal?: AmountCell;
  /** Spending rows by 类 name (numbering stripped), then by column. */
  classes: Map<string, Map<SpendingColumn, AmountCell>>;
  /** 本年支出合计 and the lines after it (结转下年 …), as for income. */
  spendingSubtotal?: Map<SpendingColumn, AmountCell>;
  spendingCarried: Map<SpendingColumn, AmountCell>[];
  spendingTotal: Map<SpendingColumn, AmountCell>;
}

function spendingColumnOf(column: ColumnInfo, first: boolean): SpendingColumn | undefined {
  const l = column.last;
  if (l.includes('一般公共预算')) return 'general';
  if (l.includes('政府性基金')) return 'fund';
  if (l.includes('国有资本经营')) return 'capital';
  if (l.includes('人员经费')) return 'personnel';
  if (l.includes('公用经费')) return 'public';
  if (l.includes('基本支出')) return 'basic';
  if (l.includes('项目支出')) return 'project';
  if (l === '合计' || l === '小计' || first) return 'total';
  return undefined;
}

/** `本年收入合计`, `本年支出合计`, `收入合计`: this year's lines added up, before what is carried over. */
function isSubtotalLabel(label: string): boolean {
  const l = stripNumbering(label);
  return l !== '合计' && l.endsWith('合计') && !isTotalLabel(l);
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
  const out: SummaryTable = { table: t, income: [], incomeCarried: [], classes: new Map(), spendingCarried: [], spendingTotal: new Map() };
  t.input.rows.forEach((cells, row) => {
    const inLabel = norm(cells[income[0].index] ?? '');
    const inCell: AmountCell = { row, column: income[1][0], value: t.values[row][income[1][0].index] };
    if (isTotalLabel(inLabel)) {
      out.incomeTotal = inCell;
      review.placeRow(t.no, row, 'total');
    } else if (isSubtotalLabel(inLabel)) {
      out.incomeSubtotal = inCell;
      review.placeRow(t.no, row, 'total');
    } else if (inLabel && out.incomeSubtotal) out.incomeCarried.push(inCell);
    else if (inLabel) out.income.push({ kind: incomeKind(inLabel), cell: inCell });
    const outLabel = norm(cells[spending[0].index] ?? '');
    if (!outLabel) return;
    const cellsOf = () => new Map(spendingCols.map(([kind, column]) => [kind, { row, column, value: t.values[row][column.index] }]));
    if (isTotalLabel(outLabel)) {
      out.spendingTotal = cellsOf();
      review.placeRow(t.no, row, 'total');
    } else if (isSubtotalLabel(outLabel)) {
      out.spendingSubtotal = cellsOf();
      review.placeRow(t.no, row, 'total');
    } else if (out.spendingSubtotal) out.spendingCarried.push(cellsOf());
    else out.classes.set(stripNumbering(outLabel), cellsOf());
  });
  return out;
}

export function incomeCell(s: SummaryTable, kind: IncomeKind): AmountCell | undefined {
  return s.income.find((i) => i.kind === kind)?.cell;
}

function sumCells(cells: readonly AmountCell[], t: ReadTable, review: Review): number | undefined {
  let sum = 0;
  for (const c of cells) {
    if (c.value === undefined || review.suspect(t.no, c.row)) return undefined;
    sum += c.value;
  }
  return sum;
}

function compareSum(review: Review, t: ReadTable, rule: 'T-TOTAL-SUM' | 'T-PARENT-SUM' | 'T-ROW-SUM', target: AmountCell | undefined, parts: readonly AmountCell[], what: string): void {
  if (!target || target.value === undefined || parts.length === 0) return;
  const sum = sumCells(parts, t, review);
  if (sum === undefined || sum === target.value) return;
  review.add(
    rule,
    `${cellName(t, target.row, target.column)}为 ${formatYuan(target.value)}，但${what}合计为 ${formatYuan(sum)}，相差 ${formatYuan(target.value - sum)}；请核对`,
    { table: t.no, row: target.row, column: target.column.key },
    target.value - sum,
  );
}

/** Which columns of a spending row make up its 合计 (or its 基本支出), by what the table prints. */
function rowParts(row: Map<SpendingColumn, AmountCell>): [SpendingColumn, SpendingColumn[]][] {
  const has = (k: SpendingColumn) => row.has(k);
  const out: [SpendingColumn, SpendingColumn[]][] = [];
  const kinds = (['general', 'fund', 'capital'] as const).filter(has);
  if (kinds.length > 0) out.push(['total', kinds]);
  else if (has('basic') && has('project')) out.push(['total', ['basic', 'project']]);
  else if (has('personnel') && has('public')) out.push(['total', ['personnel', 'public', ...(has('project') ? (['project'] as const) : [])]]);
  if (has('basic') && has('personnel') && has('public')) out.push(['basic', ['personnel', 'public']]);
  return out;
}

/**
 * Each spending row's 合计 = its parts, total rows included: table 4's budget kinds (一般公共预算 +
 * 政府性基金 + 国有资本经营); a 单位预算 table 1's 基本支出 + 项目支出, or 人员经费 + 公用经费 + 项目支出.
 */
export function checkSummaryRowSums(s: SummaryTable, review: Review): void {
  for (const row of [...s.classes.values(), ...(s.spendingSubtotal ? [s.spendingSubtotal] : []), s.spendingTotal]) {
    for (const [target, kinds] of rowParts(row)) {
      const parts = kinds.map((k) => row.get(k)!);
      compareSum(review, s.table, 'T-ROW-SUM', row.get(target), parts, parts.map((c) => columnLabel(c.column)).join(' + '));
    }
  }
}

/** Tables 1 and 4: each side adds up to its 总计, 财政拨款 to its sources, and 收入总计 = 支出总计. */
export function checkSummarySums(s: SummaryTable, review: Review): void {
  const t = s.table;
  const classRows = [...s.classes.values()];
  const totalRow = s.spendingTotal;
  const fiscal = incomeCell(s, 'fiscal');
  const sources = s.income.filter((i) => FISCAL_PARTS.includes(i.kind)).map((i) => i.cell);
  if (fiscal) compareSum(review, t, 'T-PARENT-SUM', fiscal, sources, '其下各项财政拨款资金');
  const top = s.income.filter((i) => !(fiscal && FISCAL_PARTS.includes(i.kind))).map((i) => i.cell);
  if (s.incomeSubtotal) {
    compareSum(review, t, 'T-TOTAL-SUM', s.incomeSubtotal, top, '本年各项收入');
    compareSum(review, t, 'T-TOTAL-SUM', s.incomeTotal, [s.incomeSubtotal, ...s.incomeCarried], '本年收入合计与其后各行（上年结转等）');
  } else compareSum(review, t, 'T-TOTAL-SUM', s.incomeTotal, top, '各项收入');
  for (const [kind, cell] of s.spendingSubtotal ?? totalRow) {
    const parts = classRows.map((r) => r.get(kind)).filter((c): c is AmountCell => c !== undefined);
    compareSum(review, t, 'T-TOTAL-SUM', cell, parts, '各类支出');
  }
  if (s.spendingSubtotal) {
    for (const [kind, cell] of totalRow) {
      const parts = [s.spendingSubtotal, ...s.spendingCarried].map((r) => r.get(kind)).filter((c): c is AmountCell => c !== undefined);
      compareSum(review, t, 'T-TOTAL-SUM', cell, parts, '本年支出合计与其后各行（结转下年等）');
    }
  }

  const inTotal = s.incomeTotal;
  const outTotal = totalRow.get('total');
  if (!inTotal || !outTotal || inTotal.value === undefined || outTotal.value === undefined) return;
  if (review.suspect(t.no, inTotal.row) || review.suspect(t.no, outTotal.row) || inTotal.value === outTotal.value) return;
  review.add(
    'T-BALANCE',
    `${cellName(t, inTotal.row, inTotal.column)}为 ${formatYuan(inTotal.value)}，与${cellName(t, outTotal.row, outTotal.column)} ${formatYuan(outTotal.value)} 不等，相差 ${formatYuan(inTotal.value - outTotal.value)}；收入总计应等于支出总计，请核对两侧各行`,
    { table: t.no, row: inTotal.row, column: inTotal.column.key },
    inTotal.value - outTotal.value,
  );
}

/** Table 9's columns: the 三公 items, their 合计, the vehicle 小计 and 机关运行经费. */
export interface SanGongTable {
  table: ReadTable;
  total?: ColumnInfo;
  vehicles?: ColumnInfo;
  items: Map<SanGongKey, ColumnInfo>;
}

const ITEM_TESTS: Record<SanGongKey, (last: string) => boolean> = {
  abroad: (l) => l.includes('出国'),
  reception: (l) => l.includes('接待'),
  vehiclePurchase: (l) => l.includes('购置') && !l.includes('运行'),
  vehicleOperation: (l) => l.includes('运行') && !l.includes('购置') && !l.includes('机关'),
};

export function readSanGongTable(t: ReadTable): SanGongTable {
  const amounts = t.columns.filter((c) => c.role === 'amount');
  const items = new Map<SanGongKey, ColumnInfo>();
  for (const item of SANGONG_ITEMS) {
    const column = amounts.find((c) => ITEM_TESTS[item.key](c.last));
    if (column) items.set(item.key, column);
  }
  return {
    table: t,
    total: amounts.find((c) => c.last === '合计' && !c.segments.some((s) => s.includes('公务用车'))),
    vehicles: amounts.find((c) => c.last === '小计' || (c.last.includes('公务用车') && c.last.includes('购置') && c.last.includes('运行'))),
    items,
  };
}

/**
 * 合计 = the items, 小计 = 购置 + 运行. In 万元 each figure is rounded on its own, so a sum of n rounded
 * parts may differ from the rounded total by up to n/2 hundredths without anything being wrong.
 */
export function checkSanGongTable(s: SanGongTable, review: Review): void {
  const t = s.table;
  const at = (row: number, c: ColumnInfo | undefined) => (c ? t.values[row][c.index] : undefined);
  const vehicleParts = [s.items.get('vehiclePurchase'), s.items.get('vehicleOperation')];
  const totalParts = [s.items.get('abroad'), s.items.get('reception'), ...(s.vehicles ? [s.vehicles] : vehicleParts)];
  t.input.rows.forEach((_, row) => {
    for (const [target, parts] of [
      [s.vehicles, vehicleParts],
      [s.total, totalParts],
    ] as const) {
      const printed = at(row, target);
      const values = parts.map((c) => at(row, c));
      if (!target || printed === undefined || values.some((v) => v === undefined) || review.suspect(t.no, row)) continue;
      const sum = values.reduce<number>((a, v) => a + v!, 0);
      if (Math.abs(sum - printed) <= (t.wan ? Math.floor(parts.length / 2) : 0)) continue;
      review.add(
        'T-ROW-SUM',
        `${cellName(t, row, target)}为 ${formatYuan(printed)} ${unitWord(t)}，但${parts.map((c) => columnLabel(c!)).join(' + ')} = ${formatYuan(sum)} ${unitWord(t)}${t.wan ? '，相差超出各项分别四舍五入的误差' : ''}；请核对`,
        { table: t.no, row, column: target.key },
        printed - sum,
      );
    }
  });
}
