import { BUILTIN_CATALOGS, CODE_LEVELS, type Catalog, type Catalogs } from '../catalog/catalog';
import type { Fen } from '../money';
import {
  FISCAL_SOURCES,
  FUND_SOURCES,
  SANGONG_ITEMS,
  unitTypeLookup,
  type BudgetUnit,
  type ExpenditureKind,
  type FundSource,
  type LineItem,
} from '../model';
import { SLOTS, aggregate, functionRows, lineName, rollUp, rollUpKeys, slotOf, type Aggregates } from './aggregate';
import { TEMPLATE_CLASSES, chineseNumber } from './categories';
import { LAYOUTS, TABLE_IDS, type ScopeWord } from './layouts';
import type { Cell, LineFilter, TableId, TableModel, TableRow } from './tableModel';

/** What the tables are derived for: a department, or one of its units (`unit`). */
export interface DeriveContext {
  department: string;
  year: number;
  units: readonly BudgetUnit[];
  catalogs?: Catalogs;
  /** Derive one unit's tables (单位预算) instead of the department's. */
  unit?: string;
}

interface AmountColumn {
  slots: number[];
  filter: LineFilter;
}

const KINDS: ExpenditureKind[] = ['基本支出', '项目支出'];
const slotsOf = (sources: readonly FundSource[], kinds: readonly ExpenditureKind[] = KINDS) =>
  sources.flatMap((s) => kinds.map((k) => slotOf(s, k)));

/** Amount columns of a function table for the given sources: 合计, 基本支出, 项目支出. */
function spendingColumns(sources: readonly FundSource[]): AmountColumn[] {
  return [
    { slots: slotsOf(sources), filter: { sources } },
    { slots: slotsOf(sources, ['基本支出']), filter: { sources, kinds: ['基本支出'] } },
    { slots: slotsOf(sources, ['项目支出']), filter: { sources, kinds: ['项目支出'] } },
  ];
}

const GENERAL: FundSource[] = ['一般公共预算财政拨款'];
const FUND: FundSource[] = ['政府性基金预算财政拨款'];
const STATE_CAPITAL: FundSource[] = ['国有资本经营预算财政拨款'];
const ALL: FundSource[] = [...FUND_SOURCES];

const FUNCTION_TABLE_COLUMNS: Partial<Record<TableId, AmountColumn[]>> = {
  2: [
    { slots: slotsOf(ALL), filter: {} },
    { slots: slotsOf(FISCAL_SOURCES), filter: { sources: FISCAL_SOURCES } },
    { slots: slotsOf(['事业收入']), filter: { sources: ['事业收入'] } },
    { slots: slotsOf(['事业单位经营收入']), filter: { sources: ['事业单位经营收入'] } },
    { slots: slotsOf(['其他收入']), filter: { sources: ['其他收入'] } },
  ],
  3: spendingColumns(ALL),
  5: spendingColumns(GENERAL),
  6: spendingColumns(FUND),
  7: spendingColumns(STATE_CAPITAL),
};

const EMPTY_TABLE_NOTES: Partial<Record<TableId, string>> = {
  6: '政府性基金预算财政拨款支出',
  7: '国有资本经营预算财政拨款支出',
};

function sumSlots(vector: readonly Fen[], slots: readonly number[]): Fen {
  let s = 0;
  for (const i of slots) s += vector[i];
  return s;
}

function addInto(target: Fen[], source: readonly Fen[]): void {
  for (let i = 0; i < source.length; i++) target[i] += source[i];
}

function nameOf(catalog: Catalog, agg: Aggregates, prefix: 'f' | 'e', code: string): string {
  return catalog.entries.get(code)?.name ?? lineName(agg, prefix + code) ?? '';
}

const byCode = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

const LEVEL_BY_LENGTH: Record<number, TableRow['level']> = { 3: 'class', 5: 'kuan', 7: 'item' };

function splitCode(code: string, lengths: readonly number[]): Cell[] {
  return lengths.map((n, i) => ({ text: code.length >= n ? code.slice(i === 0 ? 0 : lengths[i - 1], n) : '' }));
}

/** The code of a 类 / 款 / 项 row: its three code cells joined. */
function rowCode(row: TableRow): string {
  let code = '';
  for (let i = 0; i < 3; i++) code += (row.cells[i] as { text: string }).text;
  return code;
}

