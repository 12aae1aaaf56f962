import { BUILTIN_FUNCTION_CATALOG } from '../catalog/catalog';
import { formatYuan, wanHundredths } from '../money';
import { SANGONG_ITEMS } from '../model';
import { TEMPLATE_CLASSES } from '../tables/categories';
import type { TableId } from '../tables/tableModel';
import { amountColumns, codedValue, type CodedTable, type Reference, type ReferenceOf } from './codedTables';
import { norm, stripNumbering, type ColumnInfo } from './readTables';
import { CellName, Unlisted, cellName, unitWord, type LazyText, type Review } from './review';
import { incomeCell, type AmountCell, type IncomeKind, type SanGongTable, type SpendingColumn, type SummaryTable } from './summaryTables';

export interface Recognized {
  coded: Map<TableId, CodedTable>;
  summary: Map<TableId, SummaryTable>;
  sanGong?: SanGongTable;
}

/** One table's figure for a fact; `row` is absent when the table does not list the 科目 (it counts as 0). */
interface Observation {
  value: number;
  table: TableId;
  row?: number;
  column?: string;
  /** Where the figure is printed, for a message. */
  where: LazyText;
  /** On a tie, the figure of the lowest rank is taken as right (the table number unless said). */
  rank?: number;
}

type Fact = 'spend' | 'fiscal' | 'general' | 'fund' | 'capital' | 'business' | 'operating' | 'other' | 'basic' | 'project';

const FACT_NAMES: Record<Fact, string> = {
  spend: '支出合计',
  fiscal: '财政拨款',
  general: '一般公共预算',
  fund: '政府性基金预算',
  capital: '国有资本经营预算',
  business: '事业收入',
  operating: '事业单位经营收入',
  other: '其他收入',
  basic: '基本支出',
  project: '项目支出',
};

/** The column of a function table holding a fact: 合计 of tables 3, 5, 6, 7; the income columns of table 2. */
const TABLE2_COLUMNS: Record<Fact, (c: ColumnInfo) => boolean> = {
  spend: (c) => c.last === '合计',
  fiscal: (c) => c.last.includes('财政拨款'),
  general: () => false,
  fund: () => false,
  capital: () => false,
  business: (c) => c.last === '事业收入',
  operating: (c) => c.last.includes('经营收入'),
  other: (c) => c.last.includes('其他收入'),
  basic: () => false,
  project: () => false,
};

/** Which function table lists a fact by 科目, and in which column. */
const CODED_SOURCES: Record<Fact, TableId[]> = {
  spend: [2, 3],
  fiscal: [2],
  general: [5],
  fund: [6],
  capital: [7],
  business: [2],
  operating: [2],
  other: [2],
  basic: [3],
  project: [3],
};

const KIND_COLUMN: Partial<Record<Fact, SpendingColumn>> = { fiscal: 'total', general: 'general', fund: 'fund', capital: 'capital' };

function factColumn(ct: CodedTable, fact: Fact): ColumnInfo | undefined {
  const amounts = amountColumns(ct.table);
  if (ct.table.no === 2) return amounts.find(TABLE2_COLUMNS[fact]);
  return amounts.find((c) => c.last === (fact === 'basic' || fact === 'project' ? FACT_NAMES[fact] : '合计'));
}

/** The table 1 spending column (a 单位预算 table 1 prints 基本支出 / 项目支出 by 类) holding a fact. */
const TABLE1_SPENDING: Partial<Record<Fact, SpendingColumn>> = { spend: 'total', basic: 'basic', project: 'project' };

/** Table 1's 本年支出 rows: the 本年支出合计 when printed (支出总计 then adds what is carried over), else the 总计. */
export function spendingThisYear(s: SummaryTable): Map<SpendingColumn, AmountCell> {
  return s.spendingSubtotal ?? s.spendingTotal;
}

/** `功能分类 212 的财政拨款`, or `财政拨款总额`. */
class FactLabel implements LazyText {
  constructor(
    private readonly label: string,
    private readonly code: string,
  ) {}

  toString(): string {
    return this.code === 'total' ? `${this.label}总额` : `功能分类 ${this.code} 的${this.label}`;
  }
}

/** The same figure as printed by several tables. */
export class Facts {
  private readonly byKey = new Map<string, { label: LazyText; obs: Observation[]; done: boolean }>();

  constructor(private readonly review: Review) {}

