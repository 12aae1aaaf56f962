import { BUILTIN_CATALOGS, CODE_LEVELS, type Catalog, type Catalogs } from '../catalog/catalog';
import { addFen, type Fen } from '../money';
import { unitTypeLookup, type BudgetUnit, type LineItem } from '../model';
import type { Schedules } from '../schedules/model';
import { DEFAULT_TEMPLATE } from '../templates/registry';
import { tableHeader, tableName, tableTitle } from '../templates/layout';
import type { ItemRow, Measure, Side, TableTemplate, Template } from '../templates/types';
import { CLASSES, aggregate, functionRows, lineName, rollUp, rollUpKeys, type Aggregates, type ClassVector } from './aggregate';
import { chineseNumber } from './categories';
import { type Cell, type LineFilter, type TableModel, type TableRow } from './tableModel';
import { classGroups, compileMeasure, groupSums, intersect, maskedSum, measureTotal, type ClassGroups } from './measure';
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
const PART_INDEX = { class: 0, kuan: 1, item: 2, full: 3 } as const;
const CODE_PARTS = ['class', 'kuan', 'item', 'full'] as const;
/** The name cell's place after the code cells (see Deriver.labelCells). */
const NAME_SLOT = CODE_PARTS.length;

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
  /** Each amount column's measure, its classes, and its groups among the template's class groups. */
  columns: { index: number; measure: Measure; classes: Int32Array; groups: Int32Array }[];
  position: number[];
}
/** Per table template (templates do not change once loaded). */
const AMOUNT_COLUMNS = new WeakMap<TableTemplate, AmountColumns>();
/**
 * The 功能分类 codes' vectors by 类 (a code of at most a 类's length under itself), made again
 * only when codes were added: a code is never taken out of the sums (its vector stays, at zero).
 */
const ITEMS_BY_CLASS = new WeakMap<Aggregates, { codes: number; byClass: Map<string, ClassVector[]> }>();

function itemsByClass(agg: Aggregates): Map<string, ClassVector[]> {
  let kept = ITEMS_BY_CLASS.get(agg);
  if (kept?.codes !== agg.byFunction.size) {
    const byClass = new Map<string, ClassVector[]>();
    for (const [code, vector] of agg.byFunction) {
      const key = code.slice(0, CODE_LEVELS.function[0]);
      const items = byClass.get(key);
      if (items) items.push(vector);
      else byClass.set(key, [vector]);
    }
    ITEMS_BY_CLASS.set(agg, (kept = { codes: agg.byFunction.size, byClass }));
  }
  return kept.byClass;
}

/** Per template: the classes its measures tell apart (see `classGroups`). */
const CLASS_GROUPS = new WeakMap<Template, ClassGroups>();

function templateGroups(template: Template): ClassGroups {
  let groups = CLASS_GROUPS.get(template);
  if (!groups) CLASS_GROUPS.set(template, (groups = classGroups([{}, ...Object.values(template.measures)])));
  return groups;
}

type TableFrame = Pick<TableModel, 'title' | 'name' | 'header' | 'headerRows' | 'columns'>;
/** A table's title, header and columns for the year and scope word last derived (they change with neither rows nor figures). */
const FRAMES = new WeakMap<TableTemplate, { year: number; scope: string; frame: TableFrame }>();

function frameOf(spec: TableTemplate, year: number, scope: string): TableFrame {
  const kept = FRAMES.get(spec);
  if (kept?.year === year && kept.scope === scope) return kept.frame;
  const header = tableHeader(spec, year);
  const frame: TableFrame = {
    title: tableTitle(spec, year, scope),
    name: tableName(spec),
    header,
    headerRows: Math.max(...header.map((h) => h.row + h.rowSpan)),
    columns: spec.columns.map((c) => ({ key: c.key, type: c.type })),
  };
  FRAMES.set(spec, { year, scope, frame });
  return frame;
}

/** Derives a template's tables from the aggregates; every figure through a measure (./measure.ts). */
class Deriver {
  private readonly catalogs: Catalogs;
  readonly template: Template;
  private readonly scope: string;
  private readonly scopeFilter: LineFilter;
  private rolledUp?: [string, ClassVector][];
  private readonly groups: ClassGroups;
  /** The rolled-up rows' sums by class group, `groups.size` per row in the order of `rolled`. */
  private rolledGroups?: Float64Array;
  /** One row's sums by class group (a row of the incremental path). */
  private readonly rowGroups: Float64Array;
  private totalSum?: ClassVector;
  /** Code and name cells of a 科目 (by 'f' / 'e' + code; slots: class, kuan, item, full, name): the same in every table of a derivation. */
  private readonly labels = new Map<string, Cell[]>();
  private readonly functionFilters = new Map<TableTemplate, LineFilter[]>();
  private readonly economicFilters = new Map<TableTemplate, LineFilter[]>();

