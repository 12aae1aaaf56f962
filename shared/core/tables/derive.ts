import { BUILTIN_CATALOGS, CODE_LEVELS, type Catalog, type Catalogs } from '../catalog/catalog';
import { addFen, type Fen } from '../money';
import { unitTypeLookup, type BudgetUnit, type LineItem } from '../model';
import type { Schedules } from '../schedules/model';
import { aggregate } from '../live/lineStore';
import { DEFAULT_TEMPLATE } from '../templates/registry';
import { tableHeader, tableName, tableTitle } from '../templates/layout';
import type { ColumnTemplate, ItemRow, Measure, Side, TableTemplate, Template } from '../templates/types';
import { CLASSES, functionRows, lineName, rollUp, rollUpKeys, type Aggregates } from './aggregate';
import { chineseNumber } from './categories';
import { type Cell, type LineFilter, type TableModel, type TableRow } from './tableModel';
import { compileMeasure, intersect, maskedSum, measureTotal } from './measure';
import { scheduleRows } from './scheduleRows';

/** What the tables are derived for: a department, or one of its units (`unit`), in a template's layout. */
export interface DeriveContext {
  department: string;
  year: number;
  units: readonly BudgetUnit[];
  catalogs?: Catalogs;
  /** Derive one unit's tables (单位预算) instead of the department's. */
  unit?: string;
  /** The publication's layout (default: shanghai-district). */
  template?: Template;
  /** The schedules a schedule table lists (政府采购预算表). */
  schedules?: Schedules;
}

const byCode = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

const LEVEL_BY_LENGTH: Record<number, TableRow['level']> = { 3: 'class', 5: 'kuan', 7: 'item' };
const PART_INDEX = { class: 0, kuan: 1, item: 2 } as const;

function codeCell(code: string, part: 'class' | 'kuan' | 'item' | 'full', lengths: readonly number[]): Cell {
  if (part === 'full') return { text: code };
  const i = PART_INDEX[part];
  const n = lengths[i];
  if (n === undefined || code.length < n) return { text: '' };
  return { text: code.slice(i === 0 ? 0 : lengths[i - 1], n) };
}

function nameOf(catalog: Catalog, agg: Aggregates, prefix: 'f' | 'e', code: string): string {
  return catalog.entries.get(code)?.name ?? lineName(agg, prefix + code) ?? '';
}

const blank = (): Cell => ({ text: '' });

interface AmountColumns {
  columns: { index: number; measure: Measure; classes: Int32Array }[];
  position: number[];
}
/** Per table template (templates do not change once loaded). */
const AMOUNT_COLUMNS = new WeakMap<TableTemplate, AmountColumns>();

/** Derives a template's tables from the aggregates; every figure through a measure (./measure.ts). */
class Deriver {
  private readonly catalogs: Catalogs;
  readonly template: Template;
  private readonly scope: string;
  private readonly scopeFilter: LineFilter;
  private rolledUp?: [string, Fen[]][];
  private sums?: { classes: Map<string, { sum: Fen[]; items: Fen[][] }>; total: Fen[] };

  constructor(
    private readonly ctx: DeriveContext,
    private readonly agg: Aggregates,
    private readonly units: () => readonly BudgetUnit[] = () => ctx.units,
  ) {
    this.catalogs = ctx.catalogs ?? BUILTIN_CATALOGS;
    this.template = ctx.template ?? DEFAULT_TEMPLATE;
    this.scope = ctx.unit === undefined ? this.template.scopeWords.department : this.template.scopeWords.unit;
    this.scopeFilter = ctx.unit === undefined ? {} : { unit: ctx.unit };
  }

  private measure(name: string | undefined): Measure {
    return name === undefined ? {} : this.template.measures[name];
  }

  private get rolled(): [string, Fen[]][] {
    return (this.rolledUp ??= [...functionRows(this.agg)].sort(byCode));
  }

