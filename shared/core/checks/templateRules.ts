import { BUILTIN_CATALOGS, CODE_LEVELS } from '../catalog/catalog';
import { formatYuan } from '../money';
import { PROCUREMENT_KINDS } from '../schedules/model';
import { intersect } from '../tables/measure';
import { CLASSES } from '../tables/aggregate';
import { compileMeasure } from '../tables/measure';
import { tableTitle } from '../templates/layout';
import type { ItemRow, Measure, Side, TableTemplate, Template } from '../templates/types';
import { readPrintedAmount } from './printedAmount';
import { crossRelations, LineAtoms, rowKeyOf, type PrintedTree } from './templateCross';
import { norm, type PublishedTableInput } from './readTables';
import { finding, type CheckFinding, type RuleId } from './rules';

/**
 * The checks of a publication printed in a template's layout, all following from the template:
 * - every 类 / 款 row of a tree table equals its rows below, the 合计 the top rows (T-PARENT-SUM, T-TOTAL-SUM);
 * - a column whose lines are exactly those of other columns of the row equals their sum (T-ROW-SUM),
 *   found from the measures (合计 = 基本支出 + 项目支出; “三公” = 出国 + 用车 + 接待 …);
 * - rows the template says add up (`sums`), and income equal to spending (`balances`) (T-PARENT-SUM, T-BALANCE);
 * - the same figure (the same lines, by measure and 科目) printed in two places is printed alike (T-CROSS).
 * A wrong cell breaks several of these at once: the cell in the most broken ones is reported, once, at its
 * place, with what it should be; what else it makes wrong is listed under it.
 */

export interface Place {
  table: number;
  row: number;
  column: string;
  label: string;
}

export interface Figure extends Place {
  value: number;
  /** The lines it sums: its row (科目 or economic code, see `rowKeyOf`) and its measure's lines (`LineAtoms`). */
  lines?: { row: string; atoms: bigint };
}

export interface Relation {
  rule: RuleId;
  total: Figure;
  parts: Figure[];
  /** What the relation says, for the message. */
  what: string;
  /** What it says seen from its one part, when it says two figures are equal. */
  whatOfPart?: string;
}

/** Figures in hundredths of the table's unit; independent rounding of n parts may leave their sum off by up to n/2 hundredths. */
function tolerance(unit: string, parts: number): number {
  return unit === '万元' ? Math.floor((parts + 1) / 2) : 0;
}

const sum = (xs: readonly Figure[]) => xs.reduce((s, x) => s + x.value, 0);

/** The set of lines of a measure as atoms (line class × economic code, and the named uses no line carries). */
function atoms(m: Measure, econ: readonly string[], template: Template): Set<string> {
  const out = new Set<string>();
  const names = [...(m.plus ?? [])];
  if (m.none) {
    const name = Object.entries(template.measures).find(([, x]) => x === m)?.[0] ?? '?';
    names.push(name);
  } else {
    const { mask } = compileMeasure(m);
    const codes = m.economicCodes ?? [...econ, '*'];
    for (let c = 0; c < CLASSES; c++) if (mask[c]) for (const e of codes) out.add(`${c}:${e}`);
  }
  for (const n of names) out.add(`+${n}`);
  return out;
}

const isSubset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));

/** Columns that add up to another column of the same row, from their measures. */
function columnSums(spec: TableTemplate, template: Template, from: number, to: number): { total: number; parts: number[] }[] {
  const amount = spec.columns.map((c, i) => ({ c, i })).filter(({ c, i }) => c.type === 'amount' && c.measure && i >= from && i < to);
  const econ = [...new Set(amount.flatMap(({ c }) => (c.type === 'amount' && c.measure ? (template.measures[c.measure].economicCodes ?? []) : [])))];
  const sets = new Map(amount.map(({ c, i }) => [i, atoms(template.measures[(c as { measure: string }).measure], econ, template)]));
  const out: { total: number; parts: number[] }[] = [];
  for (const [a, setA] of sets) {
    const inside = [...sets].filter(([b, s]) => b !== a && s.size > 0 && s.size < setA.size && isSubset(s, setA));
    const maximal = inside.filter(([b, s]) => !inside.some(([c, t]) => c !== b && t.size > s.size && isSubset(s, t)));
    const union = new Set(maximal.flatMap(([, s]) => [...s]));
    const disjoint = union.size === maximal.reduce((n, [, s]) => n + s.size, 0);
    if (maximal.length >= 2 && disjoint && union.size === setA.size) out.push({ total: a, parts: maximal.map(([b]) => b) });
  }
  return out;
}

