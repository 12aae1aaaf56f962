import { FISCAL_SOURCES, SANGONG_ITEMS, costTypeOf, runsOfficeExpenses, unitTypeLookup, type Workbook } from '../../shared/core/model';
import { SLOTS, emptyAggregates, slotOf, type Aggregates } from '../../shared/core/tables/aggregate';
import { withLineUnits } from '../../shared/core/tables/derive';
import { timeRuns, type Timing } from './measure';

/**
 * The lines as columns of typed arrays: codes as Int32 indices, source × kind as a slot, the flags
 * the sums depend on, and the amount as integer 分 in a Float64Array (exact: every partial sum stays
 * below 2^53, checked by `toAggregates`).
 */
export interface EncodedLines {
  functionCodes: string[];
  economicCodes: string[];
  functionIndex: Int32Array;
  economicIndex: Int32Array;
  slot: Uint8Array;
  /** bit 0: 人员经费; bit 1: the unit runs offices; bit 2: funded by a 财政拨款 source. */
  flags: Uint8Array;
  amount: Float64Array;
}

const PERSONNEL = 1;
const OFFICE_UNIT = 2;
const FISCAL = 4;
const GENERAL_BASIC = slotOf('一般公共预算财政拨款', '基本支出');

export function encodeLines(wb: Workbook): EncodedLines {
  const typeOf = unitTypeLookup(withLineUnits(wb.units, wb.lines));
  const n = wb.lines.length;
  const functionIds = new Map<string, number>();
  const economicIds = new Map<string, number>();
  const id = (map: Map<string, number>, code: string) => {
    let i = map.get(code);
    if (i === undefined) map.set(code, (i = map.size));
    return i;
  };
  const out: EncodedLines = {
    functionCodes: [],
    economicCodes: [],
    functionIndex: new Int32Array(n),
    economicIndex: new Int32Array(n),
    slot: new Uint8Array(n),
    flags: new Uint8Array(n),
    amount: new Float64Array(n),
  };
  wb.lines.forEach((line, i) => {
    out.functionIndex[i] = id(functionIds, line.functionCode);
    out.economicIndex[i] = id(economicIds, line.economicCode);
    out.slot[i] = slotOf(line.source, line.kind);
    out.flags[i] =
      (costTypeOf(line) === '人员经费' ? PERSONNEL : 0) |
      (runsOfficeExpenses(typeOf(line.unit)) ? OFFICE_UNIT : 0) |
      (FISCAL_SOURCES.includes(line.source) ? FISCAL : 0);
    out.amount[i] = line.amount;
  });
  out.functionCodes = [...functionIds.keys()];
  out.economicCodes = [...economicIds.keys()];
  return out;
}

export interface FloorSums {
  byFunction: Float64Array;
  byEconomic: Float64Array;
  sanGong: Float64Array;
  officeExpenses: number;
}

/** The floor: one pass over the columns, summing into flat per-key accumulators. */
export function sumEncoded(e: EncodedLines, sanGongOf: Int8Array): FloorSums {
  const byFunction = new Float64Array(e.functionCodes.length * SLOTS);
  const byEconomic = new Float64Array(e.economicCodes.length * 2);
  const sanGong = new Float64Array(SANGONG_ITEMS.length);
  let officeExpenses = 0;
  const { functionIndex, economicIndex, slot, flags, amount } = e;
  // a local copy: a module's imported binding may be read through a getter in every iteration
  const slots = SLOTS;
  for (let i = 0; i < amount.length; i++) {
    const a = amount[i];
    const s = slot[i];
    const f = flags[i];
    byFunction[functionIndex[i] * slots + s] += a;
    if (s === GENERAL_BASIC) {
      byEconomic[economicIndex[i] * 2 + (f & PERSONNEL ? 0 : 1)] += a;
      if ((f & (PERSONNEL | OFFICE_UNIT)) === OFFICE_UNIT) officeExpenses += a;
    }
    const g = sanGongOf[economicIndex[i]];
    if (g >= 0 && f & FISCAL) sanGong[g] += a;
  }
  return { byFunction, byEconomic, sanGong, officeExpenses };
}

/** Which 三公 item each economic code index is (-1 for none). */
export function sanGongIndex(e: EncodedLines): Int8Array {
  return Int8Array.from(e.economicCodes, (code) => SANGONG_ITEMS.findIndex((s) => s.economicCode === code));
}

function safe(value: number): number {
  if (!Number.isSafeInteger(value)) throw new RangeError('floor sum left the exact range of a Float64');
  return value;
}

/** The floor's sums in the engine's shape (codes with no line in a slot stay zero), to compare. */
export function toAggregates(e: EncodedLines, sums: FloorSums): Aggregates {
  const agg = emptyAggregates();
  e.functionCodes.forEach((code, i) => agg.byFunction.set(code, Array.from(sums.byFunction.subarray(i * SLOTS, (i + 1) * SLOTS), safe)));
  e.economicCodes.forEach((code, i) => {
    const pair = Array.from(sums.byEconomic.subarray(i * 2, i * 2 + 2), safe);
    if (pair.some((v) => v !== 0)) agg.byEconomic.set(code, pair);
  });
  agg.sanGong = Array.from(sums.sanGong, safe);
  agg.officeExpenses = safe(sums.officeExpenses);
  return agg;
}

export interface FloorResult {
  pass: Timing;
  encode: Timing;
  /** The floor of any pass over the LineItem objects: read each line's amount, nothing else. */
  objectRead: Timing;
}

function sumAmounts(wb: Workbook): number {
  let sum = 0;
  for (const line of wb.lines) sum += line.amount;
  return sum;
}

export function benchFloor(wb: Workbook, runs: number): FloorResult {
  const encoded = encodeLines(wb);
  const sanGongOf = sanGongIndex(encoded);
  return {
    pass: timeRuns(runs, () => sumEncoded(encoded, sanGongOf)),
    encode: timeRuns(Math.min(runs, 5), () => encodeLines(wb)),
    objectRead: timeRuns(runs, () => sumAmounts(wb)),
  };
}