  private get classSums(): { classes: Map<string, { sum: Fen[]; items: Fen[][] }>; total: Fen[] } {
    if (!this.sums) {
      const classes = new Map<string, { sum: Fen[]; items: Fen[][] }>();
      const total = new Array<Fen>(CLASSES).fill(0);
      for (const [code, vector] of this.agg.byFunction) {
        const key = code.slice(0, 3);
        let c = classes.get(key);
        if (!c) classes.set(key, (c = { sum: new Array<Fen>(CLASSES).fill(0), items: [] }));
        for (let i = 0; i < CLASSES; i++) {
          c.sum[i] += vector[i];
          total[i] += vector[i];
        }
        c.items.push(vector);
      }
      this.sums = { classes, total };
    }
    return this.sums;
  }

  private fill(text: string): string {
    return text.replaceAll('{year}', String(this.ctx.year)).replaceAll('{scope}', this.scope);
  }

  /** An amount cell with the filter listing its lines (scoped to the unit when deriving one). */
  private amount(fen: Fen, filter: LineFilter): Cell {
    return { fen, filter: this.ctx.unit === undefined ? filter : { ...this.scopeFilter, ...filter } };
  }

  private model(spec: TableTemplate, rows: TableRow[], note?: string): TableModel {
    const header = tableHeader(spec, this.ctx.year);
    return {
      id: spec.number,
      title: tableTitle(spec, this.ctx.year, this.scope),
      name: tableName(spec),
      preparer: this.ctx.unit ?? this.ctx.department,
      preparerLabel: this.ctx.unit === undefined ? (this.template.preparerLabels?.department ?? '编制部门') : (this.template.preparerLabels?.unit ?? '编制单位'),
      unit: spec.unit,
      zero: spec.zero,
      header,
      headerRows: Math.max(...header.map((h) => h.row + h.rowSpan)),
      columns: spec.columns.map((c) => ({ key: c.key, type: c.type })),
      rows,
      ...(note ? { note } : {}),
    };
  }

  /** A table's amount columns with their measures' classes, and each column's place among them (-1: not an amount). */
  private amountColumns(spec: TableTemplate): AmountColumns {
    let plan = AMOUNT_COLUMNS.get(spec);
    if (!plan) {
      const columns: AmountColumns['columns'] = [];
      const position = spec.columns.map((c, index) => {
        if (c.type !== 'amount') return -1;
        const measure = this.measure(c.measure);
        columns.push({ index, measure, classes: compileMeasure(measure).classes });
        return columns.length - 1;
      });
      AMOUNT_COLUMNS.set(spec, (plan = { columns, position }));
    }
    return plan;
  }

  /** The 合计 row of a tree table: its label, blank texts, each column's figure. */
  private totalRow(spec: TableTemplate, figure: (m: Measure) => Fen): TableRow {
    const labelAt = spec.total?.column ?? 0;
    const cells = spec.columns.map((c, i): Cell => {
      if (c.type === 'amount') {
        const m = this.measure(c.measure);
        return this.amount(figure(m), m);
      }
      return { text: i === labelAt ? (spec.total?.label ?? '合计') : '' };
    });
    return { level: 'total', cells };
  }

  private withTotal(spec: TableTemplate, body: TableRow[], total: TableRow): TableRow[] {
    if (!spec.total) return body;
    return spec.total.place === 'first' ? [total, ...body] : [...body, total];
  }

  private notes(spec: TableTemplate, body: TableRow[], rows: TableRow[]): string | undefined {
    for (const n of spec.notes ?? []) {
      if (n.when === 'empty' && body.length === 0) return this.fill(n.text);
      if (n.when === 'noOfficeUnits') {
        const col = spec.columns.findIndex((c) => c.key === n.column);
        const cell = rows[0]?.cells[col];
        if (cell && 'fen' in cell && cell.fen === 0) {
          const who = this.noOfficeUnits();
          if (who) return this.fill(n.text).replace('{who}', who);
        }
      }
    }
    return undefined;
  }

  private noOfficeUnits(): string | undefined {
    const units = this.units();
    const typeOf = unitTypeLookup(units);
    const names = this.ctx.unit !== undefined ? [this.ctx.unit] : units.map((u) => u.name);
    if (names.length === 0 || names.some((n) => typeOf(n) !== '事业单位')) return undefined;
    return names.length === 1 ? '本单位为事业单位' : '本部门所属单位均为事业单位';
  }

