import { CODE_LEVELS, LEVEL_NAMES, codePath, type CatalogKind, type Catalogs } from './catalog/catalog';
import { workbookCatalogs } from './catalog/workbookCatalogs';
import { measureFromLines, measureKey, measureLabel, measureParts } from './measures';
import { FISCAL_SOURCES, FUND_SOURCES, SANGONG_ITEMS, isFiscal, unitTypeLookup, type Baseline, type LineItem, type MeasureKey, type UnitType, type Workbook } from './model';
import { addFen, percentChange, wanHundredths, type Fen } from './money';
import { clauseOf, reasonState, type ReasonState } from './reasons';

/**
 * How the text states a change. The direction is read off the sign of the exact change, so a
 * phrase that says 增加 for a figure that fell cannot be built. A change that rounds to 0.00 万元
 * is 持平: the text prints the change in 万元, and “增加 0.00 万元” says nothing a reader can use.
 */
export type ChangePhrase = { direction: '持平' } | { direction: '增加' | '减少'; amount: Fen };

/** The phrase for this year's figure against last year's; null when last year's is unknown. */
export function changePhrase(current: Fen, previous: Fen | null): ChangePhrase | null {
  if (previous === null) return null;
  const change = current - previous;
  if (wanHundredths(change) === 0) return { direction: '持平' };
  return { direction: change > 0 ? '增加' : '减少', amount: Math.abs(change) };
}

/** Why a change needs a written reason: 10% or more either way, or from or to zero. */
export type Significance = 'large' | 'fromZero' | 'toZero';

function significance(current: Fen, previous: Fen | null): Significance | null {
  if (previous === null) return null;
  if (previous === 0) return current === 0 ? null : 'fromZero';
  if (current === 0) return 'toZero';
  // |change| / |previous| ≥ 10%, in integers: no rounding can move a change across the line.
  return BigInt(Math.abs(current - previous)) * 10n >= BigInt(Math.abs(previous)) ? 'large' : null;
}

export interface YoyRow {
  key: MeasureKey;
  /** 功能分类 or 经济分类 code, for rows by code. */
  code?: string;
  /** 类 / 款 / 项 of a code. */
  level?: string;
  label: string;
  current: Fen;
  /** Null when the prior year is not known at this level. */
  previous: Fen | null;
  change: Fen | null;
  /** One decimal; null when last year is unknown or zero. */
  percent: string | null;
  phrase: ChangePhrase | null;
  significance: Significance | null;
  /** The reason written for this change (texts.reasons[key]) as a clause; '' when none. */
  reason: string;
  /** Whether the reason was written for this change as it is now (see ./reasons). */
  reasonState: ReasonState;
  /** A significant change whose reason is not written, or was written for another change and not confirmed. */
  flagged: boolean;
}

export interface YoyReport {
  year: number;
  previousYear: number;
  /** The prior year's figures are reconstructed (not a budget of record); see provenance. */
  reconstructed: boolean;
  provenance?: string;
  /** 收支总计 and 财政拨款. */
  summary: YoyRow[];
  bySource: YoyRow[];
  /** 功能分类 类/款/项 of either year, each parent before its children. */
  byFunction: YoyRow[];
  /** 经济分类 类/款 of either year. */
  byEconomic: YoyRow[];
  /** “三公” total, its items, the vehicle subtotal, and 机关运行经费. */
  sanGong: YoyRow[];
  /** The changes the text states and explains, each with its one reason (see `explainedChanges`). */
  explained: YoyRow[];
}

/** Whether anything of last year is known: without it no change is stated, so none waits for a reason. */
export function hasBaseline(baseline: Baseline): boolean {
  return Object.keys(baseline.figures).length > 0 || baselineLines(baseline) !== undefined;
}

/** Last year's lines, when the baseline is known line by line; an empty array counts as none. */
function baselineLines(baseline: Baseline): readonly LineItem[] | undefined {
  return baseline.lines && baseline.lines.length > 0 ? baseline.lines : undefined;
}

/**
 * Last year's figure for a measure: from last year's lines when the baseline has them (with this
 * year's unit types), else the figure entered for it, else the sum of its parts when every part is
 * known, else null.
 */
