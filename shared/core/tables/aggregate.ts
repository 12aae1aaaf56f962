import { CODE_LEVELS } from '../catalog/catalog';
import { addFen } from '../money';
import {
  EXPENDITURE_KINDS,
  FUND_SOURCES,
  PERSONNEL_CLASSES,
  runsOfficeExpenses,
  type CostType,
  type ExpenditureKind,
  type FundSource,
  type LineItem,
  type UnitType,
} from '../model';

/**
 * The sums every table of every template is drawn from: per 功能分类 项 and per 经济分类 款, the
 * amounts by line class. A line's class is what a template's measure can ask of a line apart from
 * its codes — source, kind, cost type, whether its unit runs offices — so the sums carry no table's
 * rule: which lines feed a figure is decided once, by the measure (./measure.ts), over classes.
 * Built in one pass over the lines (`LineStore.aggregate`) and kept up to date line by line
 * (`applyLine`), both through `lineClass`.
 */
export interface Aggregates {
  /** 功能分类 项 → amounts by line class. */
  byFunction: Map<string, ClassVector>;
  /** 经济分类 款 → amounts by line class. */
  byEconomic: Map<string, ClassVector>;
  /**
   * Every 类, 款 and 项 row of the function tables with the sum of the 项 vectors under it: made on
   * first use by `functionRows`, then kept up to date by `applyLine`, so that after an edit the rows
   * it touched are looked up rather than summed again.
   */
  byRow?: Map<string, ClassVector>;
  /** 科目名称 carried by lines (`f` or `e` + code → line id → name), for codes the catalog does not know. */
  lineNames: Map<string, Map<number, string>>;
}

/**
 * Amounts in 分 by line class (CLASSES long). Whole numbers held exactly in doubles: the pass adds
 * unchecked only while every partial sum stays below 2^53, every other addition is checked (addFen).
 * Typed so that a pass's sums are handed out as views, without a copy.
 */
export type ClassVector = Float64Array;

/** source × kind: slot `sourceIndex * 2 + kindIndex`. */
export const SLOTS = FUND_SOURCES.length * 2;
/** slot × 人员经费 × office unit: class `slot * 4 + personnel * 2 + office`. */
export const CLASSES = SLOTS * 4;
const SOURCES: readonly FundSource[] = FUND_SOURCES;

/** A source's index in FUND_SOURCES: compared in order (most lines are of the first), cheaper than hashing the text. */
function sourceIndex(source: FundSource): number {
  for (let i = 0; i < SOURCES.length; i++) if (SOURCES[i] === source) return i;
  throw new Error(`未知的资金来源“${source}”`);
}

export function slotOf(source: FundSource, kind: ExpenditureKind): number {
  return sourceIndex(source) * 2 + (kind === '基本支出' ? 0 : 1);
}

/** Whether a line is 人员经费: its own 经费类型, else its economic class (301 and 303). */
export function isPersonnel(costType: CostType | undefined, economicCode: string): boolean {
  if (costType !== undefined) return costType === '人员经费';
  for (const c of PERSONNEL_CLASSES) if (economicCode.startsWith(c)) return true;
  return false;
}

/** The one rule placing a line in the sums: its class from slot, cost type and its unit's type. */
export function classOf(slot: number, personnel: boolean, officeUnit: boolean): number {
  return slot * 4 + (personnel ? 2 : 0) + (officeUnit ? 1 : 0);
}

export function lineClass(line: LineItem, unitType: UnitType): number {
  return classOf(slotOf(line.source, line.kind), isPersonnel(line.costType, line.economicCode), runsOfficeExpenses(unitType));
}

/** What a class stands for (the inverse of `classOf`). */
export interface LineClass {
  source: FundSource;
  kind: ExpenditureKind;
  costType: CostType;
  officeUnit: boolean;
}

export const LINE_CLASSES: readonly LineClass[] = Array.from({ length: CLASSES }, (_, c) => ({
  source: FUND_SOURCES[c >> 3],
  kind: EXPENDITURE_KINDS[(c >> 2) & 1],
  costType: c & 2 ? '人员经费' : '公用经费',
  officeUnit: (c & 1) === 1,
}));

export function emptyAggregates(): Aggregates {
  return { byFunction: new Map(), byEconomic: new Map(), lineNames: new Map() };
}

export function bucket(map: Map<string, ClassVector>, key: string, size: number = CLASSES): ClassVector {
  let b = map.get(key);
  if (!b) {
    b = new Float64Array(size);
    map.set(key, b);
  }
  return b;
}

