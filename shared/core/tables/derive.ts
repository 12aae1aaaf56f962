import { BUILTIN_CATALOGS, type Catalog, type Catalogs } from '../catalog/catalog';
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
import { SLOTS, aggregate, slotOf, type Aggregates } from './aggregate';
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
  return catalog.entries.get(code)?.name ?? agg.lineNames.get(prefix + code) ?? '';
}

/** Sums of 项 vectors rolled up to every 类 and 款, sorted by code. */
function rollUp(byCode: Map<string, Fen[]>, lengths: readonly number[], size: number): [string, Fen[]][] {
  const sums = new Map<string, Fen[]>();
  for (const [code, vector] of byCode) {
    for (const n of lengths) {
      const key = code.slice(0, n);
      let s = sums.get(key);
      if (!s) sums.set(key, (s = new Array<Fen>(size).fill(0)));
      addInto(s, vector);
    }
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const LEVEL_BY_LENGTH: Record<number, TableRow['level']> = { 3: 'class', 5: 'kuan', 7: 'item' };

function splitCode(code: string, lengths: readonly number[]): Cell[] {
  return lengths.map((n, i) => ({ text: code.length >= n ? code.slice(i === 0 ? 0 : lengths[i - 1], n) : '' }));
}

class Deriver {
  private readonly catalogs: Catalogs;
  private readonly scope: ScopeWord;
  private readonly scopeFilter: LineFilter;
  /** Every 类, 款 and 项 with its slot vector, by code: shared by the five function tables. */
  private readonly rolled: [string, Fen[]][];
  /** 类 code → slot vector. */
  private readonly classes = new Map<string, Fen[]>();
  /** The slot vector of all lines. */
  private readonly total = new Array<Fen>(SLOTS).fill(0);

  constructor(
    private readonly ctx: DeriveContext,
    private readonly agg: Aggregates,
  ) {
    this.catalogs = ctx.catalogs ?? BUILTIN_CATALOGS;
    this.scope = ctx.unit === undefined ? '部门' : '单位';
    this.scopeFilter = ctx.unit === undefined ? {} : { unit: ctx.unit };
    this.rolled = rollUp(agg.byFunction, [3, 5, 7], SLOTS);
    for (const [code, vector] of this.rolled) {
      if (code.length !== 3) continue;
      this.classes.set(code, vector);
      addInto(this.total, vector);
    }
  }

  /** An amount cell; `extra` refines `filter` (one object for both, scoped to the unit when deriving one). */
  private amount(fen: Fen, filter: LineFilter, extra?: LineFilter): Cell {
    return { fen, filter: { ...this.scopeFilter, ...filter, ...extra } };
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

  functionTable(id: TableId): TableModel {
    const columns = FUNCTION_TABLE_COLUMNS[id]!;
    const rows: TableRow[] = [];
    const total = new Array<Fen>(columns.length).fill(0);
    for (const [code, vector] of this.rolled) {
      const amounts = columns.map((c) => sumSlots(vector, c.slots));
      if (amounts.every((a) => a === 0)) continue;
      if (code.length === 7) amounts.forEach((a, i) => (total[i] += a));
      rows.push({
        level: LEVEL_BY_LENGTH[code.length],
        cells: [
          ...splitCode(code, [3, 5, 7]),
          { text: nameOf(this.catalogs.function, this.agg, 'f', code) },
          ...amounts.map((a, i) => this.amount(a, columns[i].filter, { functionPrefix: code })),
        ],
      });
    }
    rows.push({
      level: 'total',
      cells: [{ text: '合计' }, { text: '' }, { text: '' }, { text: '' }, ...total.map((a, i) => this.amount(a, columns[i].filter))],
    });
    const emptyNote = EMPTY_TABLE_NOTES[id];
    const note =
      emptyNote && rows.length === 1 ? `备注：本${this.scope} ${this.ctx.year} 年无${emptyNote}，故本表无数据。` : undefined;
    return this.table(id, rows, note);
  }

  /** 类 sums over the given sources, with the template's classes first-class and the rest by code. */
  private classList(sources: readonly FundSource[]): { code: string; name: string }[] {
    const present = new Set<string>();
    const slots = slotsOf(sources);
    for (const [code, vector] of this.agg.byFunction) {
      if (sumSlots(vector, slots) !== 0) present.add(code.slice(0, 3));
    }
    const template = new Set(TEMPLATE_CLASSES.map((c) => c.code));
    const extra = [...present]
      .filter((c) => !template.has(c))
      .map((code) => ({ code, name: nameOf(this.catalogs.function, this.agg, 'f', code) }));
    return [...TEMPLATE_CLASSES, ...extra].sort((a, b) => (a.code < b.code ? -1 : 1));
  }

  private classSum(code: string, slots: readonly number[]): Fen {
    const vector = this.classes.get(code);
    return vector ? sumSlots(vector, slots) : 0;
  }

  private sourceTotal(sources: readonly FundSource[]): Fen {
    return sumSlots(this.total, slotsOf(sources));
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
    for (const [code, [personnel, office]] of rollUp(this.agg.byEconomic, [3, 5], 2)) {
      if (personnel === 0 && office === 0) continue;
      if (code.length === 5) {
        total[0] += personnel;
        total[1] += office;
      }
      rows.push({
        level: code.length === 3 ? 'class' : 'kuan',
        cells: [
          ...splitCode(code, [3, 5]),
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
    const typeOf = unitTypeLookup(this.ctx.units);
    const names = this.ctx.unit !== undefined ? [this.ctx.unit] : this.ctx.units.map((u) => u.name);
    if (names.length === 0 || names.some((n) => typeOf(n) !== '事业单位')) return undefined;
    const who = names.length === 1 ? '本单位为事业单位' : '本部门所属单位均为事业单位';
    return `机关运行经费为 0：${who}（非参照公务员法管理），无机关运行经费。`;
  }

  all(): TableModel[] {
    return TABLE_IDS.map((id) => {
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
    });
  }
}

/** The nine tables from aggregates kept by the caller (the incremental path). */
export function tablesFromAggregates(ctx: DeriveContext, agg: Aggregates): TableModel[] {
  return new Deriver(ctx, agg).all();
}

/**
 * The nine tables of a department (or of `ctx.unit`) from its line items.
 * Units named only by lines count as 事业单位.
 */
export function deriveTables(ctx: DeriveContext, lines: readonly LineItem[]): TableModel[] {
  const scoped = ctx.unit === undefined ? lines : lines.filter((l) => l.unit === ctx.unit);
  const units = withLineUnits(ctx.units, lines);
  return tablesFromAggregates({ ...ctx, units }, aggregate(scoped, unitTypeLookup(units)));
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