class Deriver {
  private readonly catalogs: Catalogs;
  private readonly scope: ScopeWord;
  private readonly scopeFilter: LineFilter;
  /** Every 类, 款 and 项 with its slot vector, by code: shared by the five function tables. */
  private rolledUp?: [string, Fen[]][];
  /** 类 code → its sum and its 项's vectors; and the sum of all lines. */
  private sums?: { classes: Map<string, { sum: Fen[]; items: Fen[][] }>; total: Fen[] };
  private readonly labels = new Map<string, Cell[]>();

  constructor(
    private readonly ctx: DeriveContext,
    private readonly agg: Aggregates,
    private readonly units: () => readonly BudgetUnit[] = () => ctx.units,
  ) {
    this.catalogs = ctx.catalogs ?? BUILTIN_CATALOGS;
    this.scope = ctx.unit === undefined ? '部门' : '单位';
    this.scopeFilter = ctx.unit === undefined ? {} : { unit: ctx.unit };
  }

  private get rolled(): [string, Fen[]][] {
    return (this.rolledUp ??= [...functionRows(this.agg)].sort(byCode));
  }

  private get classSums(): { classes: Map<string, { sum: Fen[]; items: Fen[][] }>; total: Fen[] } {
    if (!this.sums) {
      const classes = new Map<string, { sum: Fen[]; items: Fen[][] }>();
      const total = new Array<Fen>(SLOTS).fill(0);
      for (const [code, vector] of this.agg.byFunction) {
        const key = code.slice(0, 3);
        let c = classes.get(key);
        if (!c) classes.set(key, (c = { sum: new Array<Fen>(SLOTS).fill(0), items: [] }));
        addInto(c.sum, vector);
        c.items.push(vector);
        addInto(total, vector);
      }
      this.sums = { classes, total };
    }
    return this.sums;
  }

  /** An amount cell; `extra` refines `filter` (one object for both, scoped to the unit when deriving one). */
  private amount(fen: Fen, filter: LineFilter, extra?: LineFilter): Cell {
    return { fen, filter: this.ctx.unit === undefined && !extra ? { ...filter } : { ...this.scopeFilter, ...filter, ...extra } };
  }

  /** The code and name cells of a 类, 款 or 项 row: the same in all five function tables. */
  private labelCells(code: string): Cell[] {
    let cells = this.labels.get(code);
    if (!cells) {
      cells = [...splitCode(code, CODE_LEVELS.function), { text: nameOf(this.catalogs.function, this.agg, 'f', code) }];
      this.labels.set(code, cells);
    }
    return cells;
  }

  private table(id: TableId, rows: TableRow[], note?: string): TableModel {
    const layout = LAYOUTS[id];
    const header = layout.header(this.ctx.year);
    return {
      id,
      title: layout.title(this.ctx.year, this.scope),
      preparer: this.ctx.unit ?? this.ctx.department,
      preparerLabel: this.ctx.unit === undefined ? '编制部门' : '编制单位',
      unit: layout.unit,
      header,
      headerRows: Math.max(...header.map((h) => h.row + h.rowSpan)),
      columns: layout.columns,
      rows,
      ...(note ? { note } : {}),
    };
  }

  /** A 类, 款 or 项 row of a function table; null when all its amounts are zero (the row is left out). */
  private functionRow(columns: readonly AmountColumn[], code: string, vector: readonly Fen[]): TableRow | null {
    const amounts = columns.map((c) => sumSlots(vector, c.slots));
    if (amounts.every((a) => a === 0)) return null;
    const cells = [...this.labelCells(code)];
    const prefix = { functionPrefix: code };
    for (let i = 0; i < amounts.length; i++) cells.push(this.amount(amounts[i], columns[i].filter, prefix));
    return { level: LEVEL_BY_LENGTH[code.length], cells };
  }

  /** A function table from its code rows, with the total row and the note of an empty table. */
  private functionTableOf(id: TableId, columns: readonly AmountColumn[], rows: TableRow[]): TableModel {
    const total = this.classSums.total;
    rows.push({
      level: 'total',
      cells: [{ text: '合计' }, { text: '' }, { text: '' }, { text: '' }, ...columns.map((c) => this.amount(sumSlots(total, c.slots), c.filter))],
    });
    const emptyNote = EMPTY_TABLE_NOTES[id];
    const note =
      emptyNote && rows.length === 1 ? `备注：本${this.scope} ${this.ctx.year} 年无${emptyNote}，故本表无数据。` : undefined;
    return this.table(id, rows, note);
  }