  add(key: string, label: LazyText, o: Observation | undefined): void {
    if (!o) return;
    let entry = this.byKey.get(key);
    if (!entry) this.byKey.set(key, (entry = { label, obs: [], done: false }));
    entry.obs.push(o);
  }

  /**
   * Reports the tables that disagree with the others. With `clearMajority`, only facts where more
   * tables agree on one figure than on any other (run before the sums inside each table, so that a
   * wrong row is reported where it is and not as a wrong 合计). Then the rest: on a tie, the figure of
   * a row without another finding, listed rather than missing, and of the first table is taken as right.
   */
  compare(clearMajority: boolean): void {
    for (const entry of this.byKey.values()) {
      if (entry.done || entry.obs.every((o) => o.value === entry.obs[0].value)) continue;
      const { label } = entry;
      const obs = [...entry.obs].sort((a, b) => (a.rank ?? a.table) - (b.rank ?? b.table));
      const values = [...new Set(obs.map((o) => o.value))];
      if (entry.done || values.length < 2) continue;
      const count = (v: number) => obs.filter((o) => o.value === v).length;
      const score = (v: number) => {
        const of = obs.filter((o) => o.value === v);
        return [of.length, of.every((o) => !this.review.suspect(o.table, o.row)) ? 1 : 0, of.every((o) => o.row !== undefined) ? 1 : 0];
      };
      const right = values.reduce((best, v) => {
        const [a, b] = [score(v), score(best)];
        for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i] ? v : best;
        return best;
      });
      if (clearMajority && values.some((v) => v !== right && count(v) >= count(right))) continue;
      entry.done = true;
      const agreeing = obs.filter((o) => o.value === right).map((o) => o.where).join('、');
      for (const o of obs) {
        if (o.value === right) continue;
        this.review.add(
          'T-CROSS',
          `${o.where}为 ${formatYuan(o.value)}，但${agreeing}为 ${formatYuan(right)}，相差 ${formatYuan(o.value - right)}；${label}在各表中应一致，请核对`,
          { table: o.table, row: o.row, column: o.column },
          o.value - right,
        );
      }
    }
  }
}

function observeCoded(ct: CodedTable, code: string | 'total', column: ColumnInfo | undefined): Observation | undefined {
  if (!column) return undefined;
  const t = ct.table;
  const row = code === 'total' ? ct.totalRow : ct.rowOf.get(code);
  if (row === undefined) return code === 'total' || ct.unreadRows ? undefined : { value: 0, table: t.no, where: new Unlisted(t.no, code, 'code') };
  const value = t.values[row][column.index];
  return value === undefined ? undefined : { value, table: t.no, row, column: column.key, where: new CellName(t, row, column) };
}

function withRank(o: Observation | undefined, rank: number | undefined): Observation | undefined {
  return o && rank !== undefined ? { ...o, rank } : o;
}

function observeCell(table: TableId, s: SummaryTable, cell: AmountCell | undefined): Observation | undefined {
  if (!cell || cell.value === undefined) return undefined;
  return { value: cell.value, table, row: cell.row, column: cell.column.key, where: new CellName(s.table, cell.row, cell.column) };
}

/** 类 names → codes: as the function tables print them, then the district template, then the catalog. */
function classCodes(r: Recognized): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of BUILTIN_FUNCTION_CATALOG.entries.values()) if (entry.code.length === 3) map.set(norm(entry.name), entry.code);
  for (const c of TEMPLATE_CLASSES) map.set(norm(c.name), c.code);
  for (const ct of r.coded.values()) {
    if (ct.table.no === 8) continue;
    const name = ct.table.columns.find((c) => c.role === 'text');
    if (!name) continue;
    for (const [code, row] of ct.rowOf) if (code.length === 3) map.set(stripNumbering(ct.table.input.rows[row][name.index] ?? ''), code);
  }
  return map;
}