  /** A 类, 款 or 项 row of a function table; null when all its amounts are zero (the row is left out). */
  private functionRow(spec: TableTemplate, code: string, vector: readonly Fen[]): TableRow | null {
    const { columns, position } = this.amountColumns(spec);
    const amounts = columns.map((c) => maskedSum(vector, c.classes));
    if (amounts.every((a) => a === 0)) return null;
    return { level: LEVEL_BY_LENGTH[code.length], code, cells: this.codeRowCells(spec, code, 'f', (i) => amounts[position[i]], (m) => ({ ...m, functionPrefix: code })) };
  }

  private codeRowCells(spec: TableTemplate, code: string, kind: 'f' | 'e', amountAt: (index: number) => Fen, filter: (m: Measure) => LineFilter): Cell[] {
    const lengths = CODE_LEVELS[kind === 'f' ? 'function' : 'economic'];
    return spec.columns.map((c: ColumnTemplate, i): Cell => {
      if (c.type === 'code') return codeCell(code, c.part, lengths);
      if (c.type === 'amount') return this.amount(amountAt(i), filter(this.measure(c.measure)));
      return { text: nameOf(kind === 'f' ? this.catalogs.function : this.catalogs.economic, this.agg, kind, code) };
    });
  }

  private functionDepthOk(spec: TableTemplate, code: string): boolean {
    const depth = spec.rows.kind === 'functionTree' ? spec.rows.depth : 3;
    return depth === 3 || code.length <= CODE_LEVELS.function[depth - 1];
  }

  private functionTable(spec: TableTemplate): TableModel {
    const body: TableRow[] = [];
    for (const [code, vector] of this.rolled) {
      if (!this.functionDepthOk(spec, code)) continue;
      const row = this.functionRow(spec, code, vector);
      if (row) body.push(row);
    }
    return this.functionTableOf(spec, body);
  }

  private functionTableOf(spec: TableTemplate, body: TableRow[]): TableModel {
    const total = this.classSums.total;
    const rows = this.withTotal(spec, body, this.totalRow(spec, (m) => maskedSum(total, compileMeasure(m).classes)));
    return this.model(spec, rows, this.notes(spec, body, rows));
  }

