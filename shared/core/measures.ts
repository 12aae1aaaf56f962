import { FISCAL_SOURCES, FUND_SOURCES, SANGONG_ITEMS, costTypeOf, isFiscal, runsOfficeExpenses, type FundSource, type LineItem, type MeasureKey, type SanGongKey, type UnitType } from './model';
import type { Fen } from './money';

/**
 * Named figures that can be compared year on year. A prior year known only as totals stores
 * figures under these keys (Baseline.figures); a prior year known line by line computes them.
 */
export const measureKey = {
  total: 'total' as MeasureKey,
  fiscal: 'fiscal' as MeasureKey,
  source: (source: FundSource): MeasureKey => `source:${source}`,
  function: (code: string): MeasureKey => `function:${code}`,
  /** A 功能分类 code funded by 财政拨款 only (财政拨款支出主要内容). */
  fiscalFunction: (code: string): MeasureKey => `fiscalFunction:${code}`,
  economic: (code: string): MeasureKey => `economic:${code}`,
  sanGong: (key: SanGongKey): MeasureKey => `sangong:${key}`,
  sanGongTotal: 'sangong:total' as MeasureKey,
  vehicles: 'sangong:vehicles' as MeasureKey,
  officeExpenses: 'officeExpenses' as MeasureKey,
};

/** What the text and the review screen call a named measure (codes are named by the catalogs). */
export function measureLabel(key: MeasureKey): string | undefined {
  if (key === measureKey.total) return '收支总计';
  if (key === measureKey.fiscal) return '财政拨款';
  if (key === measureKey.sanGongTotal) return '“三公”经费';
  if (key === measureKey.vehicles) return '公务用车购置及运行费';
  if (key === measureKey.officeExpenses) return '机关运行经费';
  const item = SANGONG_ITEMS.find((s) => measureKey.sanGong(s.key) === key);
  if (item) return item.label;
  const source = FUND_SOURCES.find((s) => measureKey.source(s) === key);
  return source;
}

function sanGongCodes(key: MeasureKey): readonly string[] | undefined {
  if (key === measureKey.sanGongTotal) return SANGONG_ITEMS.map((s) => s.economicCode);
  if (key === measureKey.vehicles) return SANGONG_ITEMS.filter((s) => s.key.startsWith('vehicle')).map((s) => s.economicCode);
  const item = SANGONG_ITEMS.find((s) => measureKey.sanGong(s.key) === key);
  return item ? [item.economicCode] : undefined;
}

/** A line's test for the measure, or undefined when the key names no measure. */
export function measurePredicate(key: MeasureKey, unitTypeOf: (unit: string) => UnitType): ((line: LineItem) => boolean) | undefined {
  if (key === measureKey.total) return () => true;
  if (key === measureKey.fiscal) return (l) => isFiscal(l.source);
  if (key === measureKey.officeExpenses) {
    return (l) => l.source === '一般公共预算财政拨款' && l.kind === '基本支出' && costTypeOf(l) === '公用经费' && runsOfficeExpenses(unitTypeOf(l.unit));
  }
  const codes = sanGongCodes(key);
  if (codes) return (l) => isFiscal(l.source) && codes.includes(l.economicCode);
  const [kind, arg] = key.split(':');
  if (kind === 'source') return (l) => l.source === arg;
  if (kind === 'function') return (l) => l.functionCode.startsWith(arg);
  if (kind === 'fiscalFunction') return (l) => isFiscal(l.source) && l.functionCode.startsWith(arg);
  if (kind === 'economic') return (l) => l.economicCode.startsWith(arg);
  return undefined;
}

export function measureFromLines(key: MeasureKey, lines: readonly LineItem[], unitTypeOf: (unit: string) => UnitType): Fen {
  const test = measurePredicate(key, unitTypeOf);
  if (!test) throw new Error(`未知的统计口径：${key}`);
  let sum = 0;
  for (const line of lines) if (test(line)) sum += line.amount;
  return sum;
}

/** Measures that are sums of other measures, used when a prior year gives only the parts. */
export function measureParts(key: MeasureKey): MeasureKey[] | undefined {
  if (key === measureKey.total) return FUND_SOURCES.map(measureKey.source);
  if (key === measureKey.fiscal) return FISCAL_SOURCES.map(measureKey.source);
  if (key === measureKey.sanGongTotal) return SANGONG_ITEMS.map((s) => measureKey.sanGong(s.key));
  if (key === measureKey.vehicles) return [measureKey.sanGong('vehiclePurchase'), measureKey.sanGong('vehicleOperation')];
  return undefined;
}