export function previousFigure(baseline: Baseline, key: MeasureKey, unitTypeOf: (unit: string) => UnitType): Fen | null {
  const lines = baselineLines(baseline);
  if (lines) return measureFromLines(key, lines, unitTypeOf);
  const known = baseline.figures[key];
  if (known !== undefined) return known;
  const parts = measureParts(key);
  if (!parts) return null;
  let sum: Fen = 0;
  for (const part of parts) {
    const value = previousFigure(baseline, part, unitTypeOf);
    if (value === null) return null;
    sum = addFen(sum, value);
  }
  return sum;
}

function row(wb: Workbook, key: MeasureKey, label: string, current: Fen, previous: Fen | null, code?: { code: string; level?: string }): YoyRow {
  const written = wb.texts.reasons[key];
  const reason = clauseOf(written?.text ?? '');
  const state = reasonState(written, { current, previous });
  const sig = significance(current, previous);
  return {
    key,
    ...code,
    label,
    current,
    previous,
    change: previous === null ? null : current - previous,
    percent: previous === null ? null : percentChange(current, previous),
    phrase: changePhrase(current, previous),
    significance: sig,
    reason,
    reasonState: state,
    flagged: sig !== null && state !== 'current',
  };
}

/** The year-on-year row of a named measure (any key but those by code, which `yearOnYear` lists). */
export function measureRow(wb: Workbook, key: MeasureKey, label = measureLabel(key) ?? key): YoyRow {
  const unitTypeOf = unitTypeLookup(wb.units);
  return row(wb, key, label, measureFromLines(key, wb.lines, unitTypeOf), previousFigure(wb.baseline, key, unitTypeOf));
}

/** Last year's figure of each measure, each worked out once (from last year's lines, they are a pass each). */
export function previousFigures(wb: Pick<Workbook, 'baseline' | 'units'>): (key: MeasureKey) => Fen | null {
  const unitTypeOf = unitTypeLookup(wb.units);
  const known = new Map<MeasureKey, Fen | null>();
  return (key) => {
    if (!known.has(key)) known.set(key, previousFigure(wb.baseline, key, unitTypeOf));
    return known.get(key)!;
  };
}

/** This year's figures of the measures a text explains, however they are summed (from the lines, or from kept aggregates). */
export interface CurrentFigures {
  figure(key: MeasureKey): Fen;
  /** The 功能分类 类 that have 财政拨款 this year (a sum other than zero). */
  fiscalClasses(): Iterable<string>;
}

export function figuresFromLines(wb: Pick<Workbook, 'lines' | 'units'>): CurrentFigures {
  const unitTypeOf = unitTypeLookup(wb.units);
  return {
    figure: (key) => measureFromLines(key, wb.lines, unitTypeOf),
    fiscalClasses: () => {
      const sums = new Map<string, Fen>();
      for (const l of wb.lines) if (isFiscal(l.source) && l.functionCode.length >= 3) sums.set(l.functionCode.slice(0, 3), addFen(sums.get(l.functionCode.slice(0, 3)) ?? 0, l.amount));
      return [...sums].filter(([, fen]) => fen !== 0).map(([code]) => code);
    },
  };
}

/** 功能分类 类 with 财政拨款 last year, when the baseline knows them (line by line, or as fiscalFunction figures). */
function previousFiscalClasses(baseline: Baseline): string[] {
  const lines = baselineLines(baseline);
  if (lines) return lines.filter((l) => isFiscal(l.source)).map((l) => l.functionCode.slice(0, 3));
  const prefix = measureKey.fiscalFunction('');
  return Object.keys(baseline.figures)
    .filter((k) => k.startsWith(prefix) && k.length === prefix.length + 3)
    .map((k) => k.slice(prefix.length));
}

/**
 * The measures whose change the text states and a person explains, in the text's order: 收支总计,
 * 财政拨款 and its three kinds, each 功能分类 类 of 财政拨款支出主要内容, the “三公” total and items,
 * 机关运行经费. Each has exactly one reason, keyed by the measure.
 */
export function explainedKeys(wb: Pick<Workbook, 'baseline'>, current: CurrentFigures): MeasureKey[] {
  const classes = new Set([...current.fiscalClasses(), ...previousFiscalClasses(wb.baseline)].filter((c) => /^\d{3}$/.test(c)));
  return [
    measureKey.total,
    measureKey.fiscal,
    ...FISCAL_SOURCES.map(measureKey.source),
    ...[...classes].sort().map(measureKey.fiscalFunction),
    measureKey.sanGongTotal,
    measureKey.sanGong('abroad'),
    measureKey.vehicles,
    measureKey.sanGong('vehiclePurchase'),
    measureKey.sanGong('vehicleOperation'),
    measureKey.sanGong('reception'),
    measureKey.officeExpenses,
  ];
}