  /**
   * A function table after an edit: the rows of the given 类 / 款 / 项 (with their current sums)
   * replaced, inserted or removed in code order; every other row is kept as it was.
   */
  patchedFunctionTable(spec: TableTemplate, previous: TableModel, touched: ReadonlyMap<string, readonly Fen[]>): TableModel {
    const body = previous.rows.filter((r) => r.level !== 'total');
    for (const [code, vector] of touched) {
      if (!this.functionDepthOk(spec, code)) continue;
      const row = this.functionRow(spec, code, vector);
      let lo = 0;
      let hi = body.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (body[mid].code! < code) lo = mid + 1;
        else hi = mid;
      }
      const present = lo < body.length && body[lo].code === code;
      if (row) body.splice(lo, present ? 1 : 0, row);
      else if (present) body.splice(lo, 1);
    }
    return this.functionTableOf(spec, body);
  }

  private economicTable(spec: TableTemplate): TableModel {
    const depth = spec.rows.kind === 'economicTree' ? spec.rows.depth : 2;
    const { columns, position } = this.amountColumns(spec);
    const body: TableRow[] = [];
    const leaf = CODE_LEVELS.economic[depth - 1];
    const totals = columns.map(() => 0);
    for (const [code, vector] of [...rollUp(this.agg.byEconomic, CODE_LEVELS.economic)].sort(byCode)) {
      if (code.length > leaf) continue;
      const amounts = columns.map((c) => maskedSum(vector, c.classes));
      if (amounts.every((a) => a === 0)) continue;
      // the 合计 adds the rows of the lowest level printed (a line with a shorter code has no 款 row)
      if (code.length === leaf) amounts.forEach((a, i) => (totals[i] = addFen(totals[i], a)));
      const cells = this.codeRowCells(spec, code, 'e', (i) => amounts[position[i]], (m) => ({ ...m, economicPrefix: code }));
      body.push({ level: code.length === 3 ? 'class' : 'kuan', code, cells });
    }
    const rows = this.withTotal(spec, body, this.totalRow(spec, (m) => totals[columns.findIndex((c) => c.measure === m)]));
    return this.model(spec, rows, this.notes(spec, body, rows));
  }

  /** A row of fixed figures: each amount column's measure narrowed by the row's. */
  private itemCells(spec: TableTemplate, from: number, width: number, item: ItemRow | undefined): Cell[] {
    const cells: Cell[] = [];
    let text = 0;
    for (let i = from; i < from + width; i++) {
      const c = spec.columns[i];
      if (!item) cells.push(blank());
      else if (c.type !== 'amount') cells.push({ text: item.labels ? (item.labels[text++] ?? '') : item.label });
      else {
        const m = item.measure === undefined ? this.measure(c.measure) : intersect(this.measure(c.measure), this.measure(item.measure));
        cells.push(this.amount(measureTotal(this.agg, m), m));
      }
    }
    return cells;
  }

  private singleTable(spec: TableTemplate): TableModel {
    const rows: TableRow[] = [{ level: 'row', cells: this.itemCells(spec, 0, spec.columns.length, { label: '' }) }];
    return this.model(spec, rows, this.notes(spec, rows, rows));
  }

  private itemsTable(spec: TableTemplate, items: ItemRow[]): TableModel {
    const rows = this.visible(spec, 0, spec.columns.length, items).map((item): TableRow => ({ level: item.level ?? 'row', cells: this.itemCells(spec, 0, spec.columns.length, item) }));
    return this.model(spec, rows, this.notes(spec, rows, rows));
  }

  private visible(spec: TableTemplate, from: number, width: number, items: ItemRow[]): ItemRow[] {
    return items.filter((item) => !item.onlyIfNonZero || this.itemCells(spec, from, width, item).some((c) => 'fen' in c && c.fen !== 0));
  }

  /** 类 rows over a measure, with the class list's classes first-class and the rest by code. */
  private classRows(spec: TableTemplate, side: Side, classes: { measure: string; always?: string; label: string }): Cell[][] {
    const listed = compileMeasure(this.measure(classes.measure)).classes;
    // a 类 is listed when any of its 项 has money of the measure (even if its sum nets to zero)
    const present: string[] = [];
    for (const [code, { items }] of this.classSums.classes) if (items.some((v) => maskedSum(v, listed) !== 0)) present.push(code);
    const always = classes.always ? this.template.classLists![classes.always] : [];
    const known = new Set(always.map((c) => c.code));
    const extra = present.filter((c) => !known.has(c)).map((code) => ({ code, name: nameOf(this.catalogs.function, this.agg, 'f', code) }));
    return [...always, ...extra]
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((c, i) => {
        const cells: Cell[] = [{ text: classes.label.replace('{n}', chineseNumber(i + 1)).replace('{name}', c.name) }];
        for (let k = side.column + 1; k < side.column + side.width; k++) {
          const col = spec.columns[k] as { measure?: string };
          const m = this.measure(col.measure);
          const sum = this.classSums.classes.get(c.code)?.sum;
          cells.push(this.amount(sum ? maskedSum(sum, compileMeasure(m).classes) : 0, { ...m, functionPrefix: c.code }));
        }
        return cells;
      });
  }

  /** Side-by-side lists (收入 | 支出), padded to the longest, then the footer rows side by side. */
  private sidesTable(spec: TableTemplate, sides: Side[]): TableModel {
    const bodies = sides.map((side) =>
      side.blocks.flatMap((b) => ('classes' in b ? this.classRows(spec, side, b.classes) : this.visible(spec, side.column, side.width, b.items).map((item) => this.itemCells(spec, side.column, side.width, item)))),
    );
    const rows: TableRow[] = [];
    const height = Math.max(...bodies.map((b) => b.length));
    const row = (level: TableRow['level'], part: (s: number) => Cell[]) => {
      const cells: Cell[] = spec.columns.map(blank);
      sides.forEach((side, s) => part(s).forEach((cell, k) => (cells[side.column + k] = cell)));
      rows.push({ level, cells });
    };
    for (let i = 0; i < height; i++) row('row', (s) => bodies[s][i] ?? Array.from({ length: sides[s].width }, blank));
    const footers = Math.max(...sides.map((s) => s.footer.length));
    for (let i = 0; i < footers; i++) {
      const level = sides.some((s) => s.footer[i]?.level === 'total') ? 'total' : 'row';
      row(level, (s) => this.itemCells(spec, sides[s].column, sides[s].width, sides[s].footer[i]));
    }
    return this.model(spec, rows);
  }

  private scheduleTable(spec: TableTemplate): TableModel {
    const body = scheduleRows(spec, this.ctx.schedules, this.ctx.unit, (code) => nameOf(this.catalogs.economic, this.agg, 'e', code));
    // the 合计 adds the groups (货物, 工程, 服务); schedule figures list no lines
    const groupSum = (i: number) => body.filter((r) => r.level === 'class').reduce((s, r) => addFen(s, (r.cells[i] as { fen: Fen }).fen), 0);
    const total: TableRow = {
      level: 'total',
      cells: spec.columns.map((c, i): Cell => (c.type === 'amount' ? { fen: groupSum(i), filter: { none: true } } : { text: i === (spec.total?.column ?? 0) ? (spec.total?.label ?? '合计') : '' })),
    };
    const rows = this.withTotal(spec, body, total);
    return this.model(spec, rows, this.notes(spec, body, rows));
  }

  byTemplate(spec: TableTemplate): TableModel {
    switch (spec.rows.kind) {
      case 'functionTree':
        return this.functionTable(spec);
      case 'economicTree':
        return this.economicTable(spec);
      case 'single':
        return this.singleTable(spec);
      case 'items':
        return this.itemsTable(spec, spec.rows.items);
      case 'sides':
        return this.sidesTable(spec, spec.rows.sides);
      case 'schedule':
        return this.scheduleTable(spec);
    }
  }

  all(): TableModel[] {
    return this.template.tables.map((spec) => this.byTemplate(spec));
  }
}