/** The 功能分类 类 code a printed class name stands for (tables listing 类 by name): the template's class lists' names first, then the catalog's. */
function classCode(name: string, template: Template): string | undefined {
  const n = norm(name.replace(/^[一二三四五六七八九十]+、/, ''));
  for (const list of Object.values(template.classLists ?? {})) for (const c of list) if (norm(c.name) === n) return c.code;
  for (const e of BUILTIN_CATALOGS.function.entries.values()) if (e.code.length === 3 && norm(e.name) === n) return e.code;
  return undefined;
}

class TableReader {
  readonly figures: Figure[] = [];
  readonly relations: Relation[] = [];
  readonly problems: CheckFinding[] = [];
  /** The codes a tree table prints (what it does not print is zero). */
  printed?: PrintedTree;
  /** The lines of rows printed only when not zero, and not printed: zero. */
  absent = 0n;

  constructor(
    private readonly template: Template,
    private readonly spec: TableTemplate,
    private readonly table: PublishedTableInput,
    private readonly lines: LineAtoms,
  ) {}

  private measure(name: string | undefined): Measure {
    return name === undefined ? {} : this.template.measures[name];
  }

  private col(key: string): number {
    return this.table.columns.indexOf(key);
  }

  /** A printed figure: its value, place and key (undefined when the cell is missing or not a number). */
  private figure(row: number, column: number, label: string, m?: Measure, names: string[] = []): Figure | undefined {
    const key = this.spec.columns[column].key;
    const at = this.col(key);
    if (at < 0) return undefined;
    const text = this.table.rows[row]?.[at] ?? '';
    const read = readPrintedAmount(text);
    const place = { table: this.spec.number, row, column: key, label };
    if (read.status !== 'ok') {
      this.problems.push({ ...finding('T-NUMBER', `表 ${this.spec.number}“${label}”行“${key}”列：${read.reason}`, place), rowLabel: label });
      return undefined;
    }
    const f: Figure = { ...place, value: read.value, ...(m ? { lines: { row: rowKeyOf(m), atoms: this.lines.of(m, names) } } : {}) };
    this.figures.push(f);
    return f;
  }

  private relate(rule: RuleId, total: Figure | undefined, parts: (Figure | undefined)[], what: string): void {
    if (total && parts.every((p) => p !== undefined) && parts.length > 0) this.relations.push({ rule, total, parts: parts as Figure[], what });
  }

  private amountColumns(from = 0, to = this.spec.columns.length): number[] {
    return this.spec.columns.flatMap((c, i) => (c.type === 'amount' && i >= from && i < to ? [i] : []));
  }

  /** The lines a cell sums: its column's measure narrowed by its row's (and the named uses, for `none`). */
  private cellMeasure(column: number, r: { m: Measure; names: string[]; prefix?: Measure }): { m: Measure; names: string[] } {
    const colName = (this.spec.columns[column] as { measure?: string }).measure;
    const colM = this.measure(colName);
    let m = intersect(colM, r.m);
    if (r.prefix) m = { ...m, ...r.prefix };
    return { m, names: r.m.none ? r.names : colM.none ? [colName!] : [] };
  }