/** Every figure that tables 1 to 7 print more than once: by 科目 and in total, per source and budget kind. */
export function collectFacts(r: Recognized, review: Review): Facts {
  const facts = new Facts(review);
  const names = classCodes(r);
  const codes = new Set<string>();
  for (const ct of r.coded.values()) if (ct.table.no !== 8) for (const code of ct.rowOf.keys()) codes.add(code);
  // A table with a 类 it names unrecognizably may list there any 类 it seems to lack.
  const unresolved = new Set<TableId>();
  for (const s of r.summary.values()) {
    for (const [name, cells] of s.classes) {
      const code = names.get(name);
      if (code) codes.add(code);
      const cell = cells.get('total');
      if (!code && cell?.value) {
        unresolved.add(s.table.no);
        review.add('T-CODE-UNKNOWN', `${cellName(s.table, cell.row, cell.column)}：“${name}”不是功能分类中类的名称，该行未与其他表核对；请核对名称`, {
          table: s.table.no,
          row: cell.row,
          column: cell.column.key,
        });
      }
    }
  }
  const summaryClass = (s: SummaryTable, code: string, column: SpendingColumn): Observation | undefined => {
    const entry = [...s.classes].find(([name]) => names.get(name) === code);
    if (!entry) return unresolved.has(s.table.no) ? undefined : { value: 0, table: s.table.no, where: new Unlisted(s.table.no, code, 'class') };
    return observeCell(s.table.no, s, entry[1].get(column));
  };
  const t1 = r.summary.get(1);
  const t4 = r.summary.get(4);

  for (const fact of Object.keys(FACT_NAMES) as Fact[]) {
    const label = FACT_NAMES[fact];
    for (const code of [...codes, 'total' as const]) {
      const key = `${fact}:${code}`;
      const what = new FactLabel(label, code);
      for (const no of CODED_SOURCES[fact]) {
        const ct = r.coded.get(no);
        if (ct) facts.add(key, what, observeCoded(ct, code, factColumn(ct, fact)));
      }
      const kind = KIND_COLUMN[fact];
      const t1Column = TABLE1_SPENDING[fact];
      const t1Prints = t1 !== undefined && t1Column !== undefined && spendingThisYear(t1).has(t1Column);
      if (code === 'total') {
        if (t1Prints) facts.add(key, what, withRank(observeCell(1, t1, spendingThisYear(t1).get(t1Column!)), fact === 'spend' ? undefined : 10));
        if (t1 && !t1Column) facts.add(key, what, observeCell(1, t1, incomeCell(t1, fact as IncomeKind)));
        if (t4 && kind) {
          facts.add(key, what, observeCell(4, t4, t4.spendingTotal.get(kind)));
          if (fact !== 'fiscal') facts.add(key, what, observeCell(4, t4, incomeCell(t4, fact as IncomeKind)));
        }
      } else if (code.length === 3) {
        // a 单位预算 table 1's 基本/项目支出 by 类 are read off table 3: on a tie table 3 is taken as right
        const ranked = fact === 'spend' ? undefined : 10;
        if (t1Prints) facts.add(key, what, withRank(summaryClass(t1, code, t1Column!), ranked));
        if (t4 && kind) facts.add(key, what, summaryClass(t4, code, kind));
      }
    }
  }
  return facts;
}

const FISCAL_TABLES: readonly TableId[] = [5, 6, 7];

/**
 * The references between the function tables: table 2's 合计 is table 3's and the other way round;
 * table 2's 财政拨款 is tables 5 + 6 + 7; where a 科目 has no income but 财政拨款 (table 2), table 3's
 * 合计/基本/项目支出 are tables 5 + 6 + 7's, and table 5's (6's, 7's) are table 3's when the other two
 * have nothing there. Rows already reported give no reference.
 */