/** The template's tables from aggregates kept by the caller (the incremental path). */
export function tablesFromAggregates(ctx: DeriveContext, agg: Aggregates): TableModel[] {
  return new Deriver(ctx, agg).all();
}

const NOTHING: readonly Fen[] = new Array<Fen>(CLASSES).fill(0);

/** The rows the given 项 codes add into, each with its current sum. */
function touchedSums(agg: Aggregates, functionCodes: Iterable<string>): Map<string, readonly Fen[]> {
  const rows = functionRows(agg);
  const touched = new Map<string, readonly Fen[]>();
  for (const code of functionCodes) for (const key of rollUpKeys(code, CODE_LEVELS.function)) touched.set(key, rows.get(key) ?? NOTHING);
  return touched;
}

/**
 * The tables after the lines of the given 功能分类 项 changed (`agg` already updated, e.g. by
 * applyLine), from the tables before: in the function tables only the rows of those 项, their 款
 * and 类 and the total are rebuilt; the other tables, a few dozen rows each, are rebuilt whole.
 * The result equals tablesFromAggregates(ctx, agg), at a cost that does not grow with the number of lines.
 */
export function updateTables(previous: readonly TableModel[], ctx: DeriveContext, agg: Aggregates, functionCodes: Iterable<string>): TableModel[] {
  const deriver = new Deriver(ctx, agg);
  const touched = touchedSums(agg, functionCodes);
  return deriver.template.tables.map((spec, i) =>
    spec.rows.kind === 'functionTree' ? deriver.patchedFunctionTable(spec, previous[i], touched) : deriver.byTemplate(spec),
  );
}

/**
 * The template's tables of a department (or of `ctx.unit`) from its line items.
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
