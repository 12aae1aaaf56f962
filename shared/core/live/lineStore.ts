import { addFen, type Fen } from '../money';
import { runsOfficeExpenses, type LineItem, type UnitType } from '../model';
import { CLASSES, emptyAggregates, isPersonnel, noteName, slotOf, type Aggregates } from '../tables/aggregate';

/** Strings numbered in first-seen order. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  private lastValue: string | undefined;
  private lastId = -1;

  /** `repeats`: the same value often comes again next (lines are grouped by unit and project), so the last one is remembered. */
  constructor(private readonly repeats = false) {}

  id(value: string): number {
    if (!this.repeats) return this.lookUp(value);
    if (value === this.lastValue) return this.lastId;
    this.lastValue = value;
    return (this.lastId = this.lookUp(value));
  }

  private lookUp(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      this.ids.set(value, (id = this.values.length));
      this.values.push(value);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

/** The kind part of a slot (its low bit) for 项目支出. */
const PROJECT_KIND = slotOf('一般公共预算财政拨款', '项目支出') & 1;

function grown<T extends Int32Array | Uint8Array | Float64Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

function mix(unit: number, fn: number, eco: number, slot: number, project: number): number {
  let h = Math.imul(unit ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ fn, 0xc2b2ae35);
  h = Math.imul(h ^ eco, 0x85ebca6b);
  h = Math.imul(h ^ slot, 0xc2b2ae35);
  h = Math.imul(h ^ project, 0x85ebca6b);
  return (h ^ (h >>> 15)) & 0x3fffffff;
}

/** The interned id of the empty project name (基本支出 lines), given first. */
const NO_PROJECT = 0;

/** Line ids below this are found through an array (ids are given densely from 1); larger ones through a map. */
const DENSE_IDS = 1 << 24;

/**
 * The lines kept column-wise beside their objects: each code, unit and project as an interned
 * integer, source × kind as a slot, the amount in 分. Built once when a workbook is opened and
 * kept up to date line by line, so that the sums over all lines are one pass over typed arrays
 * (no string hashing per line) and lines can be compared by their fields as integers.
 * Rows are unordered: removing a line moves the last row into its place.
 */
export class LineStore {
  readonly units = new Interner(true);
  readonly functions = new Interner();
  readonly economics = new Interner();
  readonly projects = new Interner(true);
  private objects: LineItem[] = [];
  /** Row + 1 by line id (0: no such line), and the rows of ids of DENSE_IDS and above. */
  private rowById = new Int32Array(16);
  private readonly rowOfLargeId = new Map<number, number>();
  private capacity = 16;
  private unit = new Int32Array(16);
  private fn = new Int32Array(16);
  private eco = new Int32Array(16);
  private project = new Int32Array(16);
  private slot = new Uint8Array(16);
  private personnel = new Uint8Array(16);
  private amount = new Float64Array(16);
  private ids = new Float64Array(16);
  /** Lines per interned unit. */
  private unitLines = new Int32Array(16);
  /** Lines that carry a 科目名称 (few): their names go into the aggregates. */
  private readonly named = new Set<number>();
  /** Sum of |amount| over all lines: while below 2^53, every partial sum of a pass is an exact integer. */
  private magnitude = 0;

  constructor(lines: readonly LineItem[] = []) {
    this.projects.id('');
    if (lines.length > this.capacity) this.grow(lines.length);
    let maxId = 0;
    for (const line of lines) if (line.id > maxId) maxId = line.id;
    if (maxId < DENSE_IDS) this.rowById = new Int32Array(maxId + 1);
    this.objects = lines.slice();
    for (let row = 0; row < lines.length; row++) {
      this.setRow(lines[row].id, row);
      this.encode(lines[row], row);
    }
  }

  get size(): number {
    return this.objects.length;
  }

  line(id: number): LineItem | undefined {
    const row = this.rowOf(id);
    return row < 0 ? undefined : this.objects[row];
  }

  /** The row of a line (-1 when there is none): rows change as lines are removed. */
  rowOf(id: number): number {
    if (Number.isInteger(id) && id >= 0 && id < DENSE_IDS) return id < this.rowById.length ? this.rowById[id] - 1 : -1;
    return this.rowOfLargeId.get(id) ?? -1;
  }

  private setRow(id: number, row: number): void {
    if (Number.isInteger(id) && id >= 0 && id < DENSE_IDS) {
      this.rowById = grown(this.rowById, id + 1);
      this.rowById[id] = row + 1;
    } else if (row < 0) this.rowOfLargeId.delete(id);
    else this.rowOfLargeId.set(id, row);
  }

  private grow(size: number): void {
    this.capacity = Math.max(size, this.capacity * 2);
    this.unit = grown(this.unit, this.capacity);
    this.fn = grown(this.fn, this.capacity);
    this.eco = grown(this.eco, this.capacity);
    this.project = grown(this.project, this.capacity);
    this.slot = grown(this.slot, this.capacity);
    this.personnel = grown(this.personnel, this.capacity);
    this.amount = grown(this.amount, this.capacity);
    this.ids = grown(this.ids, this.capacity);
  }

  /** The line at a row. */
  lineAt(row: number): LineItem {
    return this.objects[row];
  }

  idAt(row: number): number {
    return this.ids[row];
  }

  amountAt(row: number): number {
    return this.amount[row];
  }

  /** Whether the line at a row is 项目支出. */
  isProjectAt(row: number): boolean {
    return (this.slot[row] & 1) === PROJECT_KIND;
  }

  /** The interned project name of the line at a row (an index into `projects.values`). */
  projectAt(row: number): number {
    return this.project[row];
  }

  /** How many lines name the unit. */
  linesOfUnit(unit: string): number {
    const id = this.units.find(unit);
    return id === undefined ? 0 : this.unitLines[id];
  }

  add(line: LineItem): void {
    const row = this.objects.length;
    if (row >= this.capacity) this.grow(row + 1);
    this.objects.push(line);
    this.setRow(line.id, row);
    this.encode(line, row);
  }

  private encode(line: LineItem, row: number): void {
    const unit = this.units.id(line.unit);
    if (unit >= this.unitLines.length) this.unitLines = grown(this.unitLines, unit + 1);
    this.unitLines[unit]++;
    const eco = this.economics.id(line.economicCode);
    this.unit[row] = unit;
    this.fn[row] = this.functions.id(line.functionCode);
    this.eco[row] = eco;
    this.project[row] = line.project === '' ? NO_PROJECT : this.projects.id(line.project);
    this.slot[row] = slotOf(line.source, line.kind);
    this.personnel[row] = isPersonnel(line.costType, line.economicCode) ? 1 : 0;
    this.amount[row] = line.amount;
    this.ids[row] = line.id;
    this.magnitude += Math.abs(line.amount);
    if (line.functionName !== undefined || line.economicName !== undefined) this.named.add(line.id);
  }

  /** Removes the line with this id and returns it (undefined when there is none). */
  remove(id: number): LineItem | undefined {
    const row = this.rowOf(id);
    if (row < 0) return undefined;
    const line = this.objects[row];
    this.setRow(id, -1);
    this.named.delete(id);
    this.unitLines[this.unit[row]]--;
    this.magnitude -= Math.abs(line.amount);
    const last = this.objects.length - 1;
    if (row !== last) {
      const moved = this.objects[last];
      this.objects[row] = moved;
      this.setRow(moved.id, row);
      this.unit[row] = this.unit[last];
      this.fn[row] = this.fn[last];
      this.eco[row] = this.eco[last];
      this.project[row] = this.project[last];
      this.slot[row] = this.slot[last];
      this.personnel[row] = this.personnel[last];
      this.amount[row] = this.amount[last];
      this.ids[row] = this.ids[last];
    }
    this.objects.pop();
    return line;
  }

  /** The interned 功能分类 code of the line at a row (an index into `functions.values`). */
  functionAt(row: number): number {
    return this.fn[row];
  }

  economicAt(row: number): number {
    return this.eco[row];
  }

  /** The fields hash (see fieldHash) of the line at a row. */
  hashAt(row: number): number {
    return mix(this.unit[row], this.fn[row], this.eco[row], this.slot[row], this.project[row]);
  }

  /**
   * A 31-bit hash of a line's unit, codes, kind, source and project (equal fields, equal hash), for a
   * line in the store or one that was (its fields are interned).
   */
  fieldHash(line: LineItem): number {
    const row = this.rowOf(line.id);
    if (row >= 0 && this.objects[row] === line) return this.hashAt(row);
    const id = (interner: Interner, value: string) => interner.find(value) ?? -1;
    return mix(id(this.units, line.unit), id(this.functions, line.functionCode), id(this.economics, line.economicCode), slotOf(line.source, line.kind), id(this.projects, line.project));
  }

  /** Replaces a line by its new version (the same id) in place. */
  replace(line: LineItem): void {
    const row = this.rowOf(line.id);
    const old = this.objects[row];
    this.unitLines[this.unit[row]]--;
    this.magnitude -= Math.abs(old.amount);
    this.named.delete(old.id);
    this.objects[row] = line;
    this.encode(line, row);
  }

  /** The 项目支出 of each project name, in one pass over the columns. */
  projectAmounts(): Map<string, Fen> {
    const out = new Map<string, Fen>();
    if (this.magnitude > Number.MAX_SAFE_INTEGER) {
      for (const line of this.objects) if (line.kind === '项目支出') out.set(line.project, addFen(out.get(line.project) ?? 0, line.amount));
      return out;
    }
    const sums = new Float64Array(this.projects.values.length);
    const counted = new Uint8Array(this.projects.values.length);
    for (let row = 0; row < this.objects.length; row++) {
      if ((this.slot[row] & 1) === PROJECT_KIND) {
        sums[this.project[row]] += this.amount[row];
        counted[this.project[row]] = 1;
      }
    }
    this.projects.values.forEach((name, i) => {
      if (counted[i]) out.set(name, sums[i]);
    });
    return out;
  }

  /**
   * The sums every table is drawn from, in one pass over the columns; for one unit's lines when
   * `unit` is given. Each line adds into its 项 and its 款 at its class (`classOf`), as `applyLine` does.
   */
  aggregate(unitTypeOf: (unit: string) => UnitType, unit?: string): Aggregates {
    // while every partial sum stays below 2^53 plain addition is exact; beyond, each addition is checked
    const exact = this.magnitude <= Number.MAX_SAFE_INTEGER;
    const only = unit === undefined ? -1 : (this.units.find(unit) ?? -2);
    const functionCount = this.functions.values.length;
    const economicCount = this.economics.values.length;
    const classes = CLASSES;
    const byFunction = new Float64Array(functionCount * classes);
    const functionLines = new Int32Array(functionCount);
    const byEconomic = new Float64Array(economicCount * classes);
    const economicLines = new Int32Array(economicCount);
    const officeUnit = Uint8Array.from(this.units.values, (u) => (runsOfficeExpenses(unitTypeOf(u)) ? 1 : 0));
    const { fn, eco, slot, personnel, amount } = this;
    for (let row = 0; row < this.objects.length; row++) {
      if (only !== -1 && this.unit[row] !== only) continue;
      const a = amount[row];
      const c = slot[row] * 4 + personnel[row] * 2 + officeUnit[this.unit[row]];
      const f = fn[row] * classes + c;
      const e = eco[row] * classes + c;
      if (exact) {
        byFunction[f] += a;
        byEconomic[e] += a;
      } else {
        byFunction[f] = addFen(byFunction[f], a);
        byEconomic[e] = addFen(byEconomic[e], a);
      }
      functionLines[fn[row]]++;
      economicLines[eco[row]]++;
    }
    const agg = emptyAggregates();
    this.functions.values.forEach((code, i) => {
      if (functionLines[i] > 0) agg.byFunction.set(code, byFunction.subarray(i * classes, (i + 1) * classes));
    });
    this.economics.values.forEach((code, i) => {
      if (economicLines[i] > 0) agg.byEconomic.set(code, byEconomic.subarray(i * classes, (i + 1) * classes));
    });
    for (const id of this.named) {
      const line = this.line(id)!;
      if (only !== -1 && line.unit !== unit) continue;
      if (line.functionName) noteName(agg, `f${line.functionCode}`, id, line.functionName, 1);
      if (line.economicName) noteName(agg, `e${line.economicCode}`, id, line.economicName, 1);
    }
    return agg;
  }
}