/** The year-on-year rows of the explained changes (see `explainedKeys`), this year's figures as given. */
export function explainedChanges(
  wb: Workbook,
  current: CurrentFigures = figuresFromLines(wb),
  catalogs: Catalogs = workbookCatalogs(wb),
  previousOf: (key: MeasureKey) => Fen | null = previousFigures(wb),
): YoyRow[] {
  return explainedKeys(wb, current).map((key) => {
    const cls = key.startsWith(measureKey.fiscalFunction('')) ? key.slice(measureKey.fiscalFunction('').length) : undefined;
    const label = cls ? `${catalogs.function.entries.get(cls)?.name ?? `功能分类 ${cls} 类`}（财政拨款）` : (measureLabel(key) ?? key);
    return row(wb, key, label, current.figure(key), previousOf(key), cls ? { code: cls, level: '类' } : undefined);
  });
}

const codeOf: Record<CatalogKind, (line: LineItem) => string> = {
  function: (l) => l.functionCode,
  economic: (l) => l.economicCode,
};
const nameOfLine: Record<CatalogKind, (line: LineItem) => string | undefined> = {
  function: (l) => l.functionName,
  economic: (l) => l.economicName,
};
const keyOf: Record<CatalogKind, (code: string) => MeasureKey> = { function: measureKey.function, economic: measureKey.economic };

/** Sums by code at every level (类, 款, 项) in one pass. */
function sumsByCode(kind: CatalogKind, lines: readonly LineItem[]): Map<string, Fen> {
  const sums = new Map<string, Fen>();
  for (const line of lines) {
    for (const code of codePath(kind, codeOf[kind](line))) sums.set(code, addFen(sums.get(code) ?? 0, line.amount));
  }
  return sums;
}

function rowsByCode(wb: Workbook, kind: CatalogKind, catalogs: Catalogs): YoyRow[] {
  const current = sumsByCode(kind, wb.lines);
  const lastLines = baselineLines(wb.baseline);
  const last = lastLines ? sumsByCode(kind, lastLines) : undefined;
  const prefix = keyOf[kind]('');
  const codes = new Set([...current.keys(), ...(last ? last.keys() : [])]);
  if (!last) for (const key of Object.keys(wb.baseline.figures)) if (key.startsWith(prefix)) codes.add(key.slice(prefix.length));
  const lineNames = new Map<string, string>();
  for (const line of [...wb.lines, ...(lastLines ?? [])]) {
    const name = nameOfLine[kind](line);
    if (name) lineNames.set(codeOf[kind](line), name);
  }
  return [...codes].sort().map((code) => {
    const label = catalogs[kind].entries.get(code)?.name ?? lineNames.get(code) ?? '';
    const key = keyOf[kind](code);
    const previous = last ? (last.get(code) ?? 0) : (wb.baseline.figures[key] ?? null);
    const level = LEVEL_NAMES[kind][CODE_LEVELS[kind].indexOf(code.length)];
    return row(wb, key, label, current.get(code) ?? 0, previous, level ? { code, level } : { code });
  });
}

/** Year-on-year changes for the review screen. */
export function yearOnYear(wb: Workbook, catalogs: Catalogs = workbookCatalogs(wb)): YoyReport {
  return {
    year: wb.year,
    previousYear: wb.baseline.year,
    reconstructed: wb.baseline.reconstructed === true,
    ...(wb.baseline.provenance ? { provenance: wb.baseline.provenance } : {}),
    summary: [measureKey.total, measureKey.fiscal].map((key) => measureRow(wb, key)),
    bySource: FUND_SOURCES.map((s) => measureRow(wb, measureKey.source(s))),
    byFunction: rowsByCode(wb, 'function', catalogs),
    byEconomic: rowsByCode(wb, 'economic', catalogs),
    sanGong: [
      measureKey.sanGongTotal,
      ...SANGONG_ITEMS.map((s) => measureKey.sanGong(s.key)),
      measureKey.vehicles,
      measureKey.officeExpenses,
    ].map((key) => measureRow(wb, key)),
    explained: explainedChanges(wb, figuresFromLines(wb), catalogs),
  };
}