  /** Column sums in every given row (rows: printed row index → label, row measure). */
  private rowSums(rows: { row: number; label: string; m: Measure; names: string[]; prefix?: Measure }[], from = 0, to = this.spec.columns.length): Map<number, Map<number, Figure>> {
    const byRow = new Map<number, Map<number, Figure>>();
    for (const r of rows) {
      const cells = new Map<number, Figure>();
      for (const i of this.amountColumns(from, to)) {
        const { m, names } = this.cellMeasure(i, r);
        const f = this.figure(r.row, i, r.label, this.spec.rows.kind === 'schedule' ? undefined : m, names);
        if (f) cells.set(i, f);
      }
      byRow.set(r.row, cells);
      for (const s of columnSums(this.spec, this.template, from, to)) {
        const total = cells.get(s.total);
        if (total) this.relate('T-ROW-SUM', total, s.parts.map((p) => cells.get(p)), `“${total.column}”等于${s.parts.map((p) => `“${this.spec.columns[p].key}”`).join('、')}之和`);
      }
    }
    return byRow;
  }

  read(): void {
    const rows = this.spec.rows;
    switch (rows.kind) {
      case 'functionTree':
      case 'economicTree':
        return this.tree(rows.kind === 'functionTree' ? 'function' : 'economic');
      case 'schedule':
        return this.schedule();
      case 'single':
        this.rowSums([{ row: 0, label: '本表', m: {}, names: [] }]);
        return;
      case 'items':
        return this.items();
      case 'sides':
        return rows.sides.forEach((side) => this.side(side));
    }
  }

  private codeOf(row: string[]): string {
    return this.spec.columns
      .filter((c) => c.type === 'code')
      .map((c) => row[this.col(c.key)] ?? '')
      .join('')
      .trim();
  }

  private tree(kind: 'function' | 'economic'): void {
    const nameCol = this.spec.columns.findIndex((c) => c.type === 'text');
    const entries = this.table.rows.map((r, row) => ({ row, code: this.codeOf(r), label: `${this.codeOf(r)} ${r[this.col(this.spec.columns[nameCol]?.key ?? '')] ?? ''}`.trim() }));
    const total = entries.find((e) => /^合计$/.test(norm(e.code)) || norm(this.table.rows[e.row].join('')).startsWith('合计'));
    const coded = entries.filter((e) => /^\d+$/.test(e.code));
    const prefix = (code: string): Measure => (kind === 'function' ? ({ functionPrefix: code } as Measure) : { economicPrefix: code });
    const byRow = this.rowSums([
      ...(total ? [{ row: total.row, label: '合计', m: {}, names: [] }] : []),
      ...coded.map((e) => ({ row: e.row, label: e.label, m: {}, names: [], prefix: prefix(e.code) })),
    ]);
    const levels = CODE_LEVELS[kind];
    const depth = this.spec.rows.kind === 'functionTree' || this.spec.rows.kind === 'economicTree' ? this.spec.rows.depth : levels.length;
    const columns = this.amountColumns().map((i) => (this.spec.columns[i] as { measure?: string }).measure);
    // a row whose code cannot be read may be any 科目: then no code can be taken as not printed
    if (entries.every((e) => e === total || /^\d+$/.test(e.code))) {
      this.printed = { kind, depth, codes: new Set(coded.map((c) => c.code)), atoms: columns.reduce((a, m) => a | (m ? this.lines.of(this.measure(m), [m]) : 0n), 0n) };
    }
    for (const i of this.amountColumns()) {
      const at = (row: number) => byRow.get(row)?.get(i);
      for (const parent of coded) {
        const next = levels[levels.indexOf(parent.code.length) + 1];
        if (!next) continue;
        const children = coded.filter((c) => c.code.length === next && c.code.startsWith(parent.code));
        if (children.length > 0) this.relate('T-PARENT-SUM', at(parent.row), children.map((c) => at(c.row)), `“${parent.label}”等于其下级科目之和`);
      }
      const top = Math.min(...coded.map((c) => c.code.length));
      if (total) this.relate('T-TOTAL-SUM', at(total.row), coded.filter((c) => c.code.length === top).map((c) => at(c.row)), '合计等于各类（最上级科目）之和');
    }
  }