  constructor(
    private readonly ctx: DeriveContext,
    private readonly agg: Aggregates,
    private readonly units: () => readonly BudgetUnit[] = () => ctx.units,
  ) {
    this.catalogs = ctx.catalogs ?? BUILTIN_CATALOGS;
    this.template = ctx.template ?? DEFAULT_TEMPLATE;
    this.scope = ctx.unit === undefined ? this.template.scopeWords.department : this.template.scopeWords.unit;
    this.scopeFilter = ctx.unit === undefined ? {} : { unit: ctx.unit };
    this.groups = templateGroups(this.template);
    this.rowGroups = new Float64Array(this.groups.size);
  }

  private measure(name: string | undefined): Measure {
    return name === undefined ? {} : this.template.measures[name];
  }

  private get rolled(): [string, ClassVector][] {
    return (this.rolledUp ??= [...functionRows(this.agg)].sort(byCode));
  }

  private get rolledByGroup(): Float64Array {
    if (!this.rolledGroups) {
      const { size } = this.groups;
      const sums = new Float64Array(this.rolled.length * size);
      this.rolled.forEach(([, vector], i) => groupSums(vector, this.groups, sums, i * size));
      this.rolledGroups = sums;
    }
    return this.rolledGroups;
  }

  /** A 类's sum (the function rows keep it, see `functionRows`). */
  private classSum(code: string): ClassVector | undefined {
    return functionRows(this.agg).get(code);
  }

  /** The sum of all lines: of the 类 rows (each code adds into exactly one row of at most a 类's length). */
  private get total(): ClassVector {
    if (!this.totalSum) {
      const total = new Float64Array(CLASSES);
      const rows = functionRows(this.agg);
      for (const code of itemsByClass(this.agg).keys()) {
        const vector = rows.get(code)!;
        for (let i = 0; i < CLASSES; i++) total[i] = addFen(total[i], vector[i]);
      }
      this.totalSum = total;
    }
    return this.totalSum;
  }

  private fill(text: string): string {
    return text.replaceAll('{year}', String(this.ctx.year)).replaceAll('{scope}', this.scope);
  }

  /** An amount cell with the filter listing its lines (scoped to the unit when deriving one). */
  private amount(fen: Fen, filter: LineFilter): Cell {
    return { fen, filter: this.ctx.unit === undefined ? filter : { ...this.scopeFilter, ...filter } };
  }

