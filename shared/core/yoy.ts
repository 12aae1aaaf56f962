import { CODE_LEVELS, LEVEL_NAMES, codePath, type CatalogKind, type Catalogs } from './catalog/catalog';
import { workbookCatalogs } from './catalog/workbookCatalogs';
import { measureFromLines, measureKey, measureLabel, measureParts } from './measures';
import { FUND_SOURCES, SANGONG_ITEMS, unitTypeLookup, type Baseline, type LineItem, type MeasureKey, type UnitType, type Workbook } from './model';
import { addFen, percentChange, wanHundredths, type Fen } from './money';

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
  /** A significant change with no reason written yet. */
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

/** A free text (a reason, a 用途) as a clause: trimmed, without the full stop a person may have typed. */
export function clauseOf(text: string): string {
  return text.trim().replace(/[。；，,.;]+$/u, '').trim();
}

function row(wb: Workbook, key: MeasureKey, label: string, current: Fen, previous: Fen | null, code?: { code: string; level?: string }): YoyRow {
  const reason = clauseOf(wb.texts.reasons[key] ?? '');
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
    flagged: sig !== null && reason === '',
  };
}

/** The year-on-year row of a named measure (any key but those by code, which `yearOnYear` lists). */
export function measureRow(wb: Workbook, key: MeasureKey): YoyRow {
  const unitTypeOf = unitTypeLookup(wb.units);
  return row(wb, key, measureLabel(key) ?? key, measureFromLines(key, wb.lines, unitTypeOf), previousFigure(wb.baseline, key, unitTypeOf));
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
  };
}