  private schedule(): void {
    const options = this.spec.rows.kind === 'schedule' ? this.spec.rows : undefined;
    const label = this.spec.columns.findIndex((c) => c.type !== 'amount');
    const texts = this.table.rows.map((r) => r[this.col(this.spec.columns[label].key)] ?? '');
    const total = texts.findIndex((t) => norm(t) === '合计');
    const groupTexts = new Set(PROCUREMENT_KINDS.map((k) => norm(options?.groupLabels?.[k] ?? k)));
    const groups = texts.flatMap((t, row) => (groupTexts.has(norm(t)) ? [row] : []));
    // with subtotalBy, a subtotal row prints those fields (专项名称, 经济科目) and its items follow it
    const subtotalCols = this.spec.columns.flatMap((c) => (c.type === 'text' && c.field && options?.subtotalBy?.includes(c.field) ? [this.col(c.key)] : []));
    const isSubtotal = (row: number) => subtotalCols.length > 0 && subtotalCols.some((c) => (this.table.rows[row][c] ?? '').trim() !== '');
    const byRow = this.rowSums(texts.map((t, row) => ({ row, label: t || `第 ${row + 1} 行`, m: {}, names: [] })));
    for (const i of this.amountColumns()) {
      const at = (row: number) => byRow.get(row)?.get(i);
      groups.forEach((g, k) => {
        const end = groups[k + 1] ?? this.table.rows.length;
        const inside = Array.from({ length: end - g - 1 }, (_, j) => g + 1 + j).filter((r) => r !== total);
        const subtotals = inside.filter(isSubtotal);
        if (subtotals.length === 0) return this.relate('T-PARENT-SUM', at(g), inside.map(at), `“${texts[g]}”等于其下各采购项目之和`);
        this.relate('T-PARENT-SUM', at(g), subtotals.map(at), `“${texts[g]}”等于其下各小计之和`);
        subtotals.forEach((s, n) => {
          const items = inside.filter((r) => r > s && r < (subtotals[n + 1] ?? end));
          this.relate('T-PARENT-SUM', at(s), items.map(at), `第 ${s + 1} 行的小计等于其下各采购物品之和`);
        });
      });
      if (total >= 0) this.relate('T-TOTAL-SUM', at(total), groups.map(at), '合计等于货物、工程、服务之和');
    }
  }

  /** The printed row of a fixed row: by its texts. */
  private findItem(item: ItemRow, from: number, width: number, used: Set<number>): number {
    const texts = item.labels ?? [item.label];
    const cols = this.spec.columns.flatMap((c, i) => (c.type !== 'amount' && i >= from && i < from + width ? [this.col(c.key)] : []));
    return this.table.rows.findIndex((r, row) => !used.has(row) && (item.labels ? texts.every((t, k) => norm(r[cols[k]] ?? '') === norm(t)) : norm(r[cols[0]] ?? '') === norm(item.label)));
  }

  private fixedRows(items: ItemRow[], from: number, width: number, used: Set<number>, rows: { row: number; label: string; m: Measure; names: string[] }[], labels: Map<string, number>): void {
    for (const item of items) {
      const row = this.findItem(item, from, width, used);
      if (row < 0) {
        if (!item.onlyIfNonZero) labels.set(item.label, -1);
        else for (const i of this.amountColumns(from, from + width)) {
          const { m, names } = this.cellMeasure(i, { m: this.measure(item.measure), names: item.measure ? [item.measure] : [] });
          this.absent |= this.lines.of(m, names);
        }
        continue;
      }
      used.add(row);
      labels.set(item.label, row);
      rows.push({ row, label: item.label, m: this.measure(item.measure), names: item.measure ? [item.measure] : [] });
    }
  }

  private items(): void {
    if (this.spec.rows.kind !== 'items') return;
    const rows: { row: number; label: string; m: Measure; names: string[] }[] = [];
    const labels = new Map<string, number>();
    this.fixedRows(this.spec.rows.items, 0, this.spec.columns.length, new Set(), rows, labels);
    this.declaredSums(this.rowSums(rows), labels, this.amountColumns(), new Map());
  }