  private model(spec: TableTemplate, rows: TableRow[], note?: string): TableModel {
    const { title, name, header, headerRows, columns } = frameOf(spec, this.ctx.year, this.scope);
    return {
      id: spec.number,
      title,
      name,
      preparer: this.ctx.unit ?? this.ctx.department,
      preparerLabel: this.ctx.unit === undefined ? (this.template.preparerLabels?.department ?? '编制部门') : (this.template.preparerLabels?.unit ?? '编制单位'),
      unit: spec.unit,
      zero: spec.zero,
      header,
      headerRows,
      columns,
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
        columns.push({ index, measure, classes: compileMeasure(measure).classes, groups: this.groups.groups(measure) });
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

  /**
   * A 类, 款 or 项 row of a function table from its sums by class group (`sums` from `at`); null
   * when all its amounts are zero (the row is left out).
   */
  private functionRow(spec: TableTemplate, code: string, sums: Float64Array, at: number): TableRow | null {
    const { columns } = this.amountColumns(spec);
    const amounts = new Array<Fen>(columns.length);
    let any = false;
    for (let k = 0; k < columns.length; k++) {
      const groups = columns[k].groups;
      let s = 0;
      for (let g = 0; g < groups.length; g++) s += sums[at + groups[g]];
      if ((amounts[k] = s) !== 0) any = true;
    }
    if (!any) return null;
    return { level: LEVEL_BY_LENGTH[code.length], code, cells: this.codeRowCells(spec, code, 'f', amounts) };
  }

  /**
   * A code row's cells: code and name cells from the derivation's labels, amounts (by amount column)
   * with their column's filter narrowed to the code.
   */
  private codeRowCells(spec: TableTemplate, code: string, kind: 'f' | 'e', amounts: readonly Fen[]): Cell[] {
    const { position } = this.amountColumns(spec);
    const filters = this.rowFilters(spec, kind);
    const labels = this.labelCells(code, kind);
    const cells = new Array<Cell>(spec.columns.length);
    for (let i = 0; i < cells.length; i++) {
      const c = spec.columns[i];
      const at = position[i];
      if (at >= 0) {
        // a copy of a filter of the same shape, its prefix then set: much cheaper than spreading a measure into a new shape
        const filter = { ...filters[at] };
        if (kind === 'f') filter.functionPrefix = code;
        else filter.economicPrefix = code;
        cells[i] = { fen: amounts[at], filter };
      } else cells[i] = labels[c.type === 'code' ? PART_INDEX[c.part] : NAME_SLOT];
    }
    return cells;
  }

  /** Each amount column's filter for a code row (scoped as `amount` scopes it), the code's prefix still blank. */
  private rowFilters(spec: TableTemplate, kind: 'f' | 'e'): LineFilter[] {
    const key = kind === 'f' ? this.functionFilters : this.economicFilters;
    let filters = key.get(spec);
    if (!filters) {
      filters = this.amountColumns(spec).columns.map((c) => (kind === 'f' ? { ...this.scopeFilter, ...c.measure, functionPrefix: '' } : { ...this.scopeFilter, ...c.measure, economicPrefix: '' }));
      key.set(spec, filters);
    }
    return filters;
  }

  private labelCells(code: string, kind: 'f' | 'e'): Cell[] {
    const key = kind + code;
    let cells = this.labels.get(key);
    if (!cells) {
      const lengths = CODE_LEVELS[kind === 'f' ? 'function' : 'economic'];
      cells = [...CODE_PARTS.map((part) => codeCell(code, part, lengths)), { text: nameOf(kind === 'f' ? this.catalogs.function : this.catalogs.economic, this.agg, kind, code) }];
      this.labels.set(key, cells);
    }
    return cells;
  }

  private functionDepthOk(spec: TableTemplate, code: string): boolean {
    const depth = spec.rows.kind === 'functionTree' ? spec.rows.depth : 3;
    return depth === 3 || code.length <= CODE_LEVELS.function[depth - 1];
  }

  private functionTable(spec: TableTemplate): TableModel {
    const body: TableRow[] = [];
    const rolled = this.rolled;
    const sums = this.rolledByGroup;
    for (let i = 0; i < rolled.length; i++) {
      const code = rolled[i][0];
      if (!this.functionDepthOk(spec, code)) continue;
      const row = this.functionRow(spec, code, sums, i * this.groups.size);
      if (row) body.push(row);
    }
    return this.functionTableOf(spec, body);
  }

  private functionTableOf(spec: TableTemplate, body: TableRow[]): TableModel {
    const total = this.total;
    const rows = this.withTotal(spec, body, this.totalRow(spec, (m) => maskedSum(total, compileMeasure(m).classes)));
    return this.model(spec, rows, this.notes(spec, body, rows));
  }

  /**
   * A function table after an edit: the rows of the given 类 / 款 / 项 (with their current sums)
   * replaced, inserted or removed in code order; every other row is kept as it was.
   */
  patchedFunctionTable(spec: TableTemplate, previous: TableModel, touched: ReadonlyMap<string, ClassVector>): TableModel {
    const body = previous.rows.filter((r) => r.level !== 'total');
    for (const [code, vector] of touched) {
      if (!this.functionDepthOk(spec, code)) continue;
      groupSums(vector, this.groups, this.rowGroups, 0);
      const row = this.functionRow(spec, code, this.rowGroups, 0);
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
    const { columns } = this.amountColumns(spec);
    const body: TableRow[] = [];
    const leaf = CODE_LEVELS.economic[depth - 1];
    const totals = columns.map(() => 0);
    for (const [code, vector] of [...rollUp(this.agg.byEconomic, CODE_LEVELS.economic)].sort(byCode)) {
      if (code.length > leaf) continue;
      const amounts = columns.map((c) => maskedSum(vector, c.classes));
      if (amounts.every((a) => a === 0)) continue;
      // the 合计 adds the rows of the lowest level printed (a line with a shorter code has no 款 row)
      if (code.length === leaf) amounts.forEach((a, i) => (totals[i] = addFen(totals[i], a)));
      const cells = this.codeRowCells(spec, code, 'e', amounts);
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
        cells.push(this.amount(measureTotal(this.agg, m, this.total), m));
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
    const always = classes.always ? this.template.classLists![classes.always] : [];
    const known = new Set(always.map((c) => c.code));
    // a 类 not in the list is listed when any of its 项 has money of the measure (even if its sum nets to zero)
    const extra: { code: string; name: string }[] = [];
    for (const [code, items] of itemsByClass(this.agg)) {
      if (known.has(code)) continue;
      if (maskedSum(this.classSum(code)!, listed) !== 0 || items.some((v) => maskedSum(v, listed) !== 0)) extra.push({ code, name: nameOf(this.catalogs.function, this.agg, 'f', code) });
    }
    return [...always, ...extra]
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((c, i) => {
        const cells: Cell[] = [{ text: classes.label.replace('{n}', chineseNumber(i + 1)).replace('{name}', c.name) }];
        for (let k = side.column + 1; k < side.column + side.width; k++) {
          const col = spec.columns[k] as { measure?: string };
          const m = this.measure(col.measure);
          const sum = this.classSum(c.code);
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

const NOTHING: ClassVector = new Float64Array(CLASSES);

/** The rows the given 项 codes add into, each with its current sum. */
function touchedSums(agg: Aggregates, functionCodes: Iterable<string>): Map<string, ClassVector> {
  const rows = functionRows(agg);
  const touched = new Map<string, ClassVector>();
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
