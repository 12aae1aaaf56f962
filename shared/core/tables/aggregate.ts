import { CODE_LEVELS } from '../catalog/catalog';
import { addFen, type Fen } from '../money';
import {
  FUND_SOURCES,
  SANGONG_ITEMS,
  costTypeOf,
  isFiscal,
  runsOfficeExpenses,
  type ExpenditureKind,
  type FundSource,
  type LineItem,
  type UnitType,
} from '../model';

/**
 * The sums every table is drawn from, built in one pass over the lines and kept up to date
 * line by line (`applyLine`), so that an edit costs the same however many lines there are.
 */
export interface Aggregates {
  /** 功能分类 项 → amounts by [source × kind]: slot `sourceIndex * 2 + kindIndex`. */
  byFunction: Map<string, Fen[]>;
  /** 经济分类 款 → [人员经费, 公用经费] of 一般公共预算财政拨款 基本支出 (table 8). */
  byEconomic: Map<string, Fen[]>;
  /** 三公 items in the order of SANGONG_ITEMS, from lines funded by any 财政拨款 source. */
  sanGong: Fen[];
  /** 机关运行经费: 公用经费 of 一般公共预算 基本支出 in units that run offices. */
  officeExpenses: number;
  /**
   * Every 类, 款 and 项 row of the function tables with the sum of the 项 vectors under it: made on
   * first use by `functionRows`, then kept up to date by `applyLine`, so that after an edit the rows
   * it touched are looked up rather than summed again.
   */
  byRow?: Map<string, Fen[]>;
  /** 科目名称 carried by lines (`f` or `e` + code → line id → name), for codes the catalog does not know. */
  lineNames: Map<string, Map<number, string>>;
}

export const SLOTS = FUND_SOURCES.length * 2;
const SOURCES: readonly FundSource[] = FUND_SOURCES;

/** A source's index in FUND_SOURCES: compared in order (most lines are of the first), cheaper than hashing the text. */
function sourceIndex(source: FundSource): number {
  for (let i = 0; i < SOURCES.length; i++) if (SOURCES[i] === source) return i;
  throw new Error(`未知的资金来源“${source}”`);
}

function kindIndex(kind: ExpenditureKind): number {
  return kind === '基本支出' ? 0 : 1;
}
const SANGONG_INDEX = new Map<string, number>(SANGONG_ITEMS.map((item, i) => [item.economicCode, i]));
const GENERAL: FundSource = '一般公共预算财政拨款';

function slotAt(sourceIndex: number, kindIndex: number): number {
  return sourceIndex * 2 + kindIndex;
}

export function slotOf(source: FundSource, kind: ExpenditureKind): number {
  return slotAt(sourceIndex(source), kindIndex(kind));
}

export function emptyAggregates(): Aggregates {
  return { byFunction: new Map(), byEconomic: new Map(), sanGong: SANGONG_ITEMS.map(() => 0), officeExpenses: 0, lineNames: new Map() };
}

function bucket(map: Map<string, Fen[]>, key: string, size: number): Fen[] {
  let b = map.get(key);
  if (!b) {
    b = new Array<Fen>(size).fill(0);
    map.set(key, b);
  }
  return b;
}

/** Whether each source (by its index in FUND_SOURCES) is 财政拨款: the 三公 count only those. */
const FISCAL_BY_INDEX = FUND_SOURCES.map(isFiscal);
const GENERAL_INDEX = sourceIndex(GENERAL);
const BASIC_INDEX = kindIndex('基本支出');

/**
 * Adds (sign 1) or removes (sign -1) one line. The unit's type is asked for only when it matters
 * (公用经费 of 一般公共预算 基本支出), so a pass over many lines looks up few units.
 */
function addLine(agg: Aggregates, line: LineItem, unitTypeOf: (unit: string) => UnitType, sign: 1 | -1): void {
  const amount = sign * line.amount;
  const source = sourceIndex(line.source);
  const kind = kindIndex(line.kind);
  const f = bucket(agg.byFunction, line.functionCode, SLOTS);
  const slot = slotAt(source, kind);
  f[slot] = addFen(f[slot], amount);
  if (agg.byRow) {
    for (const key of rollUpKeys(line.functionCode, CODE_LEVELS.function)) {
      const row = bucket(agg.byRow, key, SLOTS);
      row[slot] = addFen(row[slot], amount);
    }
  }
  if (source === GENERAL_INDEX && kind === BASIC_INDEX) {
    const e = bucket(agg.byEconomic, line.economicCode, 2);
    const personnel = costTypeOf(line) === '人员经费';
    e[personnel ? 0 : 1] = addFen(e[personnel ? 0 : 1], amount);
    if (!personnel && runsOfficeExpenses(unitTypeOf(line.unit))) agg.officeExpenses = addFen(agg.officeExpenses, amount);
  }
  if (FISCAL_BY_INDEX[source]) {
    const s = SANGONG_INDEX.get(line.economicCode);
    if (s !== undefined) agg.sanGong[s] = addFen(agg.sanGong[s], amount);
  }
  if (line.functionName) noteName(agg, `f${line.functionCode}`, line.id, line.functionName, sign);
  if (line.economicName) noteName(agg, `e${line.economicCode}`, line.id, line.economicName, sign);
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
export function rollUp(byCode: ReadonlyMap<string, readonly Fen[]>, lengths: readonly number[], size: number): Map<string, Fen[]> {
  const sums = new Map<string, Fen[]>();
  for (const [code, vector] of byCode) {
    for (const key of rollUpKeys(code, lengths)) {
      const s = bucket(sums, key, size);
      for (let i = 0; i < size; i++) s[i] += vector[i];
    }
  }
  return sums;
}

/** The 类, 款 and 项 rows of the function tables with their sums (see `Aggregates.byRow`). */
export function functionRows(agg: Aggregates): Map<string, Fen[]> {
  return (agg.byRow ??= rollUp(agg.byFunction, CODE_LEVELS.function, SLOTS));
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

/** Adds (sign 1) or removes (sign -1) one line of a unit of the given type. */
export function applyLine(agg: Aggregates, line: LineItem, unitType: UnitType, sign: 1 | -1): void {
  addLine(agg, line, () => unitType, sign);
}

export function aggregate(lines: readonly LineItem[], unitTypeOf: (unit: string) => UnitType): Aggregates {
  const agg = emptyAggregates();
  for (const line of lines) addLine(agg, line, unitTypeOf, 1);
  return agg;
}