export function referencesBetween(r: Recognized, review: Review): ReferenceOf {
  const t2 = r.coded.get(2);
  const t3 = r.coded.get(3);
  const column = (ct: CodedTable | undefined, last: string) => ct && amountColumns(ct.table).find((c) => c.last === last);
  const rowOf = (ct: CodedTable, code: string | 'total') => (code === 'total' ? ct.totalRow : ct.rowOf.get(code));
  const one = (ct: CodedTable | undefined, code: string | 'total', col: ColumnInfo | undefined): Reference | undefined => {
    if (!ct || !col) return undefined;
    const row = rowOf(ct, code);
    if (row !== undefined && review.suspect(ct.table.no, row)) return undefined;
    const value = codedValue(ct, code, col);
    if (value === undefined) return undefined;
    return { value, where: row === undefined ? new Unlisted(ct.table.no, code, 'code') : new CellName(ct.table, row, col) };
  };
  const fiscalParts = FISCAL_TABLES.map((no) => r.coded.get(no)).filter((ct): ct is CodedTable => ct !== undefined);
  const fiscalSum = (code: string | 'total', last: string): Reference | undefined => {
    if (fiscalParts.length === 0) return undefined;
    let value = 0;
    for (const ct of fiscalParts) {
      const part = one(ct, code, column(ct, last));
      if (!part) return undefined;
      value += part.value;
    }
    const what = code === 'total' ? '合计行' : `科目 ${code} `;
    return { value, where: `${fiscalParts.map((ct) => `表 ${ct.table.no}`).join('、')}中${what}的${last}之和` };
  };
  const fiscalOnly = (code: string | 'total') => {
    const total = t2 && codedValue(t2, code, column(t2, '合计'));
    return total !== undefined && total === codedValue(t2!, code, factColumn(t2!, 'fiscal'));
  };
  return (ct, code, col) => {
    const no = ct.table.no;
    if (no === 2 && col.last === '合计') return one(t3, code, column(t3, '合计'));
    if (no === 2 && col === factColumn(ct, 'fiscal')) return fiscalSum(code, '合计');
    if (no === 3 && col.last === '合计') return one(t2, code, column(t2, '合计'));
    if (!FISCAL_TABLES.includes(no) && no !== 3) return undefined;
    if (!fiscalOnly(code)) return undefined;
    if (no === 3) return fiscalSum(code, col.last);
    const others = fiscalParts.filter((p) => p !== ct);
    if (others.some((p) => codedValue(p, code, column(p, '合计')) !== 0)) return undefined;
    return one(t3, code, column(t3, col.last));
  };
}

/**
 * Table 2's 财政拨款 and table 3's 基本/项目支出 against tables 5, 6 and 7 added together. Where a
 * 科目 also has other income, table 3 can only be more than tables 5 + 6 + 7.
 */
function fiscalTablesAddUp(r: Recognized, review: Review, referenceOf: ReferenceOf): void {
  const t2 = r.coded.get(2);
  const t3 = r.coded.get(3);
  const parts = FISCAL_TABLES.map((no) => r.coded.get(no)).filter((ct): ct is CodedTable => ct !== undefined);
  const codes = new Set<string>([t2, t3, ...parts].flatMap((ct) => (ct ? [...ct.rowOf.keys()] : [])));
  const report = (ct: CodedTable, code: string | 'total', column: ColumnInfo, printed: number, detail: string, delta: number) => {
    const row = code === 'total' ? ct.totalRow : ct.rowOf.get(code);
    const where = row === undefined ? `表 ${ct.table.no}（未列科目 ${code}，按 0 计）` : cellName(ct.table, row, column);
    review.add('T-CROSS', `${where}为 ${formatYuan(printed)}，${detail}；请核对`, { table: ct.table.no, row, column: row === undefined ? undefined : column.key }, delta);
  };
  const check = (ct: CodedTable, code: string | 'total', column: ColumnInfo | undefined) => {
    const printed = column && codedValue(ct, code, column);
    if (!column || printed === undefined) return;
    const ref = referenceOf(ct, code, column);
    if (ref) {
      if (printed !== ref.value) report(ct, code, column, printed, `但${ref.where}为 ${formatYuan(ref.value)}，相差 ${formatYuan(printed - ref.value)}`, printed - ref.value);
      return;
    }
    if (ct !== t3 || parts.length === 0) return;
    const values = parts.map((p) => codedValue(p, code, amountColumns(p.table).find((c) => c.last === column.last)));
    if (values.some((v) => v === undefined) || parts.some((p) => review.suspect(p.table.no, code === 'total' ? p.totalRow : p.rowOf.get(code)))) return;
    const fiscal = values.reduce<number>((a, v) => a + v!, 0);
    const what = code === 'total' ? '合计行' : `科目 ${code} `;
    if (printed < fiscal) report(ct, code, column, printed, `少于${parts.map((p) => `表 ${p.table.no}`).join('、')}中${what}的${column.last}之和 ${formatYuan(fiscal)}`, printed - fiscal);
  };
  for (const code of [...codes, 'total' as const]) {
    if (t2) check(t2, code, factColumn(t2, 'fiscal'));
    if (t3) for (const kind of ['基本支出', '项目支出']) check(t3, code, amountColumns(t3.table).find((c) => c.last === kind));
  }
}