  private side(side: Side): void {
    const rows: { row: number; label: string; m: Measure; names: string[]; prefix?: Measure }[] = [];
    const labels = new Map<string, number>();
    const used = new Set<number>();
    const classRows: number[] = [];
    const labelCol = this.col(this.spec.columns[side.column].key);
    for (const block of side.blocks) {
      if ('items' in block) this.fixedRows(block.items, side.column, side.width, used, rows, labels);
      else {
        const footers = new Set(side.footer.map((f) => norm(f.label)));
        this.table.rows.forEach((r, row) => {
          const text = r[labelCol] ?? '';
          if (used.has(row) || text.trim() === '' || footers.has(norm(text))) return;
          const code = classCode(text, this.template);
          if (!code) return;
          used.add(row);
          classRows.push(row);
          rows.push({ row, label: text, m: this.measure(block.classes.measure), names: [], prefix: { functionPrefix: code } as Measure });
        });
      }
    }
    this.fixedRows(side.footer, side.column, side.width, used, rows, labels);
    const byRow = this.rowSums(
      rows.map((r) => (r.prefix ? { ...r, m: {} } : r)),
      side.column,
      side.column + side.width,
    );
    this.declaredSums(byRow, labels, this.amountColumns(side.column, side.column + side.width), new Map([['{classes}', classRows]]));
  }

  private declaredSums(byRow: Map<number, Map<number, Figure>>, labels: Map<string, number>, columns: number[], groups: Map<string, number[]>): void {
    for (const s of this.spec.sums ?? []) {
      const total = labels.get(s.total);
      if (total === undefined || total < 0) continue;
      const parts: number[] = [];
      let complete = true;
      for (const p of s.parts) {
        const group = groups.get(p);
        if (group) parts.push(...group);
        else if (labels.has(p)) {
          const row = labels.get(p)!;
          if (row < 0) complete = false;
          else parts.push(row);
        } else if (!this.optional(p)) complete = false;
      }
      if (!complete) continue;
      for (const i of columns) this.relate(s.total.includes('合计') ? 'T-TOTAL-SUM' : 'T-PARENT-SUM', byRow.get(total)?.get(i), parts.map((r) => byRow.get(r)?.get(i)), `“${s.total}”等于${s.parts.map((p) => (p === '{classes}' ? '各类' : `“${p}”`)).join('、')}之和`);
    }
  }

  /** A row printed only when it has money (`onlyIfNonZero`): absent, it counts as zero. */
  private optional(label: string): boolean {
    const all: ItemRow[] = this.spec.rows.kind === 'items' ? this.spec.rows.items : this.spec.rows.kind === 'sides' ? this.spec.rows.sides.flatMap((s) => [...s.blocks.flatMap((b) => ('items' in b ? b.items : [])), ...s.footer]) : [];
    return all.some((i) => i.label === label && i.onlyIfNonZero);
  }

  /** Income equal to spending: the first amount of the rows so labelled, on whichever side prints them. */
  balance(): Relation[] {
    const out: Relation[] = [];
    if (!this.spec.balance) return out;
    {
      const { income, spending } = this.spec.balance;
      const find = (label: string) => this.figures.find((f) => norm(f.label) === norm(label));
      const a = find(income);
      const b = find(spending);
      if (a && b) out.push({ rule: 'T-BALANCE', total: a, parts: [b], what: `“${income}”等于“${spending}”` });
    }
    return out;
  }
}

const yuanText = (unit: string, v: number) => `${formatYuan(v)}${unit}`;

/** Whether the tables' titles are those of a template (of any year and either scope word): the tables it recognises. */
export function recogniseTables(template: Template, tables: readonly PublishedTableInput[]): Map<PublishedTableInput, TableTemplate> {
  const out = new Map<PublishedTableInput, TableTemplate>();
  for (const t of tables) {
    const title = norm(t.title).replace(/^\d{1,2}[、.．]?(?=\d{4}年)/, '');
    // a title without a year (Jiangsu's 收支预算总表) is matched as the template's title of no year
    const year = Number(/^(\d{4})年/.exec(title)?.[1] ?? 0);
    if (title === '') continue;
    const spec = template.tables.find((s) => [template.scopeWords.department, template.scopeWords.unit].some((w) => norm(tableTitle(s, year, w)) === title));
    if (spec) out.set(t, spec);
  }
  return out;
}