  functionTable(id: TableId): TableModel {
    const columns = FUNCTION_TABLE_COLUMNS[id]!;
    const rows: TableRow[] = [];
    for (const [code, vector] of this.rolled) {
      const row = this.functionRow(columns, code, vector);
      if (row) rows.push(row);
    }
    return this.functionTableOf(id, columns, rows);
  }

  /**
   * A function table after an edit: the rows of the given 类 / 款 / 项 (with their current sums)
   * replaced, inserted or removed in code order; every other row is kept as it was.
   */
  patchedFunctionTable(previous: TableModel, touched: ReadonlyMap<string, readonly Fen[]>): TableModel {
    const columns = FUNCTION_TABLE_COLUMNS[previous.id]!;
    const rows = previous.rows.slice(0, -1);
    for (const [code, vector] of touched) {
      const row = this.functionRow(columns, code, vector);
      let lo = 0;
      let hi = rows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rowCode(rows[mid]) < code) lo = mid + 1;
        else hi = mid;
      }
      const present = lo < rows.length && rowCode(rows[lo]) === code;
      if (row) rows.splice(lo, present ? 1 : 0, row);
      else if (present) rows.splice(lo, 1);
    }
    return this.functionTableOf(previous.id, columns, rows);
  }

  /** 类 sums over the given sources, with the template's classes first-class and the rest by code. */
  private classList(sources: readonly FundSource[]): { code: string; name: string }[] {
    // a 类 is listed when any of its 项 has money from these sources (even if its sum nets to zero)
    const slots = slotsOf(sources);
    const present: string[] = [];
    for (const [code, { items }] of this.classSums.classes) if (items.some((v) => sumSlots(v, slots) !== 0)) present.push(code);
    const template = new Set(TEMPLATE_CLASSES.map((c) => c.code));
    const extra = present
      .filter((c) => !template.has(c))
      .map((code) => ({ code, name: nameOf(this.catalogs.function, this.agg, 'f', code) }));
    return [...TEMPLATE_CLASSES, ...extra].sort((a, b) => (a.code < b.code ? -1 : 1));
  }

  private classSum(code: string, slots: readonly number[]): Fen {
    const vector = this.classSums.classes.get(code)?.sum;
    return vector ? sumSlots(vector, slots) : 0;
  }

  private sourceTotal(sources: readonly FundSource[]): Fen {
    return sumSlots(this.classSums.total, slotsOf(sources));
  }

  table1(): TableModel {
    const income: [string, Cell][] = [
      ['一、财政拨款收入', this.amount(this.sourceTotal(FISCAL_SOURCES), { sources: FISCAL_SOURCES })],
      ['1、公共财政预算资金', this.amount(this.sourceTotal(GENERAL), { sources: GENERAL })],
      ['2、政府性基金', this.amount(this.sourceTotal(FUND), { sources: FUND })],
    ];
    const stateCapital = this.sourceTotal(STATE_CAPITAL);
    // The district template has no line for 国有资本经营预算; it is added only when there is money in it.
    if (stateCapital !== 0) income.push(['3、国有资本经营预算资金', this.amount(stateCapital, { sources: STATE_CAPITAL })]);
    income.push(
      ['二、事业收入', this.amount(this.sourceTotal(['事业收入']), { sources: ['事业收入'] })],
      ['三、事业单位经营收入', this.amount(this.sourceTotal(['事业单位经营收入']), { sources: ['事业单位经营收入'] })],
      ['四、其他收入', this.amount(this.sourceTotal(['其他收入']), { sources: ['其他收入'] })],
    );
    const allSlots = slotsOf(ALL);
    const spending = this.classList(ALL).map((c, i): [string, Cell] => [
      `${chineseNumber(i + 1)}、${c.name}`,
      this.amount(this.classSum(c.code, allSlots), { functionPrefix: c.code }),
    ]);
    const rows: TableRow[] = [];
    for (let i = 0; i < Math.max(income.length, spending.length); i++) {
      const [inLabel, inAmount] = income[i] ?? ['', { text: '' }];
      const [outLabel, outAmount] = spending[i] ?? ['', { text: '' }];
      rows.push({ level: 'row', cells: [{ text: inLabel }, inAmount, { text: outLabel }, outAmount] });
    }
    const total = this.sourceTotal(ALL);
    rows.push({
      level: 'total',
      cells: [{ text: '收入总计' }, this.amount(total, {}), { text: '支出总计' }, this.amount(total, {})],
    });
    return this.table(1, rows);
  }

  table4(): TableModel {
    const income: [string, Cell][] = [
      ['一、一般公共预算资金', this.amount(this.sourceTotal(GENERAL), { sources: GENERAL })],
      ['二、政府性基金', this.amount(this.sourceTotal(FUND), { sources: FUND })],
      ['三、国有资本经营预算', this.amount(this.sourceTotal(STATE_CAPITAL), { sources: STATE_CAPITAL })],
    ];
    const groups: FundSource[][] = [[...FISCAL_SOURCES], GENERAL, FUND, STATE_CAPITAL];
    const spending = this.classList(FISCAL_SOURCES).map((c, i) => ({
      label: `${chineseNumber(i + 1)}、${c.name}`,
      amounts: groups.map((g) => this.amount(this.classSum(c.code, slotsOf(g)), { sources: g, functionPrefix: c.code })),
    }));
    const rows: TableRow[] = [];
    const blank = () => ({ text: '' });
    for (let i = 0; i < Math.max(income.length, spending.length); i++) {
      const [inLabel, inAmount] = income[i] ?? ['', blank()];
      const out = spending[i];
      rows.push({
        level: 'row',
        cells: [{ text: inLabel }, inAmount, { text: out?.label ?? '' }, ...(out?.amounts ?? groups.map(blank))],
      });
    }
    const fiscal = this.sourceTotal(FISCAL_SOURCES);
    rows.push({
      level: 'total',
      cells: [
        { text: '收入总计' },
        this.amount(fiscal, { sources: FISCAL_SOURCES }),
        { text: '支出总计' },
        ...groups.map((g) => this.amount(this.sourceTotal(g), { sources: g })),
      ],
    });
    return this.table(4, rows);
  }

  table8(): TableModel {
    const base: LineFilter = { sources: GENERAL, kinds: ['基本支出'] };
    const rows: TableRow[] = [];
    const total = [0, 0];
    for (const [code, [personnel, office]] of [...rollUp(this.agg.byEconomic, CODE_LEVELS.economic, 2)].sort(byCode)) {
      if (personnel === 0 && office === 0) continue;
      if (code.length === 5) {
        total[0] += personnel;
        total[1] += office;
      }
      rows.push({
        level: code.length === 3 ? 'class' : 'kuan',
        cells: [
          ...splitCode(code, CODE_LEVELS.economic),
          { text: nameOf(this.catalogs.economic, this.agg, 'e', code) },
          this.amount(personnel + office, base, { economicPrefix: code }),
          this.amount(personnel, base, { economicPrefix: code, costType: '人员经费' }),
          this.amount(office, base, { economicPrefix: code, costType: '公用经费' }),
        ],
      });
    }
    rows.push({
      level: 'total',
      cells: [
        { text: '合计' },
        { text: '' },
        { text: '' },
        this.amount(total[0] + total[1], base),
        this.amount(total[0], { ...base, costType: '人员经费' }),
        this.amount(total[1], { ...base, costType: '公用经费' }),
      ],
    });
    return this.table(8, rows);
  }

  table9(): TableModel {
    const [abroad, reception, purchase, operation] = this.agg.sanGong;
    const fiscal = { sources: FISCAL_SOURCES };
    const codes = (...keys: string[]) => SANGONG_ITEMS.filter((s) => keys.includes(s.key)).map((s) => s.economicCode);
    const office = this.agg.officeExpenses;
    const row: TableRow = {
      level: 'row',
      cells: [
        this.amount(abroad + reception + purchase + operation, { ...fiscal, economicCodes: codes('abroad', 'reception', 'vehiclePurchase', 'vehicleOperation') }),
        this.amount(abroad, { ...fiscal, economicCodes: codes('abroad') }),
        this.amount(reception, { ...fiscal, economicCodes: codes('reception') }),
        this.amount(purchase + operation, { ...fiscal, economicCodes: codes('vehiclePurchase', 'vehicleOperation') }),
        this.amount(purchase, { ...fiscal, economicCodes: codes('vehiclePurchase') }),
        this.amount(operation, { ...fiscal, economicCodes: codes('vehicleOperation') }),
        this.amount(office, { sources: GENERAL, kinds: ['基本支出'], costType: '公用经费', officeUnitsOnly: true }),
      ],
    };
    return this.table(9, [row], office === 0 ? this.noOfficeExpensesNote() : undefined);
  }

  private noOfficeExpensesNote(): string | undefined {
    const units = this.units();
    const typeOf = unitTypeLookup(units);
    const names = this.ctx.unit !== undefined ? [this.ctx.unit] : units.map((u) => u.name);
    if (names.length === 0 || names.some((n) => typeOf(n) !== '事业单位')) return undefined;
    const who = names.length === 1 ? '本单位为事业单位' : '本部门所属单位均为事业单位';
    return `机关运行经费为 0：${who}（非参照公务员法管理），无机关运行经费。`;
  }

  all(): TableModel[] {
    return TABLE_IDS.map((id) => this.byId(id));
  }

  byId(id: TableId): TableModel {
    switch (id) {
      case 1:
        return this.table1();
      case 4:
        return this.table4();
      case 8:
        return this.table8();
      case 9:
        return this.table9();
      default:
        return this.functionTable(id);
    }
  }
}