/**
 * The rows a code's vector adds into: its 类, 款 and itself (the prefixes of `lengths`). A code
 * shorter than a level (a line with a 款 code) adds into its own row once.
 */
export function rollUpKeys(code: string, lengths: readonly number[]): string[] {
  const keys: string[] = [];
  for (const n of lengths) {
    const key = code.slice(0, n);
    if (key !== keys[keys.length - 1]) keys.push(key);
  }
  return keys;
}

/** Sums of vectors by code rolled up to every level of `lengths`. */
export function rollUp(byCode: ReadonlyMap<string, ClassVector>, lengths: readonly number[], size: number = CLASSES): Map<string, ClassVector> {
  // each code into its own row, then each row into the row above it, deepest first (the fewest additions),
  // all rows in one buffer (a typed array each would cost more than the sums)
  const row = new Map<string, number>();
  const parent: number[] = [];
  const depth: number[] = [];
  const own: number[] = [];
  for (const code of byCode.keys()) {
    let above = -1;
    rollUpKeys(code, lengths).forEach((key, level) => {
      let r = row.get(key);
      if (r === undefined) {
        row.set(key, (r = parent.length));
        parent.push(above);
        depth.push(level);
      }
      above = r;
    });
    own.push(above);
  }
  const buffer = new Float64Array(row.size * size);
  let c = 0;
  for (const vector of byCode.values()) {
    // codes longer than the deepest level share its row
    for (let i = 0, to = own[c++] * size; i < size; i++) buffer[to + i] += vector[i];
  }
  const order = parent.map((_, r) => r).sort((a, b) => depth[b] - depth[a]);
  for (const r of order) {
    const p = parent[r];
    if (p < 0) continue;
    for (let i = 0, from = r * size, to = p * size; i < size; i++) buffer[to + i] += buffer[from + i];
  }
  const sums = new Map<string, ClassVector>();
  for (const [key, r] of row) sums.set(key, buffer.subarray(r * size, (r + 1) * size));
  return sums;
}

/** The 类, 款 and 项 rows of the function tables with their sums (see `Aggregates.byRow`). */
export function functionRows(agg: Aggregates): Map<string, ClassVector> {
  return (agg.byRow ??= rollUp(agg.byFunction, CODE_LEVELS.function));
}

export function noteName(agg: Aggregates, key: string, lineId: number, name: string, sign: 1 | -1): void {
  let names = agg.lineNames.get(key);
  if (!names) agg.lineNames.set(key, (names = new Map()));
  if (sign > 0) names.set(lineId, name);
  else names.delete(lineId);
}

/** The name lines give a code (`f` or `e` + code): of several, the one of the line entered last (highest id). */
export function lineName(agg: Aggregates, key: string): string | undefined {
  let best: [number, string] | undefined;
  for (const [id, name] of agg.lineNames.get(key) ?? []) if (!best || id > best[0]) best = [id, name];
  return best?.[1];
}

/** Adds (sign 1) or removes (sign -1) one line of a unit of the given type (the incremental path). */
export function applyLine(agg: Aggregates, line: LineItem, unitType: UnitType, sign: 1 | -1): void {
  const amount = sign * line.amount;
  const c = lineClass(line, unitType);
  const f = bucket(agg.byFunction, line.functionCode);
  f[c] = addFen(f[c], amount);
  if (agg.byRow) {
    for (const key of rollUpKeys(line.functionCode, CODE_LEVELS.function)) {
      const row = bucket(agg.byRow, key);
      row[c] = addFen(row[c], amount);
    }
  }
  const e = bucket(agg.byEconomic, line.economicCode);
  e[c] = addFen(e[c], amount);
  if (line.functionName) noteName(agg, `f${line.functionCode}`, line.id, line.functionName, sign);
  if (line.economicName) noteName(agg, `e${line.economicCode}`, line.id, line.economicName, sign);
}

/**
 * The sums of a list of lines, line by line as `applyLine` adds them: for a derivation done once,
 * cheaper than keeping the lines column-wise first (`LineStore`), which pays off only when kept.
 */
export function aggregate(lines: readonly LineItem[], unitTypeOf: (unit: string) => UnitType): Aggregates {
  const agg = emptyAggregates();
  for (const line of lines) applyLine(agg, line, unitTypeOf(line.unit), 1);
  return agg;
}