/** The template whose titles the tables carry (most tables recognised), if any. */
export function recogniseTemplate(templates: readonly Template[], tables: readonly PublishedTableInput[]): Template | undefined {
  let best: Template | undefined;
  let most = 0;
  for (const t of templates) {
    const n = recogniseTables(t, tables).size;
    if (n > most) [best, most] = [t, n];
  }
  return best;
}

/** Every check a template's tables allow, on a publication printed in it. */
export function checkTemplatePublication(template: Template, tables: readonly PublishedTableInput[]): CheckFinding[] {
  const known = recogniseTables(template, tables);
  const findings: CheckFinding[] = [];
  const unknown = tables.filter((t) => !known.has(t));
  if (unknown.length > 0) {
    findings.push(finding('T-TABLE', `${unknown.map((t) => `“${t.title}”`).join('、')}不是“${template.name}”模板中的表，未参与审核；请核对表题，或用 --template 指定模板`, {}));
  }
  const figures: Figure[] = [];
  const relations: Relation[] = [];
  const units = new Map<number, string>();
  const trees: PrintedTree[] = [];
  let absent = 0n;
  const lines = new LineAtoms(template);
  for (const [table, spec] of known) {
    const reader = new TableReader(template, spec, table, lines);
    reader.read();
    findings.push(...reader.problems);
    figures.push(...reader.figures);
    relations.push(...reader.relations, ...reader.balance());
    units.set(spec.number, table.unit ?? spec.unit);
    if (reader.printed) trees.push(reader.printed);
    absent |= reader.absent;
  }
  const cross = crossRelations(figures, units, { trees, absent }, relations);
  const broken: Relation[] = [...relations, ...cross.rounded].filter((r) => Math.abs(r.total.value - sum(r.parts)) > tolerance(units.get(r.total.table) ?? '元', r.parts.length));
  broken.push(...cross.exact);
  findings.push(...report(broken, units));
  return findings;
}

const cellId = (f: Place) => `${f.table}|${f.row}|${f.column}`;
const where = (f: Place) => `表 ${f.table}“${f.label}”行“${f.column}”列`;

/** The cells in the most broken relations are reported at their place, with what they should be; relations they explain go under them. */
function report(broken: Relation[], units: Map<number, string>): CheckFinding[] {
  const out: CheckFinding[] = [];
  let left = broken;
  while (left.length > 0) {
    const count = new Map<string, { f: Figure; n: number }>();
    for (const r of left) for (const f of [r.total, ...r.parts]) count.set(cellId(f), { f, n: (count.get(cellId(f))?.n ?? 0) + 1 });
    const [top] = [...count.values()].sort((a, b) => b.n - a.n);
    const suspect = top.n >= 2 ? top.f : undefined;
    const explained = suspect ? left.filter((r) => [r.total, ...r.parts].some((f) => cellId(f) === cellId(suspect))) : [left[0]];
    // what it should be, from the relation with the fewest other figures (the least rounding): an equal figure elsewhere first
    const others = (r: Relation) => [r.total, ...r.parts].filter((f) => !suspect || cellId(f) !== cellId(suspect)).length;
    const first = explained.reduce((best, r) => (others(r) < others(best) ? r : best));
    const unit = units.get(first.total.table) ?? '元';
    const cell = suspect ?? first.total;
    const inPart = suspect !== undefined && cellId(first.total) !== cellId(suspect);
    const should = inPart ? first.total.value - sum(first.parts.filter((p) => cellId(p) !== cellId(suspect))) : sum(first.parts);
    out.push({
      ...finding(first.rule, `${where(cell)}印 ${yuanText(unit, cell.value)}，${(inPart && first.whatOfPart) || first.what}，应为 ${yuanText(unit, should)}${suspect ? '' : '（无法判断是合计还是其组成有误）'}`, {
        table: cell.table,
        row: cell.row,
        column: cell.column,
      }),
      rowLabel: cell.label,
      ...(explained.length > 1 ? { consequences: explained.filter((r) => r !== first).map((r) => ({ rule: r.rule, message: `${where(r.total)}：${r.what}，因此不符`, place: { table: r.total.table, row: r.total.row, column: r.total.column } })) } : {}),
    });
    left = left.filter((r) => !explained.includes(r));
  }
  return out;
}