/** The nine tables from aggregates kept by the caller (the incremental path). */
export function tablesFromAggregates(ctx: DeriveContext, agg: Aggregates): TableModel[] {
  return new Deriver(ctx, agg).all();
}

const NOTHING: readonly Fen[] = new Array<Fen>(SLOTS).fill(0);

/** The rows the given 项 codes add into, each with its current sum. */
function touchedSums(agg: Aggregates, functionCodes: Iterable<string>): Map<string, readonly Fen[]> {
  const rows = functionRows(agg);
  const touched = new Map<string, readonly Fen[]>();
  for (const code of functionCodes) for (const key of rollUpKeys(code, CODE_LEVELS.function)) touched.set(key, rows.get(key) ?? NOTHING);
  return touched;
}

/**
 * The nine tables after the lines of the given 功能分类 项 changed (`agg` already updated, e.g. by
 * applyLine), from the tables before: in the five function tables only the rows of those 项, their
 * 款 and 类 and the total are rebuilt; tables 1, 4, 8 and 9, a few dozen rows each, are rebuilt
 * whole. The result equals tablesFromAggregates(ctx, agg), at a cost that does not grow with the
 * number of lines.
 */
export function updateTables(previous: readonly TableModel[], ctx: DeriveContext, agg: Aggregates, functionCodes: Iterable<string>): TableModel[] {
  const deriver = new Deriver(ctx, agg);
  const touched = touchedSums(agg, functionCodes);
  return previous.map((table) => (FUNCTION_TABLE_COLUMNS[table.id] ? deriver.patchedFunctionTable(table, touched) : deriver.byId(table.id)));
}

/**
 * The nine tables of a department (or of `ctx.unit`) from its line items.
 * Units named only by lines count as 事业单位.
 */
export function deriveTables(ctx: DeriveContext, lines: readonly LineItem[]): TableModel[] {
  const scoped = ctx.unit === undefined ? lines : lines.filter((l) => l.unit === ctx.unit);
  // a unit only lines name is a 事业单位, which is also what unitTypeLookup answers for it
  return new Deriver(ctx, aggregate(scoped, unitTypeLookup(ctx.units)), () => withLineUnits(ctx.units, lines)).all();
}

/** The declared units plus any unit that only lines name (as 事业单位), in first-seen order. */
export function withLineUnits(units: readonly BudgetUnit[], lines: readonly LineItem[]): BudgetUnit[] {
  const out = [...units];
  const known = new Set(units.map((u) => u.name));
  for (const line of lines) {
    if (!known.has(line.unit)) {
      known.add(line.unit);
      out.push({ name: line.unit, type: '事业单位' });
    }
  }
  return out;
}
