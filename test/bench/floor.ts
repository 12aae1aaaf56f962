import { FISCAL_SOURCES, costTypeOf, runsOfficeExpenses, unitTypeLookup, type Workbook } from '../../shared/core/model';
import { CLASSES, emptyAggregates, slotOf, type Aggregates } from '../../shared/core/tables/aggregate';
import { workbookCatalogs } from '../../shared/core/catalog/workbookCatalogs';
import { withLineUnits, type DeriveContext } from '../../shared/core/tables/derive';
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
}

/** The floor: one pass over the columns, summing into flat per-key accumulators by line class (as the engine keeps them). */
export function sumEncoded(e: EncodedLines): FloorSums {
  const classes = CLASSES;
  const byFunction = new Float64Array(e.functionCodes.length * classes);
  const byEconomic = new Float64Array(e.economicCodes.length * classes);
  const { functionIndex, economicIndex, slot, flags, amount } = e;
  for (let i = 0; i < amount.length; i++) {
    const a = amount[i];
    const f = flags[i];
    const c = slot[i] * 4 + (f & PERSONNEL ? 2 : 0) + (f & OFFICE_UNIT ? 1 : 0);
    byFunction[functionIndex[i] * classes + c] += a;
    byEconomic[economicIndex[i] * classes + c] += a;
  }
  return { byFunction, byEconomic };
}

function safe(value: number): number {
  if (!Number.isSafeInteger(value)) throw new RangeError('floor sum left the exact range of a Float64');
  return value;
}

/**
 * What the tables are drawn from, as `deriveWorkbookTables` has it (the same catalog edition: a rare
 * code's name differs between editions), for the floor's and SQLite's sums.
 */
export function contextOf(wb: Workbook): DeriveContext {
  return { department: wb.department, year: wb.year, units: withLineUnits(wb.units, wb.lines), catalogs: workbookCatalogs(wb) };
}

/** The floor's sums in the engine's shape, to compare. */
export function toAggregates(e: EncodedLines, sums: FloorSums): Aggregates {
  const agg = emptyAggregates();
  e.functionCodes.forEach((code, i) => agg.byFunction.set(code, Float64Array.from(sums.byFunction.subarray(i * CLASSES, (i + 1) * CLASSES), safe)));
  e.economicCodes.forEach((code, i) => agg.byEconomic.set(code, Float64Array.from(sums.byEconomic.subarray(i * CLASSES, (i + 1) * CLASSES), safe)));
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
  return {
    pass: timeRuns(runs, () => sumEncoded(encoded)),
    encode: timeRuns(Math.min(runs, 5), () => encodeLines(wb)),
    objectRead: timeRuns(runs, () => sumAmounts(wb)),
  };
}
