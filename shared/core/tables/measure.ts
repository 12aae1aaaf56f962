import { addFen, type Fen } from '../money';
import { FISCAL_SOURCES, SANGONG_ITEMS, type FundSource, type LineItem, type UnitType } from '../model';
import type { Measure } from '../templates/types';
import { LINE_CLASSES, lineClass, type Aggregates, type ClassVector } from './aggregate';
import type { LineFilter } from './tableModel';

/**
 * The one rule deciding which lines feed a figure: a measure (or a screen's `LineFilter`, a measure
 * narrowed to a 功能分类 code and a unit) holds for the classes of lines it admits and the economic
 * codes it names. Sums over the aggregates and the screen's list of a figure's lines both read it.
 */
export interface CompiledMeasure {
  /** Per line class (see aggregate.ts): 1 when the measure admits it. */
  mask: Uint8Array;
  /** The classes it admits, in order (what a sum over a vector reads). */
  classes: Int32Array;
  /** Whether an economic code is admitted (undefined: every code). */
  economic?: (code: string) => boolean;
}

const compiled = new WeakMap<Measure, CompiledMeasure>();

export function compileMeasure(m: Measure): CompiledMeasure {
  let c = compiled.get(m);
  if (!c) {
    const mask = Uint8Array.from(LINE_CLASSES, (k) =>
      !m.none &&
      (!m.sources || m.sources.includes(k.source)) &&
      (!m.kinds || m.kinds.includes(k.kind)) &&
      (!m.costType || m.costType === k.costType) &&
      (!m.officeUnitsOnly || k.officeUnit)
        ? 1
        : 0,
    );
    const { economicCodes, economicPrefix } = m;
    const economic =
      economicCodes || economicPrefix
        ? (code: string) => (!economicCodes || economicCodes.includes(code)) && (!economicPrefix || code.startsWith(economicPrefix))
        : undefined;
    const classes = Int32Array.from(Array.from(mask).flatMap((on, i) => (on ? [i] : [])));
    compiled.set(m, (c = { mask, classes, economic }));
  }
  return c;
}

const intersections = new WeakMap<Measure, WeakMap<Measure, Measure>>();

/** Lines both measures admit; the same two measures give the same object (so that it is compiled once). */
export function intersect<M extends Measure>(a: M, b: Measure): M {
  let withA = intersections.get(a);
  if (!withA) intersections.set(a, (withA = new WeakMap()));
  let out = withA.get(b);
  if (!out) withA.set(b, (out = intersection(a, b)));
  return out as M;
}

function intersection(a: Measure, b: Measure): Measure {
  const both = <T>(x: readonly T[] | undefined, y: readonly T[] | undefined) => (x && y ? x.filter((v) => y.includes(v)) : (x ?? y)?.slice());
  const out: Measure = { ...a, ...b };
  const sources = both(a.sources, b.sources);
  const kinds = both(a.kinds, b.kinds);
  const codes = both(a.economicCodes, b.economicCodes);
  if (sources) out.sources = sources;
  if (kinds) out.kinds = kinds;
  if (codes) out.economicCodes = codes;
  if (a.economicPrefix && b.economicPrefix) out.economicPrefix = a.economicPrefix.length >= b.economicPrefix.length ? a.economicPrefix : b.economicPrefix;
  if ((a.costType && b.costType && a.costType !== b.costType) || a.none || b.none) out.none = true;
  if (a.officeUnitsOnly || b.officeUnitsOnly) out.officeUnitsOnly = true;
  const plus = [...new Set([...(a.plus ?? []), ...(b.plus ?? [])])];
  if (plus.length > 0) out.plus = plus;
  return out;
}

/** A vector's sum over the classes a measure admits. */
export function maskedSum(vector: ClassVector, classes: Int32Array): Fen {
  let s = 0;
  for (let i = 0; i < classes.length; i++) s += vector[classes[i]];
  return s;
}

/**
 * The line classes a set of measures cannot tell apart, merged into groups: a vector summed by group
 * once (`groupSums`) then gives each measure of the set in a few additions instead of one per class.
 */
export interface ClassGroups {
  /** Group by class. */
  groupOf: Int32Array;
  size: number;
  /** The groups a measure of the set admits (it admits every class of such a group, or none). */
  groups(m: Measure): Int32Array;
}

export function classGroups(measures: readonly Measure[]): ClassGroups {
  const masks = measures.map((m) => compileMeasure(m).mask);
  const bySignature = new Map<string, number>();
  const first: number[] = [];
  const groupOf = Int32Array.from(LINE_CLASSES, (_, c) => {
    const signature = masks.map((mask) => mask[c]).join('');
    let g = bySignature.get(signature);
    if (g === undefined) {
      bySignature.set(signature, (g = first.length));
      first.push(c);
    }
    return g;
  });
  const groups = new WeakMap<Measure, Int32Array>();
  return {
    groupOf,
    size: first.length,
    groups(m) {
      let out = groups.get(m);
      if (!out) {
        const { mask } = compileMeasure(m);
        groups.set(m, (out = Int32Array.from(first.flatMap((c, g) => (mask[c] ? [g] : [])))));
      }
      return out;
    },
  };
}

/** A vector's sums by group, written into `into` from `at`. */
export function groupSums(vector: ClassVector, { groupOf, size }: ClassGroups, into: Float64Array, at: number): void {
  into.fill(0, at, at + size);
  for (let c = 0; c < vector.length; c++) into[at + groupOf[c]] += vector[c];
}

/**
 * The figure of a measure over all lines (from the 款 sums, so economic conditions apply). `total`,
 * the sum of every line's vector when the caller has it, answers a measure without an economic condition.
 */
export function measureTotal(agg: Aggregates, m: Measure, total?: ClassVector): Fen {
  const { classes, economic } = compileMeasure(m);
  let s: Fen = 0;
  if (total && !economic) {
    for (let i = 0; i < classes.length; i++) s = addFen(s, total[classes[i]]);
    return s;
  }
  for (const [code, vector] of agg.byEconomic) if (!economic || economic(code)) s = addFen(s, maskedSum(vector, classes));
  return s;
}

/** Whether a line is among those a figure sums (the screen lists them when a figure is clicked). */
export function matchesFilter(filter: LineFilter, line: LineItem, unitType: UnitType): boolean {
  if (filter.unit !== undefined && line.unit !== filter.unit) return false;
  if (filter.functionPrefix && !line.functionCode.startsWith(filter.functionPrefix)) return false;
  const { mask, economic } = compileMeasure(filter);
  return mask[lineClass(line, unitType)] === 1 && (!economic || economic(line.economicCode));
}

const FISCAL: FundSource[] = [...FISCAL_SOURCES];
/** The 三公 items (in the order of SANGONG_ITEMS) as the text states them: 财政拨款 on their 经济分类 款. */
export const SANGONG_MEASURES: readonly Measure[] = SANGONG_ITEMS.map((item) => ({ sources: FISCAL, economicCodes: [item.economicCode] }));
/** 机关运行经费: 公用经费 of 一般公共预算 基本支出 in units that run offices. */
export const OFFICE_EXPENSES: Measure = { sources: ['一般公共预算财政拨款'], kinds: ['基本支出'], costType: '公用经费', officeUnitsOnly: true };

export function sanGongFigures(agg: Aggregates): Fen[] {
  return SANGONG_MEASURES.map((m) => measureTotal(agg, m));
}