/** Table 8 is the 一般公共预算 基本支出 of table 5. */
function basicAgrees(r: Recognized, review: Review): void {
  const t5 = r.coded.get(5);
  const t8 = r.coded.get(8);
  if (!t5 || !t8 || t5.totalRow === undefined || t8.totalRow === undefined) return;
  const basic = amountColumns(t5.table).find((c) => c.last === '基本支出');
  const total = amountColumns(t8.table).find((c) => c.last === '合计');
  const expected = codedValue(t5, 'total', basic);
  const printed = codedValue(t8, 'total', total);
  if (!basic || !total || expected === undefined || printed === undefined || expected === printed) return;
  if (review.suspect(5, t5.totalRow) || review.suspect(8, t8.totalRow)) return;
  review.add(
    'T-BASIC',
    `${cellName(t8.table, t8.totalRow, total)}为 ${formatYuan(printed)}，但${cellName(t5.table, t5.totalRow, basic)}为 ${formatYuan(expected)}，相差 ${formatYuan(printed - expected)}；表 8 是表 5 基本支出按经济分类的细化，两者应相等，请核对`,
    { table: 8, row: t8.totalRow, column: total.key },
    printed - expected,
  );
}

/**
 * Table 9 counts every 财政拨款 line (basic and project), table 8 only 一般公共预算 basic ones, so table 9
 * can be more but never less. Compared only where table 8 lists the item's 款.
 */
function sanGongCovers(r: Recognized, review: Review): void {
  const t8 = r.coded.get(8);
  const s = r.sanGong;
  if (!t8 || !s) return;
  const total = amountColumns(t8.table).find((c) => c.last === '合计');
  for (const item of SANGONG_ITEMS) {
    const row8 = t8.rowOf.get(item.economicCode);
    const column = s.items.get(item.key);
    if (row8 === undefined || !column || !total || review.suspect(8, row8) || t8.misnamed.has(item.economicCode)) continue;
    const basic = t8.table.values[row8][total.index];
    if (basic === undefined) continue;
    const floor = s.table.wan ? wanHundredths(basic) : basic;
    s.table.input.rows.forEach((_, row) => {
      const printed = s.table.values[row][column.index];
      if (printed === undefined || printed >= floor) return;
      const inUnit = s.table.wan ? `（${formatYuan(floor)} 万元）` : '';
      review.add(
        'T-SANGONG',
        `${cellName(s.table, row, column)}为 ${formatYuan(printed)} ${unitWord(s.table)}，少于${cellName(t8.table, row8, total)}的 ${formatYuan(basic)} 元${inUnit}；表 9 含全部财政拨款（基本与项目支出），不应少于表 8，请核对`,
        { table: 9, row, column: column.key },
      );
    });
  }
}

/**
 * A 单位预算 table 1 prints 人员经费 and 公用经费: when all its income is 一般公共预算, they are
 * table 8's (一般公共预算 基本支出 by 经济分类) 人员经费 and 公用经费 totals.
 */
function personnelAgrees(r: Recognized, review: Review): void {
  const t1 = r.summary.get(1);
  const t8 = r.coded.get(8);
  if (!t1 || !t8 || t8.totalRow === undefined || review.suspect(8, t8.totalRow)) return;
  const income = t1.incomeSubtotal ?? t1.incomeTotal;
  const general = incomeCell(t1, 'general');
  if (income?.value === undefined || general?.value !== income.value) return;
  const row = spendingThisYear(t1);
  for (const [kind, last] of [['personnel', '人员经费'], ['public', '公用经费']] as const) {
    const cell = row.get(kind);
    const column8 = amountColumns(t8.table).find((c) => c.last === last);
    const expected = codedValue(t8, 'total', column8);
    if (!cell || cell.value === undefined || expected === undefined || cell.value === expected || review.suspect(1, cell.row)) continue;
    review.add(
      'T-CROSS',
      `${cellName(t1.table, cell.row, cell.column)}为 ${formatYuan(cell.value)}，但${cellName(t8.table, t8.totalRow, column8!)}为 ${formatYuan(expected)}，相差 ${formatYuan(cell.value - expected)}；本单位收入全部是一般公共预算，表 1 的${last}应等于表 8 的${last}合计，请核对`,
      { table: 1, row: cell.row, column: cell.column.key },
      cell.value - expected,
    );
  }
}

/** The relations between tables that are sums or bounds rather than the same figure. */
export function checkRelations(r: Recognized, review: Review, referenceOf: ReferenceOf): void {
  fiscalTablesAddUp(r, review, referenceOf);
  basicAgrees(r, review);
  personnelAgrees(r, review);
  sanGongCovers(r, review);
}
